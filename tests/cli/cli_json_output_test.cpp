#include <catch2/catch.hpp>

#include <regex>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "json_value.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const std::regex kTimestamp(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?)");

// Parses a migrate/rollback document: {"applied":[...],"rolled_back":[...]}.
JsonValue parse_run_document(const RunResult& result) {
    INFO(result.describe());
    JsonValue document;
    REQUIRE_NOTHROW(document = parse_json(result.out));
    REQUIRE(document.is_object());
    CHECK(document.keys() == std::vector<std::string>{"applied", "rolled_back"});
    REQUIRE(document.has("applied"));
    REQUIRE(document.has("rolled_back"));
    REQUIRE(document.at("applied").is_array());
    REQUIRE(document.at("rolled_back").is_array());
    for (const char* list : {"applied", "rolled_back"}) {
        for (const auto& entry : document.at(list).items) {
            REQUIRE(entry.is_object());
            CHECK(entry.at("app").is_string());
            CHECK(entry.at("name").is_string());
            CHECK(entry.at("duration_ms").is_number());
            CHECK(entry.at("duration_ms").number >= 0);
        }
    }
    return document;
}

std::vector<std::string> names_in(const JsonValue& list) {
    std::vector<std::string> names;
    for (const auto& entry : list.items)
        names.push_back(entry.at("app").text + "." + entry.at("name").text);
    return names;
}

}  // namespace

COVET_CLI_BACKEND_TEST(
    "showmigrations --format json lists every migration with the contract's keys", "[cli][json]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult pending = ws.covet({"-d", url, "showmigrations", "--format", "json"});
    REQUIRE_EXIT(pending, 0);
    std::vector<ListedMigration> before;
    REQUIRE_NOTHROW(before = parse_migration_listing(pending.out));
    REQUIRE(before.size() == 3);
    CHECK(before[0].name == "0001_create_customers");
    CHECK(before[1].name == "0002_create_orders");
    CHECK(before[2].name == "0003_add_order_note");
    for (const auto& row : before) {
        CHECK(row.app == "shop");
        CHECK(row.status == "pending");
        CHECK_FALSE(row.applied_at.has_value());
        CHECK(is_md5_hex(row.checksum));
    }
    // Each entry has exactly these keys, in this order.
    JsonValue document = parse_json(pending.out);
    CHECK(document.at("migrations").items[0].keys() ==
          std::vector<std::string>{"app", "name", "status", "applied_at", "checksum"});

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    auto after = list_migrations(ws, {"-d", url});
    REQUIRE(after.size() == 3);
    for (std::size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].status == "applied");
        REQUIRE(after[i].applied_at.has_value());
        CHECK(std::regex_match(*after[i].applied_at, kTimestamp));
        CHECK(after[i].checksum == before[i].checksum);
    }
    CHECK(after[0].checksum != after[1].checksum);
}

COVET_CLI_BACKEND_TEST("migrate --format json reports applied and rolled back migrations",
                       "[cli][json]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult forwards = ws.covet({"-d", url, "migrate", "--format", "json"});
    REQUIRE_EXIT(forwards, 0);
    JsonValue applied = parse_run_document(forwards);
    CHECK(names_in(applied.at("applied")) == std::vector<std::string>{"shop.0001_create_customers",
                                                                      "shop.0002_create_orders",
                                                                      "shop.0003_add_order_note"});
    CHECK(applied.at("rolled_back").items.empty());

    RunResult nothing = ws.covet({"-d", url, "--format", "json", "migrate"});
    REQUIRE_EXIT(nothing, 0);
    JsonValue empty = parse_run_document(nothing);
    CHECK(empty.at("applied").items.empty());
    CHECK(empty.at("rolled_back").items.empty());

    RunResult backwards = ws.covet({"-d", url, "migrate", "0001", "--format", "json"});
    REQUIRE_EXIT(backwards, 0);
    JsonValue rolled = parse_run_document(backwards);
    CHECK(rolled.at("applied").items.empty());
    CHECK(names_in(rolled.at("rolled_back")) ==
          std::vector<std::string>{"shop.0003_add_order_note", "shop.0002_create_orders"});
}

COVET_CLI_BACKEND_TEST("rollback --format json reports what it rolled back", "[cli][json]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult result = ws.covet({"-d", url, "--format", "json", "rollback"});
    REQUIRE_EXIT(result, 0);
    JsonValue document = parse_run_document(result);
    CHECK(document.at("applied").items.empty());
    CHECK(names_in(document.at("rolled_back")) ==
          std::vector<std::string>{"shop.0003_add_order_note"});
}
