#include <catch2/catch.hpp>

#include <cctype>
#include <regex>
#include <set>

#include "cli_assertions.h"
#include "migration_listing.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const std::vector<std::string> kShopMigrations = {
    "shop.0001_create_customers", "shop.0002_create_orders", "shop.0003_add_order_note"};

// Tables other than the history table; empty when the database was never created.
std::set<std::string> schema_tables(const Workspace& ws) {
    if (!ws.exists("covet.db")) return {};
    auto tables = SqliteProbe(ws / "covet.db").tables();
    tables.erase("covet_migrations");
    return tables;
}

std::size_t history_size(const Workspace& ws) {
    if (!ws.exists("covet.db")) return 0;
    return SqliteProbe(ws / "covet.db").history().size();
}

}  // namespace

TEST_CASE("migrate prints one line per applied migration with its duration", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult result = ws.covet({"migrate"});
    REQUIRE_EXIT(result, 0);
    for (const auto& name : kShopMigrations) {
        std::string escaped = std::regex_replace(name, std::regex(R"(\.)"), R"(\.)");
        CHECK_RUN(result,
                  has_line_matching(result.out, "Applying " + escaped + R"(\.\.\. OK \(\d+ ms\))"));
    }
    CHECK_RUN(result, appear_in_order(result.out, kShopMigrations));

    SqliteProbe db(ws / "covet.db");
    CHECK(db.tables() == std::set<std::string>{"covet_migrations", "customers", "orders"});
    auto order_columns = db.columns("orders");
    CHECK(order_columns == std::vector<std::string>{"id", "customer_id", "total", "note"});
    CHECK(db.indexes("orders").count("idx_orders_total") == 1);
    auto history = db.history();
    REQUIRE(history.size() == 3);
    CHECK(history[0] == std::pair<std::string, std::string>{"shop", "0001_create_customers"});
    CHECK(history[2] == std::pair<std::string, std::string>{"shop", "0003_add_order_note"});
}

TEST_CASE("migrate with nothing to do says so and changes nothing", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    RunResult again = ws.covet({"migrate"});
    REQUIRE_EXIT(again, 0);
    CHECK_RUN(again, has_line_matching(again.out, "No migrations to apply\\."));
    CHECK_RUN(again, !contains(again.out, "Applying"));
    CHECK(history_size(ws) == 3);
}

TEST_CASE("migrate --plan lists the migrations in order and applies nothing", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult plan = ws.covet({"migrate", "--plan"});
    REQUIRE_EXIT(plan, 0);
    CHECK_RUN(plan, appear_in_order(plan.out, kShopMigrations));
    // Each migration line is followed by its indented operation descriptions.
    CHECK_RUN(plan, has_line_matching(plan.out, R"(\s+\S.*)"));
    CHECK(schema_tables(ws).empty());
    CHECK(history_size(ws) == 0);

    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    RunResult backwards = ws.covet({"migrate", "0001", "--plan"});
    REQUIRE_EXIT(backwards, 0);
    CHECK_RUN(backwards, appear_in_order(backwards.out,
                                         {"shop.0003_add_order_note", "shop.0002_create_orders"}));
    CHECK_RUN(backwards, !contains(backwards.out, "0001_create_customers"));
    CHECK(history_size(ws) == 3);
}

TEST_CASE("migrate --sql prints each migration's statements and applies nothing",
          "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult sql = ws.covet({"migrate", "--sql"});
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
    CHECK(schema_tables(ws).empty());
    CHECK(history_size(ws) == 0);
}

TEST_CASE("migrate --fake records the migrations without running their SQL", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate", "--fake"}), 0);
    CHECK(schema_tables(ws).empty());
    CHECK(history_size(ws) == 3);
    for (const auto& row : list_migrations(ws))
        CHECK(row.status == "applied");

    REQUIRE_EXIT(ws.covet({"migrate", "zero", "--fake"}), 0);
    CHECK(history_size(ws) == 0);
}

TEST_CASE("migrate --check exits 3 listing what is unapplied and runs nothing", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate", "0001"}), 0);
    RunResult check = ws.covet({"migrate", "--check"});
    CHECK_EXIT(check, 3);
    CHECK_RUN(check, contains(check.out + check.err, "0002_create_orders"));
    CHECK_RUN(check, contains(check.out + check.err, "0003_add_order_note"));
    CHECK(history_size(ws) == 1);
    CHECK(schema_tables(ws) == std::set<std::string>{"customers"});
}

TEST_CASE("verbose mode logs every SQL statement with its duration to stderr", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult result = ws.covet({"-v", "migrate"});
    REQUIRE_EXIT(result, 0);
    CHECK_RUN(result, contains(result.err, "CREATE TABLE"));
    CHECK_RUN(result, contains(result.err, "CREATE INDEX"));
    CHECK_RUN(result, std::regex_search(result.err, std::regex(R"(\d+(\.\d+)? ?(ms|us|µs))")));
    CHECK_RUN(result, !contains(result.out, "CREATE TABLE"));

    Workspace quiet;
    quiet.copy_fixture("shop");
    RunResult plain = quiet.covet({"migrate"});
    REQUIRE_EXIT(plain, 0);
    CHECK_RUN(plain, !contains(plain.err, "CREATE TABLE"));
}

TEST_CASE("migrate accepts --lock-timeout and --ddl-lock-timeout", "[cli][migrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult result = ws.covet({"migrate", "--lock-timeout", "5", "--ddl-lock-timeout", "2"});
    CHECK_EXIT(result, 0);
    CHECK(history_size(ws) == 3);
}
