#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_assertions.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const char* kOrders = "migrations/shop/0002_create_orders.yaml";
const char* kNote = "migrations/shop/0003_add_order_note.yaml";

void replace_orders_with(const Workspace& ws, const std::string& variant) {
    std::filesystem::copy_file(fixtures_dir() / "shop_variants" / variant, ws / kOrders,
                               std::filesystem::copy_options::overwrite_existing);
}

// Lines of the run's output that mention `needle`.
std::vector<std::string> lines_mentioning(const RunResult& result, const std::string& needle) {
    std::vector<std::string> found;
    for (const auto& line : lines_of(result.out + result.err)) {
        if (contains(line, needle)) found.push_back(line);
    }
    return found;
}

}  // namespace

TEST_CASE("editing an applied migration's operations shows it as modified", "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    replace_orders_with(ws, "0002_create_orders.semantic_change.yaml");

    auto listing = list_migrations(ws);
    CHECK(status_of(listing, "shop", "0001_create_customers") == "applied");
    CHECK(status_of(listing, "shop", "0002_create_orders") == "modified");
    CHECK(status_of(listing, "shop", "0003_add_order_note") == "applied");

    RunResult text = ws.covet({"showmigrations"});
    REQUIRE_EXIT(text, 0);
    CHECK_RUN(text, has_line_matching(text.out, R"(  \[M\] 0002_create_orders\s+modified.*)"));

    RunResult check = ws.covet({"check"});
    CHECK_EXIT(check, 3);
    CHECK_RUN(check, !lines_mentioning(check, "0002_create_orders").empty());
    CHECK_RUN(check, lines_mentioning(check, "0001_create_customers").empty());
    CHECK_EXIT(ws.covet({"showmigrations", "--check"}), 3);
}

TEST_CASE("changing only comments and formatting keeps an applied migration applied",
          "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    auto before = list_migrations(ws);
    std::string original_text = ws.read(kOrders);
    replace_orders_with(ws, "0002_create_orders.reformatted.yaml");
    REQUIRE(ws.read(kOrders) != original_text);

    auto after = list_migrations(ws);
    REQUIRE(after.size() == 3);
    CHECK(after[1].status == "applied");
    CHECK(after[1].checksum == before[1].checksum);

    RunResult check = ws.covet({"check"});
    CHECK_EXIT(check, 0);
    CHECK_RUN(check, has_line_matching(check.out, R"(No issues found\.)"));
    CHECK_EXIT(ws.covet({"showmigrations", "--check"}), 0);
}

TEST_CASE("deleting an applied migration's file shows it as missing", "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    REQUIRE(std::filesystem::remove(ws / kNote));

    auto listing = list_migrations(ws);
    CHECK(status_of(listing, "shop", "0002_create_orders") == "applied");
    CHECK(status_of(listing, "shop", "0003_add_order_note") == "missing");

    RunResult text = ws.covet({"showmigrations"});
    REQUIRE_EXIT(text, 0);
    CHECK_RUN(text, has_line_matching(text.out, R"(  \[\?\] 0003_add_order_note\s+missing.*)"));

    RunResult check = ws.covet({"check"});
    CHECK_EXIT(check, 3);
    CHECK_RUN(check, !lines_mentioning(check, "0003_add_order_note").empty());
}

TEST_CASE("check lists each finding on its own line", "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    replace_orders_with(ws, "0002_create_orders.semantic_change.yaml");
    REQUIRE(std::filesystem::remove(ws / kNote));

    RunResult check = ws.covet({"check"});
    CHECK_EXIT(check, 3);
    auto modified = lines_mentioning(check, "0002_create_orders");
    auto missing = lines_mentioning(check, "0003_add_order_note");
    CHECK_RUN(check, modified.size() == 1);
    CHECK_RUN(check, missing.size() == 1);
    CHECK_RUN(check, !contains(check.out, "No issues found"));
}

TEST_CASE("check on a sound, fully applied project finds nothing", "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    RunResult check = ws.covet({"check"});
    CHECK_EXIT(check, 0);
    CHECK_RUN(check, has_line_matching(check.out, R"(No issues found\.)"));
}
