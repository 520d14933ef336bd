// The driver search order of the man page (FILES): lib/covet next to the
// executable, then ../lib/covet, then the install directory, then the build
// tree. A module that is not a shared object stops the search with an error
// naming it, which shows where covet looked first.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace fs = std::filesystem;

namespace {

// The covet binary copied to <workspace>/prefix/bin/covet.
RunOptions copied_binary(const Workspace& ws, const std::vector<std::string>& args) {
    fs::create_directories(ws / "prefix/bin");
    const fs::path copy = ws / "prefix/bin/covet";
    if (!fs::exists(copy)) fs::copy_file(COVET_BINARY, copy);
    RunOptions options = ws.covet_options(args);
    options.program = copy.string();
    options.env["COVET_DRIVER_DIR"] = std::nullopt;
    return options;
}

void place_bogus_module(const fs::path& dir, const std::string& module) {
    fs::create_directories(dir);
    std::ofstream(dir / module) << "not a shared object\n";
}

}  // namespace

COVET_CLI_SERVER_TEST("a copied binary looks in lib/covet beside it, then ../lib/covet",
                      "[cli][driver]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    const std::string module = backend == "postgresql" ? "covet_postgres.so" : "covet_mysql.so";
    const fs::path beside = ws / "prefix/bin/lib/covet";
    const fs::path above = ws / "prefix/lib/covet";
    const RunOptions options = copied_binary(ws, {"-d", url, "showmigrations"});

    SECTION("lib/covet next to the executable comes before the build tree") {
        place_bogus_module(beside, module);
        RunResult result = run_process(options);
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, contains(result.err, (beside / module).string()));
    }
    SECTION("../lib/covet comes before the build tree") {
        place_bogus_module(above, module);
        RunResult result = run_process(options);
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, contains(result.err, (above / module).string()));
    }
    SECTION("lib/covet next to the executable comes before ../lib/covet") {
        place_bogus_module(above, module);
        fs::create_directories(beside);
        fs::copy_file(fs::path(COVET_BINARY).parent_path() / "lib/covet" / module, beside / module);
        RunResult result = run_process(options);
        CHECK_EXIT(result, 0);
        CHECK_RUN(result, contains(result.out, "0001_create_customers"));
    }
}
