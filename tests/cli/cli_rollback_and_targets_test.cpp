#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// Names of the recorded migrations, in the order they were applied.
std::vector<std::string> applied_names(const std::string& url) {
    std::vector<std::string> names;
    for (const auto& [app, name] : DatabaseProbe(url).history()) {
        names.push_back(app + "." + name);
    }
    return names;
}

std::set<std::string> schema_tables(const std::string& url) {
    return DatabaseProbe(url).schema_tables();
}

const std::string k0001 = "shop.0001_create_customers";
const std::string k0002 = "shop.0002_create_orders";
const std::string k0003 = "shop.0003_add_order_note";

}  // namespace

COVET_CLI_BACKEND_TEST("rollback un-applies the last migration and prints it", "[cli][rollback]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult result = ws.covet({"-d", url, "rollback"});
    REQUIRE_EXIT(result, 0);
    CHECK_RUN(result,
              has_line_matching(result.out,
                                R"(Unapplying shop\.0003_add_order_note\.\.\. OK \(\d+ ms\))"));
    CHECK_RUN(result, !contains(result.out, "0002_create_orders"));
    CHECK(applied_names(url) == std::vector<std::string>{k0001, k0002});
    DatabaseProbe db(url);
    CHECK(db.columns("orders") == std::vector<std::string>{"id", "customer_id", "total"});
    CHECK(db.indexes("orders").count("idx_orders_total") == 0);
}

COVET_CLI_BACKEND_TEST("rollback --steps N un-applies the newest N, newest first",
                       "[cli][rollback]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult result = ws.covet({"-d", url, "rollback", "--steps", "2"});
    REQUIRE_EXIT(result, 0);
    CHECK_RUN(result, appear_in_order(result.out, {"Unapplying " + k0003, "Unapplying " + k0002}));
    CHECK(applied_names(url) == std::vector<std::string>{k0001});
    CHECK(schema_tables(url) == std::set<std::string>{"customers"});
}

COVET_CLI_BACKEND_TEST("rollback --to TARGET un-applies everything after the target",
                       "[cli][rollback]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    REQUIRE_EXIT(ws.covet({"-d", url, "rollback", "--to", "0001"}), 0);
    CHECK(applied_names(url) == std::vector<std::string>{k0001});
}

COVET_CLI_BACKEND_TEST("rollback --sql prints the backward SQL and un-applies nothing",
                       "[cli][rollback]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult result = ws.covet({"-d", url, "rollback", "--steps", "2", "--sql"});
    REQUIRE_EXIT(result, 0);
    CHECK_RUN(result, contains(result.out, "DROP TABLE"));
    CHECK(applied_names(url).size() == 3);
    CHECK(schema_tables(url) == std::set<std::string>{"customers", "orders"});
}

COVET_CLI_BACKEND_TEST("migrate TARGET accepts a full name, a unique prefix and APP.NAME",
                       "[cli][targets]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    SECTION("a unique prefix going forwards stops at the target") {
        REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0002"}), 0);
        CHECK(applied_names(url) == std::vector<std::string>{k0001, k0002});
    }
    SECTION("APP.NAME behind the current state rolls back to it") {
        REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
        RunResult result = ws.covet({"-d", url, "migrate", "shop.0002_create_orders"});
        REQUIRE_EXIT(result, 0);
        CHECK_RUN(result,
                  has_line_matching(result.out,
                                    R"(Unapplying shop\.0003_add_order_note\.\.\. OK \(\d+ ms\))"));
        CHECK(applied_names(url) == std::vector<std::string>{k0001, k0002});
    }
    SECTION("a full name behind the current state rolls back newest first") {
        REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
        RunResult result = ws.covet({"-d", url, "migrate", "0001_create_customers"});
        REQUIRE_EXIT(result, 0);
        CHECK_RUN(result,
                  appear_in_order(result.out, {"Unapplying " + k0003, "Unapplying " + k0002}));
        CHECK(applied_names(url) == std::vector<std::string>{k0001});
        CHECK(schema_tables(url) == std::set<std::string>{"customers"});
    }
}

COVET_CLI_BACKEND_TEST("migrate zero and APP.zero un-apply everything", "[cli][targets]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    for (const std::string target : {"zero", "shop.zero"}) {
        REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
        RunResult result = ws.covet({"-d", url, "migrate", target});
        REQUIRE_EXIT(result, 0);
        CHECK_RUN(result, appear_in_order(result.out, {"Unapplying " + k0003, "Unapplying " + k0002,
                                                       "Unapplying " + k0001}));
        CHECK(applied_names(url).empty());
        CHECK(schema_tables(url).empty());
    }
}

COVET_CLI_BACKEND_TEST("an ambiguous target prefix is a usage error and changes nothing",
                       "[cli][targets]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0002"}), 0);
    RunResult result = ws.covet({"-d", url, "migrate", "000"});
    CHECK_EXIT(result, 2);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK(applied_names(url) == std::vector<std::string>{k0001, k0002});
}

TEST_CASE("sqlmigrate prints one migration's SQL forwards and backwards", "[cli][sqlmigrate]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult forwards = ws.covet({"sqlmigrate", "0002"});
    REQUIRE_EXIT(forwards, 0);
    CHECK_RUN(forwards, contains(forwards.out, "CREATE TABLE"));
    CHECK_RUN(forwards, contains(forwards.out, "orders"));
    CHECK_RUN(forwards, contains(forwards.out, "REFERENCES"));
    CHECK_RUN(forwards, !contains(forwards.out, "idx_orders_total"));
    CHECK_RUN(forwards, has_line_matching(forwards.out, R"(.*;\s*)"));

    RunResult backwards = ws.covet({"sqlmigrate", "shop.0002_create_orders", "--backwards"});
    REQUIRE_EXIT(backwards, 0);
    CHECK_RUN(backwards, contains(backwards.out, "DROP TABLE"));
    CHECK_RUN(backwards, contains(backwards.out, "orders"));
    CHECK_RUN(backwards, !contains(backwards.out, "CREATE TABLE"));

    CHECK(applied_names(database_url_for("sqlite", ws)).empty());
}
