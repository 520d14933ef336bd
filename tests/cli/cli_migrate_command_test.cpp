#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <regex>
#include <set>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "covet/migration_lock.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const std::vector<std::string> kShopMigrations = {
    "shop.0001_create_customers", "shop.0002_create_orders", "shop.0003_add_order_note"};

// Tables other than covet's own bookkeeping tables.
std::set<std::string> schema_tables(const std::string& url) {
    return DatabaseProbe(url).schema_tables();
}

std::size_t history_size(const std::string& url) {
    return DatabaseProbe(url).history().size();
}

}  // namespace

COVET_CLI_BACKEND_TEST("migrate prints one line per applied migration with its duration",
                       "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult result = ws.covet({"-d", url, "migrate"});
    REQUIRE_EXIT(result, 0);
    for (const auto& name : kShopMigrations) {
        std::string escaped = std::regex_replace(name, std::regex(R"(\.)"), R"(\.)");
        CHECK_RUN(result,
                  has_line_matching(result.out, "Applying " + escaped + R"(\.\.\. OK \(\d+ ms\))"));
    }
    CHECK_RUN(result, appear_in_order(result.out, kShopMigrations));

    DatabaseProbe db(url);
    CHECK(db.schema_tables() == std::set<std::string>{"customers", "orders"});
    auto order_columns = db.columns("orders");
    CHECK(order_columns == std::vector<std::string>{"id", "customer_id", "total", "note"});
    CHECK(db.indexes("orders").count("idx_orders_total") == 1);
    auto history = db.history();
    REQUIRE(history.size() == 3);
    CHECK(history[0] == std::pair<std::string, std::string>{"shop", "0001_create_customers"});
    CHECK(history[2] == std::pair<std::string, std::string>{"shop", "0003_add_order_note"});
}

COVET_CLI_BACKEND_TEST("migrate with nothing to do says so and changes nothing", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult again = ws.covet({"-d", url, "migrate"});
    REQUIRE_EXIT(again, 0);
    CHECK_RUN(again, has_line_matching(again.out, "No migrations to apply\\."));
    CHECK_RUN(again, !contains(again.out, "Applying"));
    CHECK(history_size(url) == 3);
}

COVET_CLI_BACKEND_TEST("migrate --plan lists the migrations in order and applies nothing",
                       "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult plan = ws.covet({"-d", url, "migrate", "--plan"});
    REQUIRE_EXIT(plan, 0);
    // Each migration, then its operations indented, as the fixture's files say.
    CHECK_RUN(plan, plan.out ==
                        "Planned operations:\n"
                        "shop.0001_create_customers\n"
                        "    Create table customers\n"
                        "shop.0002_create_orders\n"
                        "    Create table orders\n"
                        "shop.0003_add_order_note\n"
                        "    Add column note to orders\n"
                        "    Create index idx_orders_total on orders\n");
    CHECK(schema_tables(url).empty());
    CHECK(history_size(url) == 0);

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult backwards = ws.covet({"-d", url, "migrate", "0001", "--plan"});
    REQUIRE_EXIT(backwards, 0);
    // Newest first, each migration's operations undone in reverse order.
    CHECK_RUN(backwards, backwards.out ==
                             "Planned operations:\n"
                             "shop.0003_add_order_note (backwards)\n"
                             "    Undo Create index idx_orders_total on orders\n"
                             "    Undo Add column note to orders\n"
                             "shop.0002_create_orders (backwards)\n"
                             "    Undo Create table orders\n");
    CHECK(history_size(url) == 3);
}

COVET_CLI_BACKEND_TEST("migrate --sql prints each migration's statements and applies nothing",
                       "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult sql = ws.covet({"-d", url, "migrate", "--sql"});
    REQUIRE_EXIT(sql, 0);
    std::vector<std::string> headers;
    for (const auto& name : kShopMigrations)
        headers.push_back("-- migration " + name);
    CHECK_RUN(sql, appear_in_order(sql.out, headers));
    CHECK_RUN(sql, contains(sql.out, "CREATE TABLE"));
    CHECK_RUN(sql, contains(sql.out, "CREATE INDEX"));
    // Every migration's section holds statements ending with ';'.
    for (std::size_t i = 0; i < headers.size(); ++i) {
        std::size_t begin = sql.out.find(headers[i]);
        REQUIRE(begin != std::string::npos);
        begin += headers[i].size();
        std::size_t end = i + 1 < headers.size() ? sql.out.find(headers[i + 1]) : sql.out.size();
        std::string body = sql.out.substr(begin, end - begin);
        while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) {
            body.pop_back();
        }
        INFO("section of " << headers[i] << ":\n" << body);
        CHECK((!body.empty() && body.back() == ';'));
    }
    CHECK(schema_tables(url).empty());
    CHECK(history_size(url) == 0);
}

COVET_CLI_BACKEND_TEST("migrate --fake records the migrations without running their SQL",
                       "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "--fake"}), 0);
    CHECK(schema_tables(url).empty());
    CHECK(history_size(url) == 3);
    for (const auto& row : list_migrations(ws, {"-d", url}))
        CHECK(row.status == "applied");

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "zero", "--fake"}), 0);
    CHECK(history_size(url) == 0);
}

COVET_CLI_BACKEND_TEST("migrate --check exits 3 listing what is unapplied and runs nothing",
                       "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0001"}), 0);
    RunResult check = ws.covet({"-d", url, "migrate", "--check"});
    CHECK_EXIT(check, 3);
    CHECK_RUN(check, contains(check.out + check.err, "0002_create_orders"));
    CHECK_RUN(check, contains(check.out + check.err, "0003_add_order_note"));
    CHECK(history_size(url) == 1);
    CHECK(schema_tables(url) == std::set<std::string>{"customers"});
}

COVET_CLI_BACKEND_TEST("verbose mode logs every SQL statement with its duration to stderr",
                       "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult result = ws.covet({"-d", url, "-v", "migrate"});
    REQUIRE_EXIT(result, 0);
    CHECK_RUN(result, contains(result.err, "CREATE TABLE"));
    CHECK_RUN(result, contains(result.err, "CREATE INDEX"));
    CHECK_RUN(result, std::regex_search(result.err, std::regex(R"(\d+(\.\d+)? ?(ms|us|µs))")));
    CHECK_RUN(result, !contains(result.out, "CREATE TABLE"));

    Workspace quiet;
    quiet.copy_fixture("shop");
    const std::string quiet_url = database_url_for(backend, quiet);
    RunResult plain = quiet.covet({"-d", quiet_url, "migrate"});
    REQUIRE_EXIT(plain, 0);
    CHECK_RUN(plain, !contains(plain.err, "CREATE TABLE"));
}

COVET_CLI_BACKEND_TEST("-v logs the statement that failed before the error", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("failing");
    RunResult result = ws.covet({"-d", database_url_for(backend, ws), "-v", "migrate"});
    CHECK_EXIT(result, 1);
    const std::string failing = "INSERT INTO no_such_table";
    const auto logged = result.err.find(failing);
    const auto error = result.err.find("covet: error:");
    REQUIRE(logged != std::string::npos);
    REQUIRE(error != std::string::npos);
    CHECK(logged < error);
}

COVET_CLI_BACKEND_TEST("migrate waits --lock-timeout for the migration lock", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    // Another session holds the migration lock, as a running migrate would.
    DatabaseProbe holder(url);
    covet::migration_lock_of(holder.connection()).acquire_migration_lock(std::chrono::seconds(5));

    RunOptions options = ws.covet_options({"-d", url, "migrate", "--lock-timeout", "0.5"});
    options.timeout = std::chrono::seconds(50);  // far beyond 0.5 s, far below the default 60 s
    RunResult waited = run_process(options);
    CHECK_EXIT(waited, 1);
    CHECK_RUN(waited, is_one_error_line(waited.err));
    CHECK_RUN(waited, contains(waited.err, "migration lock"));
    CHECK_RUN(waited, contains(waited.err, "0.5"));
    CHECK(history_size(url) == 0);
    CHECK(schema_tables(url).empty());

    covet::migration_lock_of(holder.connection()).release_migration_lock(true);
    RunResult result = ws.covet({"-d", url, "migrate", "--lock-timeout", "0.5"});
    CHECK_EXIT(result, 0);
    CHECK(history_size(url) == 3);
}

COVET_CLI_SERVER_TEST("migrate gives each DDL statement --ddl-lock-timeout to get its table lock",
                      "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0002"}), 0);
    // An open transaction that read orders: 0003's ALTER TABLE orders must wait for it.
    DatabaseProbe holder(url);
    holder.connection().execute("BEGIN");
    holder.scalar("SELECT count(*) FROM orders");

    RunOptions options = ws.covet_options({"-d", url, "migrate", "--ddl-lock-timeout", "0.3"});
    options.timeout = std::chrono::seconds(50);
    RunResult gave_up = run_process(options);
    holder.connection().execute("ROLLBACK");
    CHECK_EXIT(gave_up, 1);
    CHECK_RUN(gave_up, is_one_error_line(gave_up.err));
    CHECK_RUN(gave_up, contains(gave_up.err, "waiting 300 ms each for a lock on table 'orders'"));
    CHECK(history_size(url) == 2);

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "--ddl-lock-timeout", "0.3"}), 0);
    CHECK(history_size(url) == 3);
}

TEST_CASE("sqlmigrate ends each run_sql statement with exactly one usable semicolon",
          "[cli][migrate]") {
    Workspace ws;
    ws.write("migrations/app/0001_raw.yaml",
             "operations:\n"
             "  - run_sql:\n"
             "      sql: |\n"
             "        CREATE TABLE notes (id integer);\n"
             "      reverse_sql: \"DROP TABLE notes -- gone\"\n");
    RunResult forward = ws.covet({"sqlmigrate", "0001"});
    REQUIRE_EXIT(forward, 0);
    CHECK_RUN(forward, forward.out == "CREATE TABLE notes (id integer);\n");
    RunResult backward = ws.covet({"sqlmigrate", "0001", "--backwards"});
    REQUIRE_EXIT(backward, 0);
    // After a trailing comment the semicolon goes on a line of its own.
    CHECK_RUN(backward, backward.out == "DROP TABLE notes -- gone\n;\n");
}
