// PostgreSQL and MySQL connections come from driver modules loaded on first
// use (dialects/driver_module.h): a binary that cannot find its module says
// which one and where it looked; COVET_DRIVER_DIR points it elsewhere.
#include <catch2/catch.hpp>

#include <filesystem>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace fs = std::filesystem;

COVET_CLI_SERVER_TEST("a binary away from its driver module names the module and where it looked",
                      "[cli][driver]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    const std::string module = backend == "postgresql" ? "covet_postgres.so" : "covet_mysql.so";

    // A copy of the binary in a directory with no lib/covet next to it.
    fs::create_directories(ws / "bin");
    const fs::path lone = ws / "bin/covet";
    fs::copy_file(COVET_BINARY, lone);
    RunOptions options = ws.covet_options({"-d", url, "showmigrations"});
    options.program = lone.string();

    RunResult missing = run_process(options);
    CHECK_EXIT(missing, 1);
    CHECK_RUN(missing, is_one_error_line(missing.err));
    CHECK_RUN(missing, contains(missing.err, module));
    CHECK_RUN(missing, contains(missing.err, "not installed"));
    CHECK_RUN(missing, contains(missing.err, (ws / "bin/lib/covet").string()));
    CHECK_RUN(missing, !contains(missing.err, "covet-pw"));

    // The same binary, told where the modules are, works against the server.
    options.env["COVET_DRIVER_DIR"] = (fs::path(COVET_BINARY).parent_path() / "lib/covet").string();
    RunResult found = run_process(options);
    CHECK_EXIT(found, 0);
    CHECK_RUN(found, contains(found.out, "0001_"));
}

TEST_CASE("sqlite needs no driver module", "[cli][driver]") {
    Workspace ws;
    ws.copy_fixture("shop");
    fs::create_directories(ws / "bin");
    const fs::path lone = ws / "bin/covet";
    fs::copy_file(COVET_BINARY, lone);
    RunOptions options = ws.covet_options({"migrate"});
    options.program = lone.string();
    RunResult result = run_process(options);
    CHECK_EXIT(result, 0);
}
