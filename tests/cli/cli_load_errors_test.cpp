#include <catch2/catch.hpp>

#include <regex>

#include "cli_assertions.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// Copies load_errors/<set> to ./migrations, runs `covet migrate` and checks the shared contract:
// exit 1, one error line, and nothing created in the database.
RunResult migrate_broken_set(const Workspace& ws, const std::string& set) {
    ws.copy_fixture("load_errors/" + set);
    RunResult result = ws.covet({"migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    if (ws.exists("covet.db")) {
        auto tables = SqliteProbe(ws / "covet.db").tables();
        tables.erase("covet_migrations");
        CHECK(tables.empty());
    }
    return result;
}

bool located_at(const RunResult& result, const std::string& file, int line, int column) {
    return contains(result.err,
                    file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ");
}

bool located_in(const RunResult& result, const std::string& file_pattern) {
    return std::regex_search(result.err, std::regex(file_pattern + R"(:\d+:\d+: )"));
}

}  // namespace

TEST_CASE("malformed YAML is reported at the parser's file:line:column", "[cli][load]") {
    Workspace ws;
    RunResult result = migrate_broken_set(ws, "malformed_yaml");
    CHECK_RUN(result, located_at(result, "broken/0001_bad.yaml", 5, 3));
}

TEST_CASE("an unknown operation is reported at its key", "[cli][load]") {
    Workspace ws;
    RunResult result = migrate_broken_set(ws, "unknown_operation");
    CHECK_RUN(result, located_at(result, "broken/0001_bad.yaml", 6, 5));
    CHECK_RUN(result, contains(result.err, "create_tabel"));
}

TEST_CASE("an unknown field type is reported at the field definition", "[cli][load]") {
    Workspace ws;
    RunResult result = migrate_broken_set(ws, "unknown_field_type");
    CHECK_RUN(result, located_at(result, "broken/0001_bad.yaml", 6, 15));
    CHECK_RUN(result, contains(result.err, "ChrField"));
}

TEST_CASE("an unknown field option is reported at the definition or the option", "[cli][load]") {
    Workspace ws;
    RunResult result = migrate_broken_set(ws, "unknown_option");
    // Column 15 starts the shorthand; column 40 is `colour` inside it.
    CHECK_RUN(result, (located_at(result, "broken/0001_bad.yaml", 6, 15) ||
                       located_at(result, "broken/0001_bad.yaml", 6, 40)));
    CHECK_RUN(result, contains(result.err, "colour"));
}

TEST_CASE("a missing dependency is reported where it is written", "[cli][load]") {
    Workspace ws;
    RunResult result = migrate_broken_set(ws, "missing_dependency");
    CHECK_RUN(result, located_at(result, "broken/0002_needs_ghost.yaml", 3, 5));
    CHECK_RUN(result, contains(result.err, "0009_ghost"));
}

TEST_CASE("two migrations with the same app and name are a load error", "[cli][load]") {
    Workspace ws;
    RunResult result = migrate_broken_set(ws, "duplicate_name");
    CHECK_RUN(result, located_in(result, R"(0001_init\.yaml)"));
    CHECK_RUN(result, contains(result.err, "0001_init"));
    CHECK_RUN(result, contains_nocase(result.err, "duplicate"));
}

TEST_CASE("a dependency cycle is a load error that lists the cycle", "[cli][load]") {
    Workspace ws;
    RunResult result = migrate_broken_set(ws, "dependency_cycle");
    CHECK_RUN(result, located_in(result, R"(broken/000[123]_[abc]\.yaml)"));
    CHECK_RUN(result, contains_nocase(result.err, "cycle"));
    for (const char* name : {"0001_a", "0002_b", "0003_c"}) {
        CHECK_RUN(result, contains(result.err, name));
    }
}

TEST_CASE("every command refuses to run on a broken migration set", "[cli][load]") {
    Workspace ws;
    ws.copy_fixture("load_errors/unknown_operation");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"showmigrations"}, {"sqlmigrate", "0001"}, {"rollback"}}) {
        RunResult result = ws.covet(args);
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, located_at(result, "broken/0001_bad.yaml", 6, 5));
    }
}

// The shorthand's own syntax errors, as a user sees them: the message of the
// parser, placed on the file's line and column (a block scalar: at the value).
TEST_CASE("a shorthand syntax error is located inside the definition with its message",
          "[cli][load]") {
    struct Case {
        const char* definition;  // the YAML value of field `a`, from column 12 of line 5
        int column;
        const char* message;
    };
    const Case cases[] = {
        {"CharField(max_length=3", 34, "field 'a': expected ')', found end of text"},
        {"\"CharField(max_length='x)\"", 34, "field 'a': unterminated string"},
        {"'CharField(max_length=3) x'", 37, "field 'a': unexpected name 'x' after ')'"},
        {"|\n          CharField(\n            max_length=)", 12,
         "field 'a': expected a value, found ')'"},
        {"CharField(max_length=3, null=Tru$)", 44, "field 'a': unexpected character '$'"},
        {"IntegerField(default=-x)", 34, "field 'a': expected a number after '-', found name 'x'"},
        {"IntegerField(default=99999999999999999999)", 33,
         "field 'a': integer 99999999999999999999 is out of range"},
        {"\"JSONField(default={k: 1, k: 2})\"", 38, "field 'a': duplicate key 'k'"},
        {"ForeignKey(t, on_delete=CASCADE, on_delete=CASCADE)", 45,
         "field 'a': keyword argument 'on_delete' repeated"},
    };
    for (const auto& c : cases) {
        INFO(c.definition);
        Workspace ws;
        ws.write("migrations/0001_x.yaml",
                 std::string("operations:\n  - create_table:\n      table: t\n      fields:\n"
                             "        a: ") +
                     c.definition + "\n");
        RunResult result = ws.covet({"migrate"});
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result,
                  contains(result.err, "migrations/0001_x.yaml:5:" + std::to_string(c.column) +
                                           ": " + c.message + "\n"));
    }
}
