#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

COVET_CLI_BACKEND_TEST("showmigrations prints an app header and a marked line per migration",
                       "[cli][showmigrations]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult fresh = ws.covet({"-d", url, "showmigrations"});
    REQUIRE_EXIT(fresh, 0);
    auto lines = lines_of(fresh.out);
    REQUIRE_RUN(fresh, !lines.empty());
    CHECK_RUN(fresh, lines[0].rfind("shop", 0) == 0);
    CHECK_RUN(fresh, has_line_matching(fresh.out, R"(  \[ \] 0001_create_customers\s+pending.*)"));
    CHECK_RUN(fresh, has_line_matching(fresh.out, R"(  \[ \] 0003_add_order_note\s+pending.*)"));

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0002"}), 0);
    auto listing = list_migrations(ws, {"-d", url});
    REQUIRE(listing.size() == 3);
    RunResult partway = ws.covet({"-d", url, "showmigrations"});
    REQUIRE_EXIT(partway, 0);
    // The text shows the same checksum as the JSON document.
    CHECK_RUN(partway,
              has_line_matching(partway.out, R"(  \[X\] 0001_create_customers\s+applied\s+.*\s)" +
                                                 listing[0].checksum + R"(\s*)"));
    CHECK_RUN(partway,
              has_line_matching(partway.out, R"(  \[X\] 0002_create_orders\s+applied\s+.*\s)" +
                                                 listing[1].checksum + R"(\s*)"));
    CHECK_RUN(partway,
              has_line_matching(partway.out, R"(  \[ \] 0003_add_order_note\s+pending.*)"));
}

COVET_CLI_BACKEND_TEST("showmigrations --check exits 3 while anything is unapplied",
                       "[cli][showmigrations]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0002"}), 0);
    RunResult pending = ws.covet({"-d", url, "showmigrations", "--check"});
    CHECK_EXIT(pending, 3);
    CHECK_RUN(pending, contains(pending.out + pending.err, "0003_add_order_note"));
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    CHECK_EXIT(ws.covet({"-d", url, "showmigrations", "--check"}), 0);
}
