#include <catch2/catch.hpp>

#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// True while another session's ALTER TABLE waits for a table lock.
bool alter_is_waiting(DatabaseProbe& watcher, bool mysql) {
    const char* sql =
        mysql ? "SELECT count(*) FROM information_schema.processlist "
                "WHERE db = DATABASE() AND id <> CONNECTION_ID() "
                "AND state = 'Waiting for table metadata lock' "
                "AND info LIKE '%ALTER TABLE%locked_items%'"
              : "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND wait_event_type = 'Lock' AND query LIKE '%ALTER TABLE%locked_items%'";
    return watcher.scalar(sql) > 0;
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

    // A reader that would otherwise queue forever behind a waiting ALTER gives
    // up after 5 s: the server's timeout, not the test's clock, marks a stall.
    DatabaseProbe reader(url);
    reader.connection().execute(mysql ? "SET SESSION lock_wait_timeout = 5"
                                      : "SET statement_timeout = 5000");
    DatabaseProbe watcher(url);

    RunOptions options = ws.covet_options({"-d", url, "migrate", "--ddl-lock-timeout", "0.5"});
    options.timeout = std::chrono::seconds(90);
    BackgroundProcess process(options);
    // Each time covet's ALTER is seen queued for the lock, a read must get through.
    int reads_while_queued = 0;
    std::vector<std::string> failed_reads;
    while (process.running()) {
        if (!alter_is_waiting(watcher, mysql)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        try {
            reader.scalar("SELECT count(*) FROM locked_items");
            ++reads_while_queued;
        } catch (const std::exception& error) {
            failed_reads.push_back(error.what());
        }
    }
    RunResult result = process.wait();
    holder.connection().execute("ROLLBACK");

    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "locked_items"));
    if (mysql) {
        CHECK_RUN(result, contains_nocase(result.err, "connection " + blocker));
    } else {
        CHECK_RUN(result, contains(result.err, "pid " + blocker));
    }
    // The timeout of the flag, and retries after it.
    CHECK_RUN(result, contains(result.err, "waiting 500 ms each"));
    std::smatch attempts;
    REQUIRE_RUN(result, std::regex_search(result.err, attempts,
                                          std::regex(R"(gave up after (\d+) attempts)")));
    CHECK(std::stoi(attempts[1].str()) >= 2);
    CHECK(reads_while_queued > 0);
    INFO("reads while the ALTER was queued that failed (stalled):\n"
         << (failed_reads.empty() ? std::string("none") : failed_reads.front()));
    CHECK(failed_reads.empty());

    DatabaseProbe db(url);
    CHECK_FALSE(db.has_column("locked_items", "note"));
    CHECK(db.history().size() == 1);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "--ddl-lock-timeout", "0.5"}), 0);
    CHECK(db.has_column("locked_items", "note"));
}
