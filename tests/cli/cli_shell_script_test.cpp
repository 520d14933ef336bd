// `covet shell` without a terminal: -e and statements piped on stdin, on
// every back end, with the exact JSON documents SPEC.md §6 specifies.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "shell_blog.h"
#include "workspace.h"

using namespace covet_test;

namespace {

#define CHECK_JSON_LINES(run, expected)                            \
    do {                                                           \
        std::string why_;                                          \
        bool same_ = same_json_lines((run).out, (expected), why_); \
        INFO(why_);                                                \
        CHECK_RUN(run, same_);                                     \
    } while (false)

const char* const kGrace =
    R"({"id":2,"name":"Grace Hopper","email":"grace@example.com","created_at":"2024-01-02T10:00:00","profile_id":null,"age":85,"active":true,"is_admin":true})";
const char* const kAda =
    R"({"id":1,"name":"Ada Lovelace","email":"ada@example.com","created_at":"2024-01-01T10:00:00","profile_id":null,"age":36,"active":true,"is_admin":false})";

// `[a,b,...]`, built by appending (GCC -O2 warns falsely on `+` chains here).
std::string json_array(const std::vector<std::string>& items) {
    std::string text = "[";
    for (const auto& item : items) {
        if (text.size() > 1) text.append(",");
        text.append(item);
    }
    text.append("]");
    return text;
}

}  // namespace

// Worked out from the rows of shell_blog.cpp, the statements in SPEC.md's order.
COVET_CLI_BACKEND_TEST("shell runs the ten example statements of SPEC.md in order",
                       "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    const std::string script =
        "User.objects.filter(age__gte=18, active=True).exclude(name__startswith='J')"
        ".order_by('-created_at')[:10]\n"
        "User.objects.filter(Q(age__gte=18) & Q(active=True) | Q(is_admin=True)).count()\n"
        "Post.objects.filter(author__name__icontains='doe').select_related('author')"
        ".values('title', 'author__name')\n"
        "User.objects.annotate(post_count=Count('posts')).filter(post_count__gt=1)"
        ".values_list('name', 'post_count')\n"
        "Post.objects.aggregate(total=Count('id'), avg_views=Avg('view_count'))\n"
        "Post.objects.filter(id=1).update(view_count=F('view_count') + 1)\n"
        "u = User.objects.get(id=1)\n"
        "u.name = 'Jane'; u.save()\n"
        "u.posts.all()\n"
        "t1 = Tag.objects.get(name='cpp'); t2 = Tag.objects.get(name='orm')\n"
        "p = Post.objects.create(title='Hi', author=u); p.tags.add(t1, t2)\n"
        "Post.objects.filter(title='Hi').order_by('tags__name')"
        ".values_list('author__name', 'tags__name')\n";
    RunResult run = run_shell(ws, url, {"--format", "json"}, script);
    CHECK_EXIT(run, 0);
    const std::vector<std::string> expected = {
        json_array({kGrace, kAda}),
        "3",
        R"([{"title":"Doe again","author__name":"John Doe"},{"title":"Doe diary","author__name":"Jane Doe"}])",
        R"([["Ada Lovelace",2]])",
        R"({"total":6,"avg_views":12.5})",
        "1",
        R"([{"id":5,"title":"Second","body":"more","author_id":1,"view_count":5,"published_at":"2024-02-05T09:00:00"},{"id":1,"title":"Hello ORM","body":"first","author_id":1,"view_count":11,"published_at":"2024-02-01T09:00:00"}])",
        R"([["Jane","cpp"],["Jane","orm"]])",
    };
    CHECK_JSON_LINES(run, expected);
    DatabaseProbe probe(url);
    CHECK(probe.scalar("SELECT COUNT(*) FROM users WHERE name = 'Jane' AND id = 1") == 1);
    CHECK(probe.scalar("SELECT view_count FROM posts WHERE id = 1") == 11);
}

COVET_CLI_BACKEND_TEST("shell -e evaluates each expression in JSON and exits", "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    RunResult run = run_shell(
        ws, url,
        {"--format", "json", "-e", "User.objects.get(id=1)", "-e", "x = 2", "-e",
         "Tag.objects.values_list('name', flat=True).order_by('name')", "-e",
         "Tag.objects.filter(name='none').exists()", "-e", "User.objects.filter(id=99).first()",
         "-e", "Post.objects.filter(id=6).delete()"});
    CHECK_EXIT(run, 0);
    const std::vector<std::string> expected = {kAda, R"(["cpp","orm","sql"])", "false", "null",
                                               R"({"deleted":1})"};
    CHECK_JSON_LINES(run, expected);
    CHECK(run.err.empty());
}

COVET_CLI_BACKEND_TEST("shell errors are one line each and the script goes on, exit 1",
                       "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    const std::string script =
        "User.objects.get(id=99)\n"
        "User.objects.count()\n"
        "User.objects.filter(nmae='x')\n"
        "User.objects.fliter(id=1)\n"
        "Tag.objects.count()\n";
    RunResult json = run_shell(ws, url, {"--format", "json"}, script);
    CHECK_EXIT(json, 1);
    std::vector<std::string> lines = lines_of(json.out);
    REQUIRE_RUN(json, lines.size() == 5);
    CHECK_RUN(json, has_line_matching(lines[0], R"(\{"error": ?".*", ?"type": ?"DoesNotExist"\})"));
    CHECK(lines[1] == "5");
    CHECK_RUN(json, contains(lines[2], "\"type\""));
    CHECK_RUN(json, contains(lines[2], "name"));
    CHECK_RUN(json, contains(lines[3], "filter"));
    CHECK(lines[4] == "3");
    // Text formats keep stdout for values: the errors go to stderr.
    RunResult csv = run_shell(ws, url, {"--format", "csv"}, script);
    CHECK_EXIT(csv, 1);
    CHECK_RUN(csv, lines_of(csv.err).size() == 3);
    CHECK_RUN(csv, contains(csv.err, "DoesNotExist"));
    CHECK_RUN(csv, !contains(csv.out, "DoesNotExist"));
}

COVET_CLI_BACKEND_TEST("shell shows a syntax error's line with a caret under its column",
                       "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    const std::string bad = "User.objects.filter(id=1))";
    RunResult run = run_shell(ws, url, {"-e", bad});
    CHECK_EXIT(run, 1);
    std::vector<std::string> lines = lines_of(run.err);
    REQUIRE_RUN(run, lines.size() == 3);
    CHECK_RUN(run, contains(lines[0], "SyntaxError"));
    CHECK_RUN(run, contains(lines[0], "column 26"));
    CHECK(lines[1] == bad);
    std::string caret(25, ' ');
    caret.push_back('^');
    CHECK(lines[2] == caret);
    // A statement continued over lines: the caret's line is the second one.
    RunResult json = run_shell(ws, url, {"--format", "json"}, "User.objects.filter(\n  id=1 +)\n");
    CHECK_EXIT(json, 1);
    CHECK_RUN(json, contains(json.out, "line 2, column 9"));
}

COVET_CLI_BACKEND_TEST("a script of 1000 statements prints 1000 lines, a failing one its error",
                       "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    std::string script;
    for (int i = 1; i <= 1000; ++i) {
        if (i == 500) {
            script.append("User.objects.get(name='nobody')\n");
            continue;
        }
        script.append("User.objects.filter(id__lte=");
        script.append(std::to_string(i % 7));
        script.append(").count()\n");
    }
    RunResult run = run_shell(ws, url, {"--format", "json"}, script);
    CHECK_EXIT(run, 1);
    std::vector<std::string> lines = lines_of(run.out);
    REQUIRE_RUN(run, lines.size() == 1000);
    for (int i = 1; i <= 1000; ++i) {
        const std::string& line = lines[static_cast<std::size_t>(i - 1)];
        if (i == 500) {
            CHECK_RUN(run, contains(line, "\"DoesNotExist\""));
        } else if (line != std::to_string(std::min(i % 7, 5))) {
            FAIL_CHECK("line " << i << ": " << line);
        }
    }
}

COVET_CLI_BACKEND_TEST("shell --sandbox rolls the whole session back on exit", "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    const std::string script =
        "Tag.objects.create(name='new')\n"
        "Tag.objects.create(name='cpp')\n"  // unique: fails, the sandbox goes on
        "Tag.objects.count()\n"
        "Post.objects.filter(id=1).update(title='changed')\n"
        "raw('COMMIT')\n"  // refused: nothing escapes the sandbox
        "raw('CREATE TABLE escaped (id INTEGER)')\n"
        "Tag.objects.filter(name='sql').delete()\n";
    RunResult run = run_shell(ws, url, {"--sandbox", "--format", "json"}, script);
    CHECK_EXIT(run, 1);
    std::vector<std::string> lines = lines_of(run.out);
    REQUIRE_RUN(run, lines.size() == 7);
    CHECK_RUN(run, contains(lines[1], "IntegrityError"));
    CHECK(lines[2] == "4");
    CHECK(lines[3] == "1");
    CHECK_RUN(run, contains(lines[4], "transaction control (COMMIT)"));
    CHECK_RUN(run, contains(lines[6], "\"deleted\""));
    DatabaseProbe probe(url);
    CHECK(probe.scalar("SELECT COUNT(*) FROM tags") == 3);
    CHECK(probe.scalar("SELECT COUNT(*) FROM posts WHERE title = 'changed'") == 0);
    CHECK(probe.scalar("SELECT COUNT(*) FROM tags WHERE name = 'sql'") == 1);
}

TEST_CASE("shell --format json prints a failure to connect as its error line, no password",
          "[cli][shell]") {
    Workspace ws;
    RunResult run = ws.covet(
        {"-d", "postgresql://u:s3cretpw@127.0.0.1:1/db", "shell", "--format", "json", "-e", "1"});
    CHECK_EXIT(run, 1);
    const nlohmann::json line = nlohmann::json::parse(run.out);
    CHECK(line["type"] == "ConnectionError");
    CHECK_RUN(run, !contains(run.out, "s3cretpw"));
    CHECK_RUN(run, !contains(run.err, "s3cretpw"));
}

COVET_CLI_BACKEND_TEST("shell -e prints aligned tables and RFC 4180 CSV", "[cli][shell]") {
    Workspace ws;
    const std::string url = shell_blog(backend, ws);
    const std::string users =
        "User.objects.filter(id__in=[1, 3]).values('id', 'name', 'profile_id', 'age')"
        ".order_by('-id')";
    RunResult table = run_shell(ws, url, {"-e", users, "-e", "Tag.objects.count()"});
    CHECK_EXIT(table, 0);
    const std::vector<std::string> rows = {
        " id | name         | profile_id | age",
        "----+--------------+------------+-----",
        "  3 | Jane Doe     | NULL       |  17",
        "  1 | Ada Lovelace | NULL       |  36",
        "(2 rows)",
        "3",
    };
    CHECK_RUN(table, lines_of(table.out) == rows);
    // A comma and a quote make a field quoted, its quote doubled; NULL is empty.
    RunResult csv =
        run_shell(ws, url,
                  {"--format", "csv", "-e", "Tag.objects.filter(id=3).update(name='a, \"b\"')",
                   "-e", users, "-e", "Tag.objects.values('name').order_by('id')"});
    CHECK_EXIT(csv, 0);
    CHECK_RUN(csv, csv.out ==
                       "1\r\n"
                       "id,name,profile_id,age\r\n3,Jane Doe,,17\r\n1,Ada Lovelace,,36\r\n"
                       "name\r\ncpp\r\norm\r\n\"a, \"\"b\"\"\"\r\n");
}
