#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>
#include <thread>

#include "cli_assertions.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

// The tables each migration creates.
const std::map<std::string, std::vector<std::string>> kTablesOf = {
    {"0001_first", {"first_t", "gate"}},
    {"0002_slow", {"slow_marker", "slow_big"}},
    {"0003_after", {"after_t"}},
};

constexpr long long kMarkerRows = 1000000;

// 0002_slow writes a million rows (more than SQLite's page cache holds, so
// they spill into covet.db-wal while its transaction is open), then loops
// until the table `gate` has a row. The gate cannot open while covet holds
// its lock: once the WAL has grown, the run is inside 0002 and stays there.
void write_gated_migrations(const Workspace& ws) {
    ws.write("migrations/jobs/0001_first.yaml",
             "operations:\n"
             "  - create_table: {table: first_t, fields: {id: AutoField(primary_key=True)}}\n"
             "  - run_sql: {sql: \"CREATE TABLE gate (open integer)\", reverse_sql: \"DROP TABLE "
             "gate\"}\n");
    ws.write("migrations/jobs/0002_slow.yaml",
             "dependencies: [0001_first]\n"
             "operations:\n"
             "  - create_table:\n"
             "      table: slow_marker\n"
             "      fields: {id: AutoField(primary_key=True), n: IntegerField()}\n"
             "  - run_sql:\n"
             "      sql: >\n"
             "        INSERT INTO slow_marker (n) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL\n"
             "        SELECT x + 1 FROM c WHERE x < " +
                 std::to_string(kMarkerRows) +
                 ") SELECT x FROM c;\n"
                 "        CREATE TABLE slow_big AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL\n"
                 "        SELECT x + 1 FROM c WHERE NOT EXISTS (SELECT 1 FROM gate))\n"
                 "        SELECT count(*) AS n FROM c\n"
                 "      reverse_sql: \"DROP TABLE slow_big\"\n");
    ws.write("migrations/jobs/0003_after.yaml",
             "dependencies: [0002_slow]\n"
             "operations:\n"
             "  - create_table: {table: after_t, fields: {id: AutoField(primary_key=True)}}\n");
}

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

std::uintmax_t file_size_or_zero(const std::filesystem::path& file) {
    std::error_code error;
    std::uintmax_t size = std::filesystem::file_size(file, error);
    return error ? 0 : size;
}

}  // namespace

TEST_CASE("a migrate killed inside a long migration leaves a consistent state and resumes",
          "[cli][sigkill]") {
    Workspace ws;
    write_gated_migrations(ws);

    RunOptions options = ws.covet_options({"migrate"});
    options.timeout = std::chrono::seconds(120);
    BackgroundProcess process(options);
    bool first_done =
        process.wait_for_stdout("Applying jobs.0001_first... OK", std::chrono::seconds(60));
    // The rows of 0002, uncommitted, in the WAL: 4 MB is far beyond what 0001 wrote.
    const std::uintmax_t kInside = 4u << 20;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (first_done && file_size_or_zero(ws / "covet.db-wal") < kInside && process.running() &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    const std::uintmax_t wal_at_kill = file_size_or_zero(ws / "covet.db-wal");
    const bool running_at_kill = process.running();
    process.kill_now();
    RunResult killed = process.wait();
    {
        INFO(killed.describe());
        INFO("WAL at the kill: " << wal_at_kill << " bytes");
        REQUIRE(first_done);
        REQUIRE(running_at_kill);
        REQUIRE(wal_at_kill >= kInside);
        REQUIRE(killed.signal == SIGKILL);
        CHECK_FALSE(contains(killed.out, "0002_slow"));
    }

    {
        SqliteProbe db(ws / "covet.db");
        check_consistent(db);
        // Killed inside 0002: none of it stayed, 0001 did.
        CHECK(db.history() == History{{"jobs", "0001_first"}});
        REQUIRE(db.scalar("INSERT INTO gate (open) VALUES (1) RETURNING open") == 1);
    }

    RunResult resumed = ws.covet({"migrate"});
    REQUIRE_EXIT(resumed, 0);
    CHECK_RUN(resumed, !contains(resumed.out, "0001_first"));
    CHECK_RUN(resumed, appear_in_order(resumed.out, {"Applying jobs.0002_slow... OK",
                                                     "Applying jobs.0003_after... OK"}));
    SqliteProbe db(ws / "covet.db");
    check_consistent(db);
    CHECK(db.history().size() == 3);
    CHECK(db.scalar("SELECT count(*) FROM slow_marker") == kMarkerRows);
    CHECK(db.scalar("SELECT n FROM slow_big") == 1);
}
