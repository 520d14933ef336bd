// migrate --resume through the CLI: a MariaDB migration killed half-way
// (its DDL commits statement by statement) is continued from its journal,
// not reverted and re-applied.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <thread>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

// Create a table, add a column, sleep (the window for the kill), add another column.
void write_interruptible_migrations(const Workspace& ws) {
    ws.write("migrations/jobs/0001_first.yaml",
             "operations:\n"
             "  - create_table: {table: first_t, fields: {id: AutoField(primary_key=True)}}\n");
    ws.write(
        "migrations/jobs/0002_multi.yaml",
        "dependencies: [0001_first]\n"
        "operations:\n"
        "  - create_table: {table: multi_t, fields: {id: AutoField(primary_key=True)}}\n"
        "  - add_column: {table: multi_t, column: early, field: \"IntegerField(null=True)\"}\n"
        "  - run_sql: {sql: \"DO SLEEP(4)\", reverse_sql: \"DO 0\"}\n"
        "  - add_column: {table: multi_t, column: late, field: \"IntegerField(null=True)\"}\n");
}

bool sleep_is_running(DatabaseProbe& probe) {
    return probe.scalar(
               "SELECT count(*) FROM information_schema.processlist WHERE db = DATABASE() "
               "AND id <> CONNECTION_ID() AND info LIKE '%SLEEP(4)%'") > 0;
}

// Starts `covet migrate` and kills it while the migration's SLEEP runs.
void kill_inside_the_sleep(const Workspace& ws, const std::string& url) {
    RunOptions options = ws.covet_options({"-d", url, "migrate"});
    options.timeout = std::chrono::seconds(120);
    BackgroundProcess process(options);
    DatabaseProbe probe(url);
    bool sleeping = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!sleeping && process.running() && std::chrono::steady_clock::now() < deadline) {
        sleeping = sleep_is_running(probe);
        if (!sleeping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    process.kill_now();
    RunResult killed = process.wait();
    INFO(killed.describe());
    REQUIRE(sleeping);
    REQUIRE(killed.signal == SIGKILL);
}

}  // namespace

TEST_CASE("mysql: migrate --resume continues a partial migration from its journal",
          "[cli][resume]") {
    Workspace ws;
    write_interruptible_migrations(ws);
    const std::string url = database_url_for("mysql", ws);
    kill_inside_the_sleep(ws, url);
    REQUIRE(status_of(list_migrations(ws, {"-d", url}), "jobs", "0002_multi") == "partial");

    // A row written into the half-made table: resuming keeps it, reverting would drop it.
    DatabaseProbe(url).connection().execute("INSERT INTO multi_t (early) VALUES (42)");

    RunResult resumed = ws.covet({"-d", url, "migrate", "--resume"});
    REQUIRE_EXIT(resumed, 0);
    CHECK_RUN(resumed, contains(resumed.err, "Resumed the partial migration jobs.0002_multi"));
    CHECK_RUN(resumed, !contains_nocase(resumed.err, "revert"));
    DatabaseProbe db(url);
    CHECK(db.history() == History{{"jobs", "0001_first"}, {"jobs", "0002_multi"}});
    CHECK(db.columns("multi_t") == std::vector<std::string>{"id", "early", "late"});
    CHECK(db.scalar("SELECT count(*) FROM multi_t WHERE early = 42") == 1);
    CHECK(db.scalar("SELECT count(*) FROM covet_migrations_journal") == 0);
    CHECK(status_of(list_migrations(ws, {"-d", url}), "jobs", "0002_multi") == "applied");
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
}

TEST_CASE("mysql: migrate without --resume reverts the partial migration first", "[cli][resume]") {
    Workspace ws;
    write_interruptible_migrations(ws);
    const std::string url = database_url_for("mysql", ws);
    kill_inside_the_sleep(ws, url);
    DatabaseProbe(url).connection().execute("INSERT INTO multi_t (early) VALUES (42)");

    RunResult reverted = ws.covet({"-d", url, "migrate"});
    REQUIRE_EXIT(reverted, 0);
    CHECK_RUN(reverted, contains(reverted.err, "Reverted the partial migration jobs.0002_multi"));
    CHECK_RUN(reverted, contains(reverted.out, "Applying jobs.0002_multi... OK"));
    DatabaseProbe db(url);
    CHECK(db.columns("multi_t") == std::vector<std::string>{"id", "early", "late"});
    // The table was dropped and made again: the row went with it.
    CHECK(db.scalar("SELECT count(*) FROM multi_t") == 0);
}
