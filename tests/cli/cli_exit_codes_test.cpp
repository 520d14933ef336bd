#include <catch2/catch.hpp>

#include "cli_assertions.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

TEST_CASE("a successful migrate exits 0", "[cli][exit]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult result = ws.covet({"migrate"});
    CHECK_EXIT(result, 0);
    CHECK_RUN(result, result.err.empty());
    // Exit 0 because it did the work: every migration recorded.
    CHECK(SqliteProbe(ws / "covet.db").history().size() == 3);
}

TEST_CASE("the version and help flags exit 0 and print to stdout", "[cli][exit]") {
    Workspace ws;
    RunResult version = ws.covet({"--version"});
    CHECK_EXIT(version, 0);
    // Exactly the version that CMake's project() declares.
    CHECK_RUN(version, version.out == "covet " COVET_PROJECT_VERSION "\n");
    CHECK_RUN(version, version.err.empty());

    RunResult help = ws.covet({"--help"});
    CHECK_EXIT(help, 0);
    CHECK_RUN(help, help.err.empty());
    CHECK_RUN(help, contains(help.out, "Usage:"));
    for (const char* command : {"migrate", "rollback", "showmigrations", "sqlmigrate", "check"}) {
        INFO("command " << command);
        CHECK_RUN(help,
                  has_line_matching(help.out, std::string(R"(\s+)") + command + R"(\s+\S.*)"));
    }
}

TEST_CASE("usage errors exit 2 with one covet: error: line", "[cli][exit]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::vector<std::vector<std::string>> usage_errors = {
        {"migrate", "--frobnicate"},
        {"--frobnicate", "showmigrations"},
        {"frobnicate"},
        {"rollback", "--steps", "many"},
        {"sqlmigrate"},
        {"--format", "xml", "showmigrations"},
        {"migrate", "--lock-timeout", "soon"},
        // Seconds a timer cannot hold are refused before anything runs.
        {"migrate", "--lock-timeout", "nan"},
        {"migrate", "--lock-timeout", "inf"},
        {"migrate", "--ddl-lock-timeout", "1e99"},
        {"migrate", "--lock-timeout", "-1"},
        {"rollback", "--lock-timeout", "nan"},
    };
    for (const auto& args : usage_errors) {
        RunResult result = ws.covet(args);
        CHECK_EXIT(result, 2);
        CHECK_RUN(result, is_one_error_line(result.err));
    }
}

TEST_CASE("a missing migrations directory exits 1 naming it and where it comes from",
          "[cli][exit]") {
    Workspace ws;
    RunResult result = ws.covet({"-m", "nowhere", "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err,
                               "covet: error: nowhere: the migrations directory does "
                               "not exist"));
    CHECK_RUN(result, contains(result.err, "--migrations"));
}

TEST_CASE("a database error exits 1 with one covet: error: line", "[cli][exit]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult result = ws.covet({"-d", "sqlite:///no/such/dir/x.db", "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
}

TEST_CASE("check findings exit 3 and a clean state exits 0", "[cli][exit]") {
    Workspace ws;
    ws.copy_fixture("shop");
    CHECK_EXIT(ws.covet({"migrate", "--check"}), 3);
    CHECK_EXIT(ws.covet({"showmigrations", "--check"}), 3);
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    CHECK_EXIT(ws.covet({"migrate", "--check"}), 0);
    CHECK_EXIT(ws.covet({"showmigrations", "--check"}), 0);
    CHECK_EXIT(ws.covet({"check"}), 0);
    std::filesystem::remove(ws / "migrations/shop/0003_add_order_note.yaml");
    CHECK_EXIT(ws.covet({"check"}), 3);
}
