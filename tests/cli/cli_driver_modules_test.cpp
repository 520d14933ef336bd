// PostgreSQL and MySQL connections come from driver modules loaded on first
// use (dialects/driver_module.h): found next to the binary or in its build
// tree, or only in COVET_DRIVER_DIR when that is set; a missing module is an
// error naming it and where covet looked.
#include <catch2/catch.hpp>

#include <filesystem>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

namespace fs = std::filesystem;

namespace {

// A copy of the covet binary in <workspace>/bin, with no lib/covet beside it.
RunOptions lone_binary(const Workspace& ws, const std::vector<std::string>& args) {
    fs::create_directories(ws / "bin");
    const fs::path lone = ws / "bin/covet";
    if (!fs::exists(lone)) fs::copy_file(COVET_BINARY, lone);
    RunOptions options = ws.covet_options(args);
    options.program = lone.string();
    return options;
}

}  // namespace

COVET_CLI_SERVER_TEST(
    "a driver module missing from COVET_DRIVER_DIR is named with where covet looked",
    "[cli][driver]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    const std::string module = backend == "postgresql" ? "covet_postgres.so" : "covet_mysql.so";
    fs::create_directories(ws / "no-drivers");

    RunOptions options = ws.covet_options({"-d", url, "showmigrations"});
    options.env["COVET_DRIVER_DIR"] = (ws / "no-drivers").string();
    RunResult missing = run_process(options);
    CHECK_EXIT(missing, 1);
    CHECK_RUN(missing, is_one_error_line(missing.err));
    CHECK_RUN(missing, contains(missing.err, module));
    CHECK_RUN(missing, contains(missing.err, "not installed"));
    CHECK_RUN(missing, contains(missing.err, (ws / "no-drivers").string()));
    CHECK_RUN(missing, !contains(missing.err, "covet-pw"));

    // Pointed at the build's modules, the same command works against the server.
    options.env["COVET_DRIVER_DIR"] = (fs::path(COVET_BINARY).parent_path() / "lib/covet").string();
    RunResult found = run_process(options);
    CHECK_EXIT(found, 0);
    CHECK_RUN(found, contains(found.out, "0001_"));
}

COVET_CLI_SERVER_TEST("a copy of the binary alone still finds the drivers of its build",
                      "[cli][driver]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult result = run_process(lone_binary(ws, {"-d", url, "migrate"}));
    CHECK_EXIT(result, 0);
    CHECK_RUN(result, contains(result.out, "0003_add_order_note"));
}

TEST_CASE("sqlite needs no driver module", "[cli][driver]") {
    Workspace ws;
    ws.copy_fixture("shop");
    // Modules that end the process with 97 when loaded: a run that loads
    // one, even one that would shrug off a failed load, cannot pass.
    fs::create_directories(ws / "tripwire");
    for (const char* module : {"covet_postgres.so", "covet_mysql.so"})
        fs::copy_file(COVET_DRIVER_TRIPWIRE, ws / "tripwire" / module);
    const std::string tripwire = (ws / "tripwire").string();

    // The tripwire directory is the one consulted: a server URL loads from it.
    RunOptions server = lone_binary(ws, {"-d", "postgresql://u@127.0.0.1:1/db", "migrate"});
    server.env["COVET_DRIVER_DIR"] = tripwire;
    RunResult tripped = run_process(server);
    CHECK_EXIT(tripped, 97);
    CHECK_RUN(tripped, contains(tripped.err, "covet driver tripwire loaded"));

    RunOptions options = lone_binary(ws, {"migrate"});
    options.env["COVET_DRIVER_DIR"] = tripwire;
    RunResult result = run_process(options);
    CHECK_EXIT(result, 0);
    CHECK_RUN(result, result.err.empty());
    CHECK_RUN(result, contains(result.out, "Applying shop.0003_add_order_note... OK"));
    CHECK(SqliteProbe(ws / "covet.db").history().size() == 3);
}
