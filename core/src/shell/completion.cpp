#include "shell/completion.h"

#include <algorithm>
#include <exception>

#include "shell/completion_call.h"
#include "shell/completion_names.h"
#include "shell/completion_receiver.h"
#include "shell/meta_command.h"

namespace covet::shell {

namespace {

using namespace completion;

void add_matching(std::vector<std::string>& out, const std::vector<std::string>& names,
                  std::string_view word) {
    for (const auto& name : names)
        if (name.starts_with(word)) out.push_back(name);
}

Completions finish(std::size_t from, std::vector<std::string> candidates) {
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    return Completions{from, std::move(candidates)};
}

std::vector<std::string> model_names(const Models& models) {
    std::vector<std::string> names;
    for (const ModelState* model : models.all())
        if (!model->auto_created) names.push_back(model->name);
    return names;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

// `.schema Po|`: the meta-command's name, then its one argument.
Completions complete_meta(const Scope& scope, std::string_view text, std::size_t first) {
    std::size_t name_end = first;
    while (name_end < text.size() && !is_blank(text[name_end]))
        ++name_end;
    std::vector<std::string> out;
    if (name_end == text.size()) {
        add_matching(out, meta_command_names(), text.substr(first));
        return finish(first, std::move(out));
    }
    const std::string command(text.substr(first, name_end - first));
    std::size_t from = name_end;
    while (from < text.size() && is_blank(text[from]))
        ++from;
    const std::string_view word = text.substr(from);
    if (std::any_of(word.begin(), word.end(), is_blank)) return finish(text.size(), {});
    if (takes_model_name(command)) add_matching(out, model_names(scope.models), word);
    add_matching(out, meta_command_arguments(command), word);
    return finish(from, std::move(out));
}

// Models, variables and built-ins: what an expression may start with.
void add_expression_starts(const Scope& scope, std::vector<std::string>& out,
                           std::string_view word) {
    add_matching(out, model_names(scope.models), word);
    for (const auto& [name, value] : scope.variables)
        if (name.starts_with(word)) out.push_back(name);
    add_matching(out, builtin_and_literal_names(), word);
}

bool expression_may_start(const std::vector<ScanToken>& before) {
    if (before.empty()) return true;
    const ScanToken& last = before.back();
    return last.kind == ScanToken::Kind::Punct && !last.is(")") && !last.is("]") && !last.is("}") &&
           !last.is(".");
}

bool starts_argument(const std::vector<ScanToken>& before) {
    return !before.empty() && (before.back().is("(") || before.back().is(","));
}

// The field paths of `call`'s arguments that start with `word`, annotate()'s
// aliases among them where fields may be named.
void add_paths(const Scope& scope, const EnclosingCall& call, PathKind kind,
               std::vector<std::string>& out, const std::string& word) {
    const auto paths = path_candidates(scope.models.state(), *call.model, word, kind);
    out.insert(out.end(), paths.begin(), paths.end());
    if (kind == PathKind::Lookups || kind == PathKind::Fields)
        add_matching(out, call.annotations, word);
}

// Keyword names of the call the cursor is in: `filter(author__na|`.
void add_keywords(const Scope& scope, const std::vector<ScanToken>& before,
                  std::vector<std::string>& out, const std::string& word) {
    const auto call = enclosing_call(scope, before);
    if (!call) return;
    add_matching(out, extra_keywords(call->callee), word);
    const auto kind = keyword_paths(call->callee);
    if (kind && call->model) add_paths(scope, *call, *kind, out, word);
}

// A name being typed (or none yet) after the tokens `before`.
Completions complete_name(const Scope& scope, const std::vector<ScanToken>& before,
                          const std::string& word, std::size_t from) {
    std::vector<std::string> out;
    if (!before.empty() && before.back().is(".")) {
        Receiver receiver;
        if (before.size() >= 2) receiver = receiver_ending_at(scope, before, before.size() - 2);
        add_matching(out, member_names(scope, receiver), word);
        return finish(from, std::move(out));
    }
    if (starts_argument(before)) add_keywords(scope, before, out, word);
    if (expression_may_start(before)) add_expression_starts(scope, out, word);
    return finish(from, std::move(out));
}

// Inside an open string argument: `order_by('-auth|`, `values("author__|`.
Completions complete_string(const Scope& scope, std::vector<ScanToken> before,
                            const ScanToken& string) {
    std::size_t from = string.begin + 1;
    if (!starts_argument(before)) return finish(from, {});
    const auto call = enclosing_call(scope, before);
    const auto kind = call ? string_paths(call->callee) : std::nullopt;
    if (!kind || !call->model) return finish(from, {});
    std::string word = string.text;
    std::vector<std::string> out;
    if (call->callee == "order_by") {
        if (word.starts_with("-")) {
            word.erase(0, 1);
            ++from;
        } else if (word.empty()) {
            out.push_back("?");
        }
    }
    add_paths(scope, *call, *kind, out, word);
    return finish(from, std::move(out));
}

Completions complete_expression(const Scope& scope, std::string_view text) {
    std::vector<ScanToken> tokens = last_statement(scan(text));
    if (tokens.empty()) return complete_name(scope, tokens, "", text.size());
    ScanToken last = tokens.back();
    const bool touching = last.end == text.size();
    if (last.kind == ScanToken::Kind::String && last.unterminated) {
        tokens.pop_back();
        return complete_string(scope, std::move(tokens), last);
    }
    if (touching && last.kind == ScanToken::Kind::Identifier) {
        tokens.pop_back();
        return complete_name(scope, tokens, last.text, last.begin);
    }
    // Right after a closed string or a number nothing is being named.
    if (touching && last.kind != ScanToken::Kind::Punct) return finish(text.size(), {});
    return complete_name(scope, tokens, "", text.size());
}

}  // namespace

Completions complete(const Models& models, const std::map<std::string, ShellValue>& variables,
                     std::string_view line, std::size_t cursor) {
    const std::string_view text = line.substr(0, std::min(cursor, line.size()));
    try {
        const Scope scope{models, variables};
        if (is_meta_command(text)) return complete_meta(scope, text, text.find('.'));
        return complete_expression(scope, text);
    } catch (const std::exception&) {
        // A model state the ORM refuses to read mid-way: offer nothing
        // rather than end the line editor.
        return Completions{text.size(), {}};
    }
}

Completions complete(const Session& session, std::string_view line, std::size_t cursor) {
    return complete(session.models(), session.variables(), line, cursor);
}

}  // namespace covet::shell
