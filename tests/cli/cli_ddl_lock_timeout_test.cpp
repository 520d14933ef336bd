#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

COVET_CLI_SERVER_TEST(
    "a migration behind another session's lock retries, gives up naming the "
    "table and the blocker, and never stalls readers",
    "[cli][ddl-lock]") {
    const bool mysql = backend == "mysql";
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    ws.write("migrations/app/0001_create_locked.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: locked_items\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n");
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    ws.write(
        "migrations/app/0002_alter_locked.yaml",
        "dependencies: [0001_create_locked]\n"
        "operations:\n"
        "  - add_column: {table: locked_items, column: note, field: \"TextField(null=True)\"}\n");

    // An open transaction that read the table: the ALTER must wait for it.
    DatabaseProbe holder(url);
    const std::string blocker =
        std::to_string(holder.scalar(mysql ? "SELECT CONNECTION_ID()" : "SELECT pg_backend_pid()"));
    holder.connection().execute("BEGIN");
    holder.scalar("SELECT count(*) FROM locked_items");

    // A reader that would otherwise queue forever behind a waiting ALTER gives up after 5 s.
    DatabaseProbe reader(url);
    reader.connection().execute(mysql ? "SET SESSION lock_wait_timeout = 5"
                                      : "SET statement_timeout = 5000");

    RunOptions options = ws.covet_options({"-d", url, "migrate", "--ddl-lock-timeout", "0.5"});
    options.timeout = std::chrono::seconds(90);
    const auto started = Clock::now();
    BackgroundProcess process(options);
    double slowest_read = 0;
    int reads = 0;
    while (process.running()) {
        const auto read_started = Clock::now();
        try {
            reader.scalar("SELECT count(*) FROM locked_items");
        } catch (const std::exception& error) {
            WARN("reader failed: " << error.what());
        }
        slowest_read = std::max(slowest_read, seconds_since(read_started));
        ++reads;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    RunResult result = process.wait();
    const double elapsed = seconds_since(started);
    holder.connection().execute("ROLLBACK");

    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "locked_items"));
    if (mysql) {
        CHECK_RUN(result, contains_nocase(result.err, "connection " + blocker));
    } else {
        CHECK_RUN(result, contains(result.err, "pid " + blocker));
    }
    INFO("covet ran for " << elapsed << " s; slowest of " << reads << " reads " << slowest_read
                          << " s");
    // Four attempts of at least 0.5 s each, and a bound well below the default timeout.
    CHECK(elapsed >= 1.9);
    CHECK(elapsed < 30);
    CHECK(reads > 0);
    CHECK(slowest_read < 3.0);

    DatabaseProbe db(url);
    CHECK_FALSE(db.has_column("locked_items", "note"));
    CHECK(db.history().size() == 1);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "--ddl-lock-timeout", "0.5"}), 0);
    CHECK(db.has_column("locked_items", "note"));
}
