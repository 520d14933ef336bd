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

// Create, add a column, sleep (the window for the kill), add another column.
void write_multi_statement_migrations(const Workspace& ws, bool mysql) {
    ws.write("migrations/jobs/0001_first.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: first_t\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n");
    const std::string sleep = mysql ? "DO SLEEP(5)" : "SELECT pg_sleep(5)";
    const std::string nothing = mysql ? "DO 0" : "SELECT 1";
    ws.write(
        "migrations/jobs/0002_multi.yaml",
        "dependencies: [0001_first]\n"
        "operations:\n"
        "  - create_table:\n"
        "      table: multi_t\n"
        "      fields:\n"
        "        id: AutoField(primary_key=True)\n"
        "  - add_column: {table: multi_t, column: early, field: \"IntegerField(null=True)\"}\n"
        "  - run_sql:\n"
        "      sql: \"" +
            sleep + "\"\n      reverse_sql: \"" + nothing +
            "\"\n"
            "  - add_column: {table: multi_t, column: late, field: \"IntegerField(null=True)\"}\n");
}

// True once another session of this database is running the migration's sleep.
bool sleep_is_running(DatabaseProbe& probe, bool mysql) {
    const char* sql = mysql ? "SELECT count(*) FROM information_schema.processlist "
                              "WHERE db = DATABASE() AND id <> CONNECTION_ID() "
                              "AND info LIKE '%SLEEP(5)%'"
                            : "SELECT count(*) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                              "AND state = 'active' AND query LIKE '%pg_sleep(5)%'";
    return probe.scalar(sql) > 0;
}

}  // namespace

COVET_CLI_SERVER_TEST(
    "a migrate killed inside a multi-statement migration never leaves it "
    "half-applied in silence",
    "[cli][sigkill]") {
    const bool mysql = backend == "mysql";
    Workspace ws;
    write_multi_statement_migrations(ws, mysql);
    const std::string url = database_url_for(backend, ws);
    const std::vector<std::string> d = {"-d", url};

    RunOptions options = ws.covet_options({"-d", url, "migrate"});
    options.timeout = std::chrono::seconds(120);
    BackgroundProcess process(options);
    DatabaseProbe probe(url);
    bool sleeping = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!sleeping && process.running() && std::chrono::steady_clock::now() < deadline) {
        sleeping = sleep_is_running(probe, mysql);
        if (!sleeping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    // MariaDB commits each DDL statement: the first two operations are visible by now.
    bool first_operations_done = !mysql || probe.has_column("multi_t", "early");
    process.kill_now();
    RunResult killed = process.wait();
    {
        INFO(killed.describe());
        INFO("the migration's SLEEP never showed up in the server's process list before exit");
        REQUIRE(sleeping);
        REQUIRE(killed.signal == SIGKILL);
        CHECK(first_operations_done);
    }

    auto listing = list_migrations(ws, d);
    CHECK(status_of(listing, "jobs", "0001_first") == "applied");
    if (mysql) {
        CHECK(status_of(listing, "jobs", "0002_multi") == "partial");
    } else {
        // One transaction: the kill took the whole migration with it.
        CHECK(status_of(listing, "jobs", "0002_multi") == "pending");
        DatabaseProbe after_kill(url);
        CHECK_FALSE(after_kill.has_table("multi_t"));
        CHECK(after_kill.history() == History{{"jobs", "0001_first"}});
    }

    RunResult resumed = ws.covet({"-d", url, "migrate", "--lock-timeout", "60"});
    REQUIRE_EXIT(resumed, 0);
    if (mysql) {
        CHECK_RUN(resumed, contains_nocase(resumed.err, "revert"));
        CHECK_RUN(resumed, contains(resumed.err, "0002_multi"));
    }
    CHECK_RUN(resumed, contains(resumed.out, "Applying jobs.0002_multi... OK"));
    DatabaseProbe db(url);
    CHECK(db.history() == History{{"jobs", "0001_first"}, {"jobs", "0002_multi"}});
    CHECK(db.columns("multi_t") == std::vector<std::string>{"id", "early", "late"});
    CHECK(db.schema_tables() == std::set<std::string>{"first_t", "multi_t"});
    auto final_listing = list_migrations(ws, d);
    CHECK(status_of(final_listing, "jobs", "0002_multi") == "applied");
}
