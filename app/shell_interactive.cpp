// The interactive shell: libedit's line editor with history, Tab
// completion through shell::complete(), a prompt naming the database, the
// pager and the destructive-statement confirmation.
// libedit's readline.h needs FILE declared first.
#include <cstdio>
// clang-format off
#include <editline/readline.h>
// clang-format on
#include <signal.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "shell/completion.h"
#include "shell/statement.h"
#include "shell_front_end.h"
#include "shell_pager.h"

namespace covet::cli {

namespace {

namespace fs = std::filesystem;

// The session the completion callback (a plain C function) reads.
const shell::Session* completing = nullptr;

// $XDG_STATE_HOME/covet/history, else ~/.covet_history; empty: no history.
std::string history_path() {
    const char* state = std::getenv("XDG_STATE_HOME");
    if (state != nullptr && *state != '\0') {
        std::error_code ec;
        fs::create_directories(fs::path(state) / "covet", ec);
        return (fs::path(state) / "covet" / "history").string();
    }
    const char* home = std::getenv("HOME");
    return home != nullptr && *home != '\0' ? (fs::path(home) / ".covet_history").string() : "";
}

// Candidates for line[start, rl_point), from complete()'s replacements for
// line[replace_from, rl_point): readline breaks words its own way.
std::vector<std::string> candidates_for(int start) {
    std::string line(rl_line_buffer, static_cast<std::size_t>(rl_end));
    auto cursor = static_cast<std::size_t>(rl_point);
    shell::Completions found = shell::complete(*completing, line, cursor);
    auto word_start = static_cast<std::size_t>(start);
    std::vector<std::string> candidates;
    for (std::string candidate : found.candidates) {
        if (found.replace_from < word_start) {
            std::string before = line.substr(found.replace_from, word_start - found.replace_from);
            if (!candidate.starts_with(before)) continue;
            candidate.erase(0, before.size());
        } else if (found.replace_from > word_start) {
            candidate = line.substr(word_start, found.replace_from - word_start) + candidate;
        }
        candidates.push_back(candidate);
    }
    return candidates;
}

std::vector<std::string> pending;  // the candidates `next_candidate` hands out

char* next_candidate(const char*, int state) {
    static std::size_t next = 0;
    if (state == 0) next = 0;
    if (next >= pending.size()) return nullptr;
    return strdup(pending[next++].c_str());
}

char** complete_word(const char* text, int start, int) {
    rl_attempted_completion_over = 1;  // never fall back to file names
    try {
        pending = candidates_for(start);
    } catch (const std::exception&) {
        pending.clear();
    }
    if (pending.empty()) return nullptr;
    return rl_completion_matches(text, next_candidate);
}

void set_up_line_editor(const shell::Session& session, const std::string& history) {
    completing = &session;
    rl_readline_name = "covet";
    static char breaks[] = " \t\n\"'`=(),[]{}.;+-*/~&|<>:";
    rl_completer_word_break_characters = breaks;
    rl_basic_word_break_characters = breaks;
    rl_attempted_completion_function = complete_word;
    rl_completion_append_character = '\0';
    using_history();
    stifle_history(5000);
    if (!history.empty()) read_history(history.c_str());
}

// One input: a line and its continuation lines; nullopt at end of input.
std::optional<std::string> read_input(const std::string& prompt) {
    std::string input;
    while (true) {
        std::unique_ptr<char, decltype(&std::free)> line(
            readline(input.empty() ? prompt.c_str() : "...> "), &std::free);
        if (!line) return input.empty() ? std::nullopt : std::optional<std::string>(input);
        input += input.empty() ? std::string(line.get()) : "\n" + std::string(line.get());
        if (!input.empty() && input[0] == '.') return input;
        if (!shell::needs_more_input(input)) return input;
    }
}

bool confirm(const std::string& what) {
    std::string question = what + (what.ends_with(".") ? "" : ".") + " Continue? [y/N] ";
    std::unique_ptr<char, decltype(&std::free)> answer(readline(question.c_str()), &std::free);
    std::string text = answer ? answer.get() : "";
    return text == "y" || text == "Y" || text == "yes";
}

void print_banner(const InteractiveOptions& options) {
    std::cout << "covet " COVET_VERSION " shell on " << options.database_name << "\n";
    if (options.sandbox) std::cout << "sandbox: changes are rolled back on exit\n";
    std::cout << "Type .help for help, .quit or Ctrl-D to leave." << std::endl;
}

void remember(const std::string& input, const std::string& history) {
    if (input.find_first_not_of(" \t\n") == std::string::npos) return;
    add_history(input.c_str());
    if (!history.empty()) write_history(history.c_str());
}

}  // namespace

int run_interactive(shell::Session& session, const InteractiveOptions& options) {
    signal(SIGPIPE, SIG_IGN);  // a pager quit early must not end the shell
    const std::string history = history_path();
    set_up_line_editor(session, history);
    session.confirm_destructive = confirm;
    print_banner(options);
    PagerBuffer pager(terminal_rows());
    std::ostream paged(&pager);
    shell::StatementRunner runner(session, paged, std::cerr);
    runner.set_sandbox(options.sandbox);
    const std::string prompt = "covet " + options.database_name + "> ";
    while (std::optional<std::string> input = read_input(prompt)) {
        remember(*input, history);
        if (input->find_first_not_of(" \t\n") == std::string::npos) continue;
        pager.set_screen_rows(terminal_rows());
        runner.set_terminal_width(terminal_columns());
        bool go_on = runner.run(*input);
        pager.finish();
        if (!go_on) break;
    }
    std::cout << std::endl;
    completing = nullptr;
    return 0;  // as psql: errors were shown, the session itself went well
}

std::string database_display_name(const DatabaseUrl& url) {
    if (url.scheme == "sqlite") return "sqlite:" + url.database;
    std::string text = url.scheme + "://";
    if (!url.user.empty()) text += url.user + "@";
    text += url.host;
    if (!url.port.empty()) text += ":" + url.port;
    return text + "/" + url.database;
}

}  // namespace covet::cli
