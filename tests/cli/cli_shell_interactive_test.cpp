// `covet shell` at a terminal, typed at through a pseudo-terminal as a new
// user would: tables, Tab completion, history, errors, meta-commands,
// the pager, the destructive-statement question and the sandbox.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "covet/database_url.h"
#include "pty_session.h"
#include "shell_blog.h"
#include "workspace.h"

using namespace covet_test;

namespace {

RunOptions terminal_shell(const Workspace& ws, const std::string& url,
                          const std::vector<std::string>& args = {},
                          const std::string& pager = "cat") {
    std::vector<std::string> full = {"-d", url, "shell"};
    full.insert(full.end(), args.begin(), args.end());
    RunOptions options = ws.covet_options(full);
    options.env["TERM"] = "xterm";
    options.env["HOME"] = ws.path().string();
    options.env["XDG_STATE_HOME"] = (ws / "state").string();
    options.env["PAGER"] = pager;
    return options;
}

// Types `line` and a newline; waits for `expect` in what follows, then for
// the next prompt (libedit reads keys typed before it sets up the terminal
// unreliably: a Ctrl-D typed then is lost).
bool type_line(PtySession& shell, const std::string& line, const std::string& expect,
               bool then_prompt = true) {
    std::size_t from = shell.mark();
    shell.send(line + "\r");
    if (!shell.wait_for(expect, from)) return false;
    return !then_prompt || shell.wait_for("> ", shell.text().find(expect, from) + expect.size());
}

}  // namespace

COVET_CLI_BACKEND_TEST("shell at a terminal: prompt, a table, .schema, syntax error, .quit",
                       "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    PtySession shell(terminal_shell(ws, url));
    REQUIRE(shell.wait_for("> "));
    CHECK(contains(shell.text(), "covet "));
    CHECK(contains(shell.text(), "Type .help"));
    const std::string password = covet::parse_database_url(url).password;
    if (!password.empty()) CHECK(!contains(shell.text(), password));
    // The prompt names the database: the file, or user@host:port/name.
    const covet::DatabaseUrl parts = covet::parse_database_url(url);
    std::string where = backend == "sqlite" ? parts.database : parts.user;
    if (backend != "sqlite") where.append("@").append(parts.host);
    CHECK(contains(shell.text(), where));
    CHECK(contains(shell.text(), parts.database + "> "));
    CHECK(type_line(shell, "User.objects.filter(id__lte=2).values('id', 'name')", "Grace Hopper"));
    CHECK(contains(shell.text(), "Ada Lovelace"));
    CHECK(type_line(shell, ".schema Post", "idx_posts_published"));
    // An open bracket continues the statement on a "...> " line.
    CHECK(type_line(shell, "Tag.objects.filter(", "...> ", false));
    CHECK(type_line(shell, "name='orm').values_list('id', flat=True)", " 2"));
    std::size_t before_error = shell.mark();
    shell.send("User.objects.filter(id=1))\r");
    std::string caret(25, ' ');
    caret.push_back('^');
    CHECK(shell.wait_for(caret, before_error));
    CHECK(contains(shell.text().substr(before_error), "SyntaxError"));
    shell.send(".quit\r");
    CHECK(shell.wait_exit() == 0);
}

TEST_CASE("shell at a terminal completes a model, a method and a field lookup with Tab",
          "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    PtySession shell(terminal_shell(ws, url));
    REQUIRE(shell.wait_for("> "));
    // "Us" + Tab is User, "cou" + Tab count: the statement counts the users.
    std::size_t from = shell.mark();
    shell.send("Us\t");
    CHECK(shell.wait_for("User", from));
    shell.send(".objects.cou\t");
    CHECK(shell.wait_for("count", from));
    CHECK(type_line(shell, "()", "5"));
    // author__na + Tab is author__name: two posts by Ada.
    from = shell.mark();
    shell.send("Post.objects.filter(author__na\t");
    CHECK(shell.wait_for("author__name", from));
    CHECK(type_line(shell, "='Ada Lovelace').values_list('title', flat=True)", "Hello ORM"));
    // Ctrl-D, once libedit has the terminal (one typed before that is lost).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    shell.send("\x04");
    CHECK(shell.wait_exit() == 0);
}

TEST_CASE("shell at a terminal recalls the previous line with the up arrow and keeps history",
          "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    {
        PtySession shell(terminal_shell(ws, url, {"--format", "json"}));
        REQUIRE(shell.wait_for("> "));
        CHECK(type_line(shell, "Tag.objects.values_list('name', flat=True).order_by('name')",
                        "[\"cpp\",\"orm\",\"sql\"]"));
        std::size_t from = shell.mark();
        shell.send("\x1b[A\r");  // up arrow, Enter: the same query again
        CHECK(shell.wait_for("[\"cpp\",\"orm\",\"sql\"]", from));
        shell.send(".quit\r");
        CHECK(shell.wait_exit() == 0);
    }
    CHECK(contains(ws.read("state/covet/history"), "Tag.objects.values_list"));
    // A new session reads the history file: up twice (past .quit) reaches
    // the last session's query.
    PtySession again(terminal_shell(ws, url, {"--format", "json"}));
    REQUIRE(again.wait_for("> "));
    std::size_t from = again.mark();
    again.send("\x1b[A\x1b[A\r");
    CHECK(again.wait_for("[\"cpp\",\"orm\",\"sql\"]", from));
    again.send(".quit\r");
    CHECK(again.wait_exit() == 0);
}

COVET_CLI_BACKEND_TEST("shell --sandbox at a terminal says so and rolls back on exit",
                       "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    PtySession shell(terminal_shell(ws, url, {"--sandbox", "--format", "json"}));
    REQUIRE(shell.wait_for("> "));
    CHECK(contains(shell.text(), "sandbox: changes are rolled back on exit"));
    CHECK(type_line(shell, "Tag.objects.create(name='temp').name", "\"temp\""));
    CHECK(type_line(shell, "Tag.objects.count()", "4"));
    shell.send(".quit\r");
    CHECK(shell.wait_exit() == 0);
    CHECK(DatabaseProbe(url).scalar("SELECT COUNT(*) FROM tags") == 3);
}

TEST_CASE("shell at a terminal pages output taller than the screen, not shorter output",
          "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    // A pager that marks each line it shows.
    PtySession shell(terminal_shell(ws, url, {"--format", "csv"}, "sed s/^/paged:/"), 6, 120);
    REQUIRE(shell.wait_for("> "));
    CHECK(type_line(shell, "User.objects.values('id').order_by('id')", "paged:5"));
    std::size_t from = shell.mark();
    CHECK(type_line(shell, "Tag.objects.values('id').order_by('id')", "3"));
    CHECK(!contains(shell.text().substr(from), "paged:"));
    shell.send(".quit\r");
    CHECK(shell.wait_exit() == 0);
}

TEST_CASE("shell at a terminal asks before a delete() without a filter",
          "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    PtySession shell(terminal_shell(ws, url, {"--format", "json"}));
    REQUIRE(shell.wait_for("> "));
    CHECK(type_line(shell, "Post.objects.all().delete()", "[y/N]", false));
    CHECK(type_line(shell, "n", "cancelled"));
    CHECK(DatabaseProbe(url).scalar("SELECT COUNT(*) FROM posts") == 6);
    CHECK(type_line(shell, "Post.objects.all().delete()", "[y/N]", false));
    CHECK(type_line(shell, "y", "deleted"));
    CHECK(DatabaseProbe(url).scalar("SELECT COUNT(*) FROM posts") == 0);
    shell.send(".quit\r");
    CHECK(shell.wait_exit() == 0);
}

TEST_CASE("shell at a terminal abandons the line on Ctrl-C and goes on",
          "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    PtySession shell(terminal_shell(ws, url, {"--format", "json"}));
    REQUIRE(shell.wait_for("> "));
    std::size_t from = shell.mark();
    shell.send("Tag.objects.filter(name='cpp').cou");
    CHECK(shell.wait_for(".cou", from));
    // As a user would, a moment later: libedit has the terminal by then
    // (before, the terminal itself would turn the key into a signal).
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    from = shell.mark();
    shell.send("\x03");
    CHECK(shell.wait_for("> ", from));
    CHECK(type_line(shell, "Tag.objects.count()", "3"));
    shell.send(".quit\r");
    CHECK(shell.wait_exit() == 0);
}

TEST_CASE("shell at a terminal keeps history in ~/.covet_history without XDG_STATE_HOME",
          "[cli][shell][interactive]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    RunOptions options = terminal_shell(ws, url, {"--format", "json"});
    options.env["XDG_STATE_HOME"] = std::nullopt;
    PtySession shell(options);
    REQUIRE(shell.wait_for("> "));
    CHECK(type_line(shell, "Tag.objects.count()", "3"));
    shell.send(".quit\r");
    CHECK(shell.wait_exit() == 0);
    CHECK(contains(ws.read(".covet_history"), "Tag.objects.count()"));
    CHECK(!ws.exists("state"));
}
