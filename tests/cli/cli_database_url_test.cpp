#include <catch2/catch.hpp>

#include "cli_assertions.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

TEST_CASE("a malformed database URL exits 2 without echoing the password", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    for (const std::string url : {"postgresql://x:s3cretpw@host:notaport/db", "foo://bar"}) {
        RunResult by_flag = ws.covet({"-d", url, "migrate"});
        CHECK_EXIT(by_flag, 2);
        CHECK_RUN(by_flag, is_one_error_line(by_flag.err));
        CHECK_RUN(by_flag, !contains(by_flag.out + by_flag.err, "s3cretpw"));

        RunResult by_env = ws.covet({"migrate"}, {{"COVET_DATABASE_URL", url}});
        CHECK_EXIT(by_env, 2);
        CHECK_RUN(by_env, !contains(by_env.out + by_env.err, "s3cretpw"));
    }
    CHECK_FALSE(ws.exists("covet.db"));
}

TEST_CASE("a database in a missing directory is a clear error naming the path", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult result = ws.covet({"-d", "sqlite:///no/such/dir/x.db", "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "no/such/dir"));
    CHECK_FALSE(ws.exists("no"));
}

TEST_CASE("sqlite:/// is relative to the working directory, sqlite://// absolute", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    std::filesystem::create_directories(ws / "sub");
    REQUIRE_EXIT(ws.covet({"-d", "sqlite:///sub/relative.db", "migrate"}), 0);
    REQUIRE(ws.exists("sub/relative.db"));
    CHECK(SqliteProbe(ws / "sub/relative.db").has_table("orders"));

    std::string absolute = (ws / "absolute.db").string();
    REQUIRE(absolute.front() == '/');
    REQUIRE_EXIT(ws.covet({"-d", "sqlite:///" + absolute, "migrate"}), 0);
    REQUIRE(ws.exists("absolute.db"));
    CHECK(SqliteProbe(ws / "absolute.db").has_table("orders"));
    CHECK_FALSE(ws.exists("covet.db"));
}

TEST_CASE("a failed server connection is an error that never shows the password", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    // Port 1 on loopback refuses at once, so no server is needed.
    for (const std::string url :
         {"postgresql://u:s3cretpw@127.0.0.1:1/db", "mysql://u:s3cretpw@127.0.0.1:1/db"}) {
        RunResult result = ws.covet({"-v", "-d", url, "migrate"});
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, !contains(result.out + result.err, "s3cretpw"));
    }
}
