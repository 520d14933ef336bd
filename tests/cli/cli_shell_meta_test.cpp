// The shell's meta-commands and format selection, through piped scripts.
#include <catch2/catch.hpp>

#include "cli_assertions.h"
#include "shell_blog.h"
#include "workspace.h"

using namespace covet_test;

TEST_CASE("shell .models and .schema describe the models of the migrations", "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    RunResult run = run_shell(ws, url, {}, ".models\n.schema Post\n");
    CHECK_EXIT(run, 0);
    // Models in table order; the auto-created through table is no model of the shell.
    CHECK_RUN(run,
              appear_in_order(run.out, {"Post", "Profile", "Tag", "User", "Post (table posts"}));
    CHECK_RUN(run, !contains(run.out, "posts_tags"));
    const std::vector<std::string> schema = {
        "Post (table posts, app blog)",
        "fields:",
        "  id            AutoField(primary_key=True)",
        "  title         CharField(max_length=200)",
        "  body          TextField()",
        "  author        ForeignKey(User)  column author_id",
        "  tags          ManyToManyField(Tag)",
        "  view_count    IntegerField(default=0)",
        "  published_at  DateTimeField(null=True)",
        "relations:",
        "  author          -> User (many-to-one)",
        "  tags            -> Tag (many-to-many)",
        "indexes:",
        "  author_id (db_index)",
        "  idx_posts_published (published_at)",
        "ordering: -published_at",
    };
    std::vector<std::string> lines = lines_of(run.out);
    REQUIRE_RUN(run, lines.size() >= schema.size());
    const std::vector<std::string> tail(lines.end() - static_cast<long>(schema.size()),
                                        lines.end());
    CHECK_RUN(run, tail == schema);
}

TEST_CASE("shell .schema of an unknown model names the models, and goes on", "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    RunResult run =
        run_shell(ws, url, {}, ".schema Pots\n.shema Post\n.format json\nTag.objects.count()\n");
    CHECK_EXIT(run, 1);
    std::vector<std::string> err = lines_of(run.err);
    REQUIRE_RUN(run, err.size() == 2);
    CHECK_RUN(run, contains(err[0], "Post"));
    CHECK_RUN(run, contains(err[1], "did you mean '.schema'?"));
    CHECK(lines_of(run.out) == std::vector<std::string>{"3"});
}

TEST_CASE("shell .sql on prints each query's SQL on stderr, .sql off stops", "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    RunResult run = run_shell(ws, url, {"--format", "json"},
                              ".sql on\nTag.objects.count()\n.sql off\nUser.objects.count()\n");
    CHECK_EXIT(run, 0);
    CHECK(lines_of(run.out) == std::vector<std::string>{"3", "5"});
    CHECK_RUN(run, contains(run.err, "SELECT COUNT(*)"));
    CHECK_RUN(run, contains(run.err, "\"tags\""));
    CHECK_RUN(run, !contains(run.err, "\"users\""));
}

TEST_CASE("shell takes the global --format json, and its own --format overrides it",
          "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    RunResult global =
        ws.covet({"-d", url, "--format", "json", "shell", "-e", "User.objects.get(id=3).name"});
    CHECK_EXIT(global, 0);
    CHECK(global.out == "\"Jane Doe\"\n");
    RunResult own = ws.covet({"-d", url, "--format", "json", "shell", "--format", "csv", "-e",
                              "Tag.objects.values('name').order_by('-name')"});
    CHECK_EXIT(own, 0);
    // RFC 4180: CRLF line ends.
    CHECK_RUN(own, own.out == "name\r\nsql\r\norm\r\ncpp\r\n");
    RunResult bad = ws.covet({"-d", url, "shell", "--format", "xml", "-e", "1"});
    CHECK_EXIT(bad, 2);
}

TEST_CASE("shell .timing on reports each statement's duration", "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    RunResult run = run_shell(ws, url, {"--format", "json"}, ".timing on\nTag.objects.count()\n");
    CHECK_EXIT(run, 0);
    CHECK(lines_of(run.out) == std::vector<std::string>{"3"});
    CHECK_RUN(run, has_line_matching(run.err, R"(Time: [0-9]+\.[0-9]{3} ms)"));
}

TEST_CASE("shell .x shows one field per line, .format changes the format mid-script",
          "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog("sqlite", ws);
    const std::string query =
        "User.objects.filter(id__lte=2).values('id', 'name').order_by('id')\n";
    std::string script = ".x on\n";
    script.append(query);
    script.append(".x off\n.format json\n");
    script.append(query);
    RunResult run = run_shell(ws, url, {}, script);
    CHECK_EXIT(run, 0);
    const std::vector<std::string> expected = {
        "-[ RECORD 1 ]",
        "id   | 1",
        "name | Ada Lovelace",
        "-[ RECORD 2 ]",
        "id   | 2",
        "name | Grace Hopper",
        "(2 rows)",
        R"([{"id":1,"name":"Ada Lovelace"},{"id":2,"name":"Grace Hopper"}])",
    };
    CHECK_RUN(run, lines_of(run.out) == expected);
    RunResult bad = run_shell(ws, url, {}, ".x sideways\n.format xml\n");
    CHECK_EXIT(bad, 1);
    CHECK_RUN(bad, contains(bad.err, "usage: .x on|off|auto"));
    CHECK_RUN(bad, contains(bad.err, "usage: .format table|json|csv"));
}
