#include <catch2/catch.hpp>

#include <signal.h>

#include <map>
#include <set>
#include <thread>

#include "cli_assertions.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// The tables each migration of fixtures/slow creates.
const std::map<std::string, std::vector<std::string>> kTablesOf = {
    {"0001_first", {"first_t"}},
    {"0002_slow", {"slow_marker", "slow_big"}},
    {"0003_after", {"after_t"}},
};

// Schema and history agree: a recorded migration has all its tables, an unrecorded one none.
void check_consistent(const SqliteProbe& db) {
    std::set<std::string> recorded;
    for (const auto& [app, name] : db.history()) {
        CHECK(app == "jobs");
        recorded.insert(name);
    }
    auto tables = db.tables();
    for (const auto& [name, created] : kTablesOf) {
        for (const auto& table : created) {
            INFO("migration " << name << ", table " << table
                              << (recorded.count(name) ? " (recorded)" : " (not recorded)"));
            CHECK(tables.count(table) == recorded.count(name));
        }
    }
}

}  // namespace

TEST_CASE("a migrate killed inside a long migration leaves a consistent state and resumes",
          "[cli][sigkill]") {
    Workspace ws;
    ws.copy_fixture("slow");

    RunOptions options = ws.covet_options({"migrate"});
    options.timeout = std::chrono::seconds(120);
    BackgroundProcess process(options);
    bool first_done =
        process.wait_for_stdout("Applying jobs.0001_first... OK", std::chrono::seconds(60));
    if (!first_done) {
        process.kill_now();
        RunResult seen = process.wait();
        INFO(seen.describe());
        INFO("the progress line of 0001_first never appeared (not printed, or not flushed)");
        REQUIRE(first_done);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    bool killed_while_running = process.running();
    process.kill_now();
    RunResult killed = process.wait();
    {
        INFO(killed.describe());
        INFO("the slow migration finished before the kill: make it slower");
        REQUIRE(killed_while_running);
        REQUIRE(killed.signal == SIGKILL);
    }

    {
        SqliteProbe db(ws / "covet.db");
        check_consistent(db);
        std::set<std::string> recorded;
        for (const auto& row : db.history())
            recorded.insert(row.second);
        CHECK(recorded.count("0003_after") == 0);
    }

    RunResult resumed = ws.covet({"migrate"});
    REQUIRE_EXIT(resumed, 0);
    SqliteProbe db(ws / "covet.db");
    check_consistent(db);
    CHECK(db.history().size() == 3);
    CHECK(db.scalar("SELECT n FROM slow_big") == 15000000);
}
