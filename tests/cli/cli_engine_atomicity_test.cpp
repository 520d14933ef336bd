// Regression tests of issue 19's engine defects, part two: failed migrations
// give back what they dropped, atomic false runs and undoes, branches applied
// one after another keep each other's columns.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "engine_promises_support.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;
using namespace covet_test::promises;

// MariaDB commits each DDL statement: a failed migration is undone by hand,
// and what it dropped must come back with its rows, not empty.
COVET_CLI_BACKEND_TEST(
    "a failed migration that dropped a column and a table gives both back "
    "with their rows",
    "[cli][atomicity]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_orbits.yaml",
             "dependencies: [0001_planets]\n"
             "operations:\n"
             "  - create_table:\n"
             "      table: orbits\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "        planet: ForeignKey(planets, on_delete=CASCADE)\n"
             "        days: IntegerField()\n"
             "      indexes: [{name: orbits_days_idx, columns: [days]}]\n"
             "  - run_sql:\n"
             "      sql: \"INSERT INTO orbits (planet_id, days) VALUES (1, 225), (2, 687)\"\n"
             "      reverse_sql: \"DELETE FROM orbits\"\n");
    ws.write("migrations/astro/0003_cleanup.yaml",
             "dependencies: [0002_orbits]\n"
             "operations:\n"
             "  - drop_column: {table: orbits, column: planet}\n"
             "  - drop_column: {table: planets, column: label}\n"
             "  - drop_table: {table: orbits}\n"
             "  - run_sql: {sql: \"INSERT INTO no_such_table VALUES (1)\"}\n");
    const std::string url = database_url_for(backend, ws);
    RunResult failed = ws.covet(with_url(url, {"migrate"}));
    CHECK_EXIT(failed, 1);
    CHECK_RUN(failed, contains(failed.err, "0003_cleanup"));
    if (backend == "mysql") CHECK_RUN(failed, contains(failed.err, "were undone"));
    DatabaseProbe db(url);
    CHECK(db.schema_tables() == std::set<std::string>{"planets", "orbits"});
    CHECK(db.columns("planets") == std::vector<std::string>{"id", "label"});
    CHECK(db.columns("orbits") == std::vector<std::string>{"id", "planet_id", "days"});
    CHECK(db.scalar("SELECT count(*) FROM planets WHERE label IN ('venus', 'mars', 'io')") == 3);
    CHECK(db.scalar("SELECT count(*) FROM orbits WHERE planet_id = 2 AND days = 687") == 1);
    CHECK(db.indexes("orbits").count("orbits_days_idx") == 1);
    CHECK(status_of(list_migrations(ws, {"-d", url}), "astro", "0003_cleanup") == "pending");
    // The foreign key is back: a row pointing nowhere is refused.
    CHECK_THROWS(db.connection().execute("INSERT INTO orbits (planet_id, days) VALUES (99, 1)"));
    RunResult check = ws.covet(with_url(url, {"check"}));
    CHECK_EXIT(check, 0);

    // Without the failing statement it applies, and nothing is left aside.
    ws.write("migrations/astro/0003_cleanup.yaml",
             "dependencies: [0002_orbits]\n"
             "operations:\n"
             "  - drop_column: {table: orbits, column: planet}\n"
             "  - drop_column: {table: planets, column: label}\n"
             "  - drop_table: {table: orbits}\n");
    RunResult applied = ws.covet(with_url(url, {"migrate"}));
    REQUIRE_EXIT(applied, 0);
    DatabaseProbe after(url);
    CHECK(after.schema_tables() == std::set<std::string>{"planets"});
    CHECK(after.columns("planets") == std::vector<std::string>{"id"});
}

// atomic: false runs outside a transaction on SQLite too: VACUUM needs that.
TEST_CASE("sqlite: an atomic false migration runs statements that refuse a transaction",
          "[cli][atomic][sqlite]") {
    Workspace ws;
    write_planets(ws);
    const std::string vacuum =
        "operations:\n"
        "  - run_sql: {sql: VACUUM, reverse_sql: VACUUM}\n"
        "  - add_column: {table: planets, column: tilt, field: "
        "\"FloatField(null=True)\"}\n";
    ws.write("migrations/astro/0002_vacuum.yaml", "dependencies: [0001_planets]\n" + vacuum);
    const std::string url = "sqlite:///" + (ws / "covet.db").string();
    RunResult refused = ws.covet(with_url(url, {"migrate"}));
    CHECK_EXIT(refused, 1);
    CHECK_RUN(refused, contains_nocase(refused.err, "vacuum"));
    CHECK(DatabaseProbe(url).history() == History{{"astro", "0001_planets"}});

    ws.write("migrations/astro/0002_vacuum.yaml",
             "dependencies: [0001_planets]\natomic: false\n" + vacuum);
    RunResult applied = ws.covet(with_url(url, {"migrate"}));
    REQUIRE_EXIT(applied, 0);
    CHECK(DatabaseProbe(url).has_column("planets", "tilt"));
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate", "zero"})), 0);
    CHECK(DatabaseProbe(url).history().empty());
    CHECK_FALSE(DatabaseProbe(url).has_table("planets"));
}

// 0002 and 0003 both depend on 0001; 0003 is applied first. 0002's alter must
// see 0003's column (SQLite rebuilds the whole table from the state).
COVET_CLI_BACKEND_TEST("applying one branch after another keeps the other branch's columns",
                       "[cli][branches]") {
    Workspace ws;
    ws.write("migrations/farm/0001_barns.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: barns\n"
             "      fields: {id: AutoField(primary_key=True), cows: IntegerField()}\n");
    ws.write("migrations/farm/0002_more_cows.yaml",
             "dependencies: [0001_barns]\n"
             "operations:\n"
             "  - alter_column: {table: barns, column: cows, field: BigIntegerField()}\n");
    ws.write("migrations/farm/0003_roof.yaml",
             "dependencies: [0001_barns]\n"
             "operations:\n"
             "  - add_column: {table: barns, column: roof, field: \"IntegerField(null=True)\"}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate", "farm.0003_roof"})), 0);
    DatabaseProbe(url).connection().execute("INSERT INTO barns (cows, roof) VALUES (4, 99)");
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate"})), 0);
    CHECK(DatabaseProbe(url).scalar("SELECT roof FROM barns WHERE cows = 4") == 99);
    CHECK_EXIT(ws.covet(with_url(url, {"check"})), 0);
    // rollback takes the newest applied migration: 0002, applied last.
    RunResult rolled = ws.covet(with_url(url, {"rollback"}));
    REQUIRE_EXIT(rolled, 0);
    CHECK_RUN(rolled, contains(rolled.out, "Unapplying farm.0002_more_cows... OK"));
    CHECK(DatabaseProbe(url).scalar("SELECT roof FROM barns WHERE cows = 4") == 99);
    CHECK_EXIT(ws.covet(with_url(url, {"check"})), 0);
}

// MariaDB sets dropped tables and columns aside until the migration ends:
// renames in between and the same name dropped twice must all still work.
COVET_CLI_BACKEND_TEST("drops followed by renames and repeated drops apply and roll back",
                       "[cli][atomicity]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_shuffle.yaml",
             "dependencies: [0001_planets]\n"
             "operations:\n"
             "  - add_column: {table: planets, column: code, field: \"IntegerField(null=True)\"}\n"
             "  - drop_column: {table: planets, column: code}\n"
             "  - add_column: {table: planets, column: code, field: \"IntegerField(null=True)\"}\n"
             "  - drop_column: {table: planets, column: code}\n"
             "  - create_table:\n"
             "      table: notes\n"
             "      fields: {id: AutoField(primary_key=True)}\n"
             "  - drop_table: {table: notes}\n"
             "  - create_table:\n"
             "      table: notes\n"
             "      fields: {id: AutoField(primary_key=True)}\n"
             "  - drop_column: {table: planets, column: label}\n"
             "  - rename_table: {old: planets, new: worlds}\n");
    ws.write("migrations/astro/0003_more.yaml",
             "dependencies: [0002_shuffle]\n"
             "operations:\n"
             "  - rename_table: {old: worlds, new: globes}\n"
             "  - add_column: {table: globes, column: size, field: \"IntegerField(null=True)\"}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate"})), 0);
    {
        DatabaseProbe db(url);
        CHECK(db.schema_tables() == std::set<std::string>{"globes", "notes"});
        CHECK(db.columns("globes") == std::vector<std::string>{"id", "size"});
        CHECK(db.scalar("SELECT count(*) FROM globes") == 3);
    }
    CHECK_EXIT(ws.covet(with_url(url, {"check"})), 0);
    REQUIRE_EXIT(ws.covet(with_url(url, {"rollback"})), 0);
    CHECK(DatabaseProbe(url).schema_tables() == std::set<std::string>{"worlds", "notes"});
    // A failure at the end gives everything back, rows included.
    ws.write("migrations/astro/0004_fail.yaml",
             "dependencies: [0002_shuffle]\n"
             "operations:\n"
             "  - rename_table: {old: worlds, new: spheres}\n"
             "  - drop_table: {table: notes}\n"
             "  - run_sql: {sql: \"INSERT INTO nowhere VALUES (1)\"}\n");
    std::filesystem::remove(ws / "migrations/astro/0003_more.yaml");
    DatabaseProbe(url).connection().execute("INSERT INTO notes (id) VALUES (7)");
    RunResult failed = ws.covet(with_url(url, {"migrate"}));
    CHECK_EXIT(failed, 1);
    CHECK_RUN(failed, contains(failed.err, "nowhere"));
    DatabaseProbe db(url);
    CHECK(db.schema_tables() == std::set<std::string>{"worlds", "notes"});
    CHECK(db.scalar("SELECT count(*) FROM worlds") == 3);
    CHECK(db.scalar("SELECT count(*) FROM notes WHERE id = 7") == 1);
    CHECK(db.history() == History{{"astro", "0001_planets"}, {"astro", "0002_shuffle"}});
    CHECK_EXIT(ws.covet(with_url(url, {"check"})), 0);
}

// atomic: false statements commit one by one on every back end: a failure
// undoes the earlier ones, as MariaDB's journal does for all migrations.
COVET_CLI_BACKEND_TEST("a failing atomic false migration undoes its earlier operations",
                       "[cli][atomic]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_loose.yaml",
             "dependencies: [0001_planets]\n"
             "atomic: false\n"
             "operations:\n"
             "  - create_table:\n"
             "      table: comets\n"
             "      fields: {id: AutoField(primary_key=True)}\n"
             "  - add_column: {table: planets, column: rings, field: \"IntegerField(null=True)\"}\n"
             "  - run_sql: {sql: \"INSERT INTO nowhere VALUES (1)\"}\n");
    const std::string url = database_url_for(backend, ws);
    RunResult failed = ws.covet(with_url(url, {"migrate"}));
    CHECK_EXIT(failed, 1);
    CHECK_RUN(failed, contains(failed.err, "were undone"));
    DatabaseProbe db(url);
    CHECK(db.schema_tables() == std::set<std::string>{"planets"});
    CHECK(db.columns("planets") == std::vector<std::string>{"id", "label"});
    CHECK(db.history() == History{{"astro", "0001_planets"}});
    CHECK(status_of(list_migrations(ws, {"-d", url}), "astro", "0002_loose") == "pending");
    CHECK_EXIT(ws.covet(with_url(url, {"check"})), 0);
}

// Without MariaDB's set-aside drops, an undo of drop_table would bring back
// an empty table: the migration is left partial and says what it destroyed.
COVET_CLI_BACKEND_TEST("a failing atomic false migration that dropped data never claims an undo",
                       "[cli][atomic]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_purge.yaml",
             "dependencies: [0001_planets]\n"
             "atomic: false\n"
             "operations:\n"
             "  - drop_table: {table: planets}\n"
             "  - run_sql: {sql: \"INSERT INTO nowhere VALUES (1)\"}\n");
    const std::string url = database_url_for(backend, ws);
    RunResult failed = ws.covet(with_url(url, {"migrate"}));
    CHECK_EXIT(failed, 1);
    if (backend == "mysql") {
        // Set aside, then renamed back: every row is still there.
        CHECK(DatabaseProbe(url).scalar("SELECT count(*) FROM planets") == 3);
        CHECK(status_of(list_migrations(ws, {"-d", url}), "astro", "0002_purge") == "pending");
        return;
    }
    CHECK_RUN(failed, !contains(failed.err, "were undone"));
    CHECK_RUN(failed, contains(failed.err, "Drop table planets"));
    CHECK_RUN(failed, contains(failed.err, "cannot bring back"));
    CHECK(status_of(list_migrations(ws, {"-d", url}), "astro", "0002_purge") == "partial");
    RunResult again = ws.covet(with_url(url, {"migrate"}));
    CHECK_EXIT(again, 1);
    CHECK_RUN(again, contains(again.err, "cannot be reverted"));
}

// A run_sql of several data statements is one transaction on every back end:
// when its second INSERT fails, the first one's row goes too, however often
// the migration is retried.
COVET_CLI_BACKEND_TEST("a failing run_sql keeps none of the rows its earlier statements wrote",
                       "[cli][atomicity]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_moons.yaml",
             "dependencies: [0001_planets]\n"
             "operations:\n"
             "  - run_sql:\n"
             "      sql: \"INSERT INTO planets (label) VALUES ('phobos'); "
             "INSERT INTO planets (nosuch) VALUES (1)\"\n"
             "      reverse_sql: \"DELETE FROM planets WHERE label = 'phobos'\"\n");
    const std::string url = database_url_for(backend, ws);
    for (int attempt = 0; attempt < 2; ++attempt) {
        RunResult failed = ws.covet(with_url(url, {"migrate"}));
        CHECK_EXIT(failed, 1);
    }
    DatabaseProbe db(url);
    CHECK(db.scalar("SELECT count(*) FROM planets") == 3);
    CHECK(db.history() == History{{"astro", "0001_planets"}});
}
