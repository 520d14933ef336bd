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

TEST_CASE(
    "showmigrations lists a history whose operations contradict it, and check and migrate refuse "
    "it",
    "[cli][showmigrations]") {
    Workspace ws;
    ws.copy_fixture("shop");
    // 0004 drops a table no migration created: the files load, the state does not.
    ws.write("migrations/shop/0004_drop_ghost.yaml",
             "dependencies: [0003_add_order_note]\n"
             "operations:\n"
             "  - drop_table: {table: ghosts}\n");
    RunResult listed = ws.covet({"showmigrations"});
    CHECK_EXIT(listed, 0);
    CHECK_RUN(listed, has_line_matching(listed.out, R"(  \[ \] 0004_drop_ghost\s+pending.*)"));

    RunResult checked = ws.covet({"check"});
    CHECK_EXIT(checked, 3);
    CHECK_RUN(checked, contains(checked.out, "0004_drop_ghost.yaml:3:5"));
    CHECK_RUN(checked, contains(checked.out, "ghosts"));

    RunResult migrated = ws.covet({"migrate"});
    CHECK_EXIT(migrated, 1);
    CHECK_RUN(migrated, is_one_error_line(migrated.err));
    CHECK_RUN(migrated, contains(migrated.err, "0004_drop_ghost.yaml:3:5"));
    // Nothing was applied: every migration is still pending.
    CHECK_EXIT(ws.covet({"showmigrations", "--check"}), 3);
}
