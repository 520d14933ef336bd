#include <catch2/catch.hpp>

#include <filesystem>

#include "backend_probe.h"
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

COVET_CLI_BACKEND_TEST("editing an applied migration's operations shows it as modified",
                       "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    replace_orders_with(ws, "0002_create_orders.semantic_change.yaml");

    auto listing = list_migrations(ws, {"-d", url});
    CHECK(status_of(listing, "shop", "0001_create_customers") == "applied");
    CHECK(status_of(listing, "shop", "0002_create_orders") == "modified");
    CHECK(status_of(listing, "shop", "0003_add_order_note") == "applied");

    RunResult text = ws.covet({"-d", url, "showmigrations"});
    REQUIRE_EXIT(text, 0);
    CHECK_RUN(text, has_line_matching(text.out, R"(  \[M\] 0002_create_orders\s+modified.*)"));

    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 3);
    CHECK_RUN(check, !lines_mentioning(check, "0002_create_orders").empty());
    CHECK_RUN(check, lines_mentioning(check, "0001_create_customers").empty());
    CHECK_EXIT(ws.covet({"-d", url, "showmigrations", "--check"}), 3);
}

COVET_CLI_BACKEND_TEST("changing only comments and formatting keeps an applied migration applied",
                       "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    auto before = list_migrations(ws, {"-d", url});
    std::string original_text = ws.read(kOrders);
    replace_orders_with(ws, "0002_create_orders.reformatted.yaml");
    REQUIRE(ws.read(kOrders) != original_text);

    auto after = list_migrations(ws, {"-d", url});
    REQUIRE(after.size() == 3);
    CHECK(after[1].status == "applied");
    CHECK(after[1].checksum == before[1].checksum);

    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 0);
    CHECK_RUN(check, has_line_matching(check.out, R"(No issues found\.)"));
    CHECK_EXIT(ws.covet({"-d", url, "showmigrations", "--check"}), 0);
}

COVET_CLI_BACKEND_TEST("deleting an applied migration's file shows it as missing",
                       "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    REQUIRE(std::filesystem::remove(ws / kNote));

    auto listing = list_migrations(ws, {"-d", url});
    CHECK(status_of(listing, "shop", "0002_create_orders") == "applied");
    CHECK(status_of(listing, "shop", "0003_add_order_note") == "missing");

    RunResult text = ws.covet({"-d", url, "showmigrations"});
    REQUIRE_EXIT(text, 0);
    CHECK_RUN(text, has_line_matching(text.out, R"(  \[\?\] 0003_add_order_note\s+missing.*)"));

    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 3);
    CHECK_RUN(check, !lines_mentioning(check, "0003_add_order_note").empty());
}

COVET_CLI_BACKEND_TEST("check lists each finding on its own line", "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    replace_orders_with(ws, "0002_create_orders.semantic_change.yaml");
    REQUIRE(std::filesystem::remove(ws / kNote));

    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 3);
    auto modified = lines_mentioning(check, "0002_create_orders");
    auto missing = lines_mentioning(check, "0003_add_order_note");
    CHECK_RUN(check, modified.size() == 1);
    CHECK_RUN(check, missing.size() == 1);
    CHECK_RUN(check, !contains(check.out, "No issues found"));
}

COVET_CLI_BACKEND_TEST("check on a sound, fully applied project finds nothing", "[cli][checksum]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 0);
    CHECK_RUN(check, has_line_matching(check.out, R"(No issues found\.)"));
}
