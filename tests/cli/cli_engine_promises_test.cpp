// Regression tests of issue 19's engine defects: NOT NULL columns on tables
// with rows, deferred checks before DDL, sqlmigrate on branched graphs, and
// backwards runs over irreversible or missing migrations.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

std::vector<std::string> with_url(const std::string& url, std::vector<std::string> args) {
    args.insert(args.begin(), {"-d", url});
    return args;
}

// A table of planets with three rows, the start of several tests below.
void write_planets(const Workspace& ws) {
    ws.write("migrations/astro/0001_planets.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: planets\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "        label: CharField(max_length=40)\n"
             "  - run_sql:\n"
             "      sql: \"INSERT INTO planets (label) VALUES ('venus'), ('mars'), ('io')\"\n"
             "      reverse_sql: \"DELETE FROM planets\"\n");
}

}  // namespace

COVET_CLI_BACKEND_TEST(
    "adding a NOT NULL column without default to a table with rows fails alike, "
    "changing nothing",
    "[cli][not-null]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_moons.yaml",
             "dependencies: [0001_planets]\n"
             "operations:\n"
             "  - add_column: {table: planets, column: rings, field: \"BooleanField(null=True)\"}\n"
             "  - add_column: {table: planets, column: moons, field: IntegerField()}\n");
    const std::string url = database_url_for(backend, ws);
    RunResult result = ws.covet(with_url(url, {"migrate"}));
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "table 'planets' has rows"));
    CHECK_RUN(result, contains(result.err, "'moons'"));
    CHECK_RUN(result, contains(result.err, "0002_moons"));
    DatabaseProbe db(url);
    CHECK(db.history() == History{{"astro", "0001_planets"}});
    CHECK(db.columns("planets") == std::vector<std::string>{"id", "label"});
    CHECK(db.scalar("SELECT count(*) FROM planets") == 3);
    CHECK(status_of(list_migrations(ws, {"-d", url}), "astro", "0002_moons") == "pending");
}

COVET_CLI_BACKEND_TEST(
    "preserve_default false fills existing rows once and leaves the column without default",
    "[cli][not-null]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_moons.yaml",
             "dependencies: [0001_planets]\n"
             "operations:\n"
             "  - add_column:\n"
             "      table: planets\n"
             "      column: moons\n"
             "      field: {type: IntegerField, default: 7}\n"
             "      preserve_default: false\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate"})), 0);
    DatabaseProbe db(url);
    CHECK(db.scalar("SELECT count(*) FROM planets WHERE moons = 7") == 3);
    // The default is gone: a row without moons is refused by NOT NULL.
    CHECK_THROWS(db.connection().execute("INSERT INTO planets (label) VALUES ('pluto')"));
    CHECK(db.scalar("SELECT count(*) FROM planets") == 3);
    // The state has no default either: the drift check agrees with the database.
    RunResult check = ws.covet(with_url(url, {"check"}));
    CHECK_EXIT(check, 0);
    REQUIRE_EXIT(ws.covet(with_url(url, {"rollback"})), 0);
    CHECK(DatabaseProbe(url).columns("planets") == std::vector<std::string>{"id", "label"});
}

COVET_CLI_BACKEND_TEST(
    "rolling back drop_column of a NOT NULL field needs a fill value, which default gives",
    "[cli][not-null]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_mass.yaml",
             "dependencies: [0001_planets]\n"
             "operations:\n"
             "  - add_column:\n"
             "      table: planets\n"
             "      column: mass\n"
             "      field: {type: IntegerField, default: 5}\n"
             "      preserve_default: false\n");
    ws.write("migrations/astro/0003_drop_mass.yaml",
             "dependencies: [0002_mass]\n"
             "operations:\n"
             "  - drop_column: {table: planets, column: mass}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate"})), 0);
    RunResult refused = ws.covet(with_url(url, {"rollback"}));
    CHECK_EXIT(refused, 1);
    CHECK_RUN(refused, contains(refused.err, "table 'planets' has rows"));
    CHECK(DatabaseProbe(url).history().size() == 3);
    CHECK(DatabaseProbe(url).columns("planets") == std::vector<std::string>{"id", "label"});

    // A fill value for the reverse changes the checksum: record it as a new file.
    ws.write("migrations/astro/0003_drop_mass.yaml",
             "dependencies: [0002_mass]\n"
             "operations:\n"
             "  - drop_column: {table: planets, column: mass, default: 11}\n");
    REQUIRE_EXIT(ws.covet(with_url(url, {"rollback", "--fake"})), 0);
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate", "--fake"})), 0);
    REQUIRE_EXIT(ws.covet(with_url(url, {"rollback"})), 0);
    DatabaseProbe db(url);
    CHECK(db.scalar("SELECT count(*) FROM planets WHERE mass = 11") == 3);
    CHECK_THROWS(db.connection().execute("INSERT INTO planets (label) VALUES ('ceres')"));
}

// PostgreSQL refuses ALTER TABLE while rows written in the same transaction
// wait for their deferred foreign-key checks; covet runs those checks first.
COVET_CLI_BACKEND_TEST("DDL after rows written into a table with deferred foreign keys just works",
                       "[cli][deferred]") {
    Workspace ws;
    ws.write("migrations/zoo/0001_keepers.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: keepers\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "  - create_table:\n"
             "      table: animals\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "        keeper: ForeignKey(keepers, on_delete=CASCADE)\n");
    ws.write("migrations/zoo/0002_fill_and_alter.yaml",
             "dependencies: [0001_keepers]\n"
             "operations:\n"
             "  - run_sql:\n"
             "      sql: \"INSERT INTO keepers (id) VALUES (41)\"\n"
             "      reverse_sql: \"DELETE FROM keepers\"\n"
             "  - run_sql:\n"
             "      sql: \"INSERT INTO animals (keeper_id) VALUES (41)\"\n"
             "      reverse_sql: \"DELETE FROM animals\"\n"
             "  - add_column: {table: animals, column: nickname, field: "
             "\"CharField(max_length=20, null=True)\"}\n"
             "  - alter_column: {table: animals, column: nickname, field: "
             "\"CharField(max_length=30, null=True)\"}\n");
    const std::string url = database_url_for(backend, ws);
    RunResult result = ws.covet(with_url(url, {"migrate"}));
    REQUIRE_EXIT(result, 0);
    DatabaseProbe db(url);
    CHECK(db.scalar("SELECT count(*) FROM animals WHERE keeper_id = 41") == 1);
    CHECK(db.has_column("animals", "nickname"));
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate", "zoo.0001"})), 0);
    CHECK(DatabaseProbe(url).scalar("SELECT count(*) FROM animals") == 0);
}

// 0002 and 0003 both depend only on 0001: 0003's SQL must not undo 0002.
COVET_CLI_BACKEND_TEST("sqlmigrate of one branch starts from its own ancestors only",
                       "[cli][sqlmigrate]") {
    Workspace ws;
    ws.write("migrations/lib/0001_books.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: books\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "        isbn: CharField(max_length=13)\n");
    ws.write(
        "migrations/lib/0002_shelf.yaml",
        "dependencies: [0001_books]\n"
        "operations:\n"
        "  - add_column: {table: books, column: shelf, field: \"IntegerField(null=True)\"}\n"
        "  - alter_column: {table: books, column: isbn, field: \"CharField(max_length=20)\"}\n");
    ws.write(
        "migrations/lib/0003_widen_isbn.yaml",
        "dependencies: [0001_books]\n"
        "operations:\n"
        "  - alter_column: {table: books, column: isbn, field: \"CharField(max_length=17)\"}\n");
    const std::string url = database_url_for(backend, ws);
    RunResult sql = ws.covet(with_url(url, {"sqlmigrate", "lib.0003_widen_isbn"}));
    REQUIRE_EXIT(sql, 0);
    CHECK_RUN(sql, contains(sql.out, "17"));
    CHECK_RUN(sql, !contains(sql.out, "shelf"));
    RunResult back = ws.covet(with_url(url, {"sqlmigrate", "lib.0003_widen_isbn", "--backwards"}));
    REQUIRE_EXIT(back, 0);
    CHECK_RUN(back, contains(back.out, "varchar(13)"));
    CHECK_RUN(back, !contains(back.out, "varchar(20)"));
    CHECK_RUN(back, !contains(back.out, "shelf"));
    // And the SQL runs: apply 0001 and 0003 only, then its backwards.
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate", "lib.0003_widen_isbn"})), 0);
    DatabaseProbe db(url);
    CHECK_FALSE(db.has_column("books", "shelf"));
}

COVET_CLI_BACKEND_TEST(
    "a backwards run meets an irreversible step before it changes anything, and --plan says so",
    "[cli][irreversible]") {
    Workspace ws;
    write_planets(ws);
    ws.write("migrations/astro/0002_seed.yaml",
             "dependencies: [0001_planets]\n"
             "operations:\n"
             "  - run_sql: {sql: \"INSERT INTO planets (label) VALUES ('titan')\"}\n");
    ws.write(
        "migrations/astro/0003_size.yaml",
        "dependencies: [0002_seed]\n"
        "operations:\n"
        "  - add_column: {table: planets, column: size, field: \"IntegerField(null=True)\"}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate"})), 0);

    RunResult plan = ws.covet(with_url(url, {"migrate", "zero", "--plan"}));
    REQUIRE_EXIT(plan, 0);
    CHECK_RUN(plan, has_line_matching(plan.out, ".*Undo Run SQL.*IRREVERSIBLE.*"));
    CHECK_RUN(plan, !has_line_matching(plan.out, ".*Undo Add column.*IRREVERSIBLE.*"));

    for (const auto& args : std::vector<std::vector<std::string>>{
             {"migrate", "zero"}, {"rollback", "--steps", "2"}, {"rollback", "--to", "zero"}}) {
        RunResult result = ws.covet(with_url(url, args));
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, contains(result.err, "0002_seed"));
        CHECK_RUN(result, contains(result.err, "irreversible"));
        DatabaseProbe db(url);
        CHECK(db.history().size() == 3);
        CHECK(db.has_column("planets", "size"));
    }

    // Faking backwards runs no SQL, so irreversible steps are no obstacle.
    RunResult fake = ws.covet(with_url(url, {"migrate", "zero", "--fake"}));
    REQUIRE_EXIT(fake, 0);
    DatabaseProbe db(url);
    CHECK(db.history().empty());
    CHECK(db.has_column("planets", "size"));
    CHECK(db.scalar("SELECT count(*) FROM planets") == 4);
}

COVET_CLI_BACKEND_TEST("rollback --fake removes the record of a migration whose file is missing",
                       "[cli][fake]") {
    Workspace ws;
    write_planets(ws);
    ws.write(
        "migrations/astro/0002_gone.yaml",
        "dependencies: [0001_planets]\n"
        "operations:\n"
        "  - add_column: {table: planets, column: gone, field: \"IntegerField(null=True)\"}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet(with_url(url, {"migrate"})), 0);
    std::filesystem::remove(ws / "migrations/astro/0002_gone.yaml");

    RunResult refused = ws.covet(with_url(url, {"rollback"}));
    CHECK_EXIT(refused, 1);
    CHECK_RUN(refused, contains(refused.err, "0002_gone"));
    CHECK(DatabaseProbe(url).history().size() == 2);

    RunResult faked = ws.covet(with_url(url, {"rollback", "--fake"}));
    REQUIRE_EXIT(faked, 0);
    CHECK_RUN(faked, contains(faked.out, "astro.0002_gone"));
    DatabaseProbe db(url);
    CHECK(db.history() == History{{"astro", "0001_planets"}});
    CHECK(db.has_column("planets", "gone"));
}

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

// A script's empty variable ("covet migrate $TARGET") must not apply everything.
TEST_CASE("an empty migration target is a usage error that changes nothing", "[cli][targets]") {
    Workspace ws;
    write_planets(ws);
    RunResult migrate = ws.covet({"migrate", ""});
    CHECK_EXIT(migrate, 2);
    CHECK_RUN(migrate, is_one_error_line(migrate.err));
    RunResult rollback = ws.covet({"rollback", "--to", ""});
    CHECK_EXIT(rollback, 2);
    const bool migrated =
        ws.exists("covet.db") &&
        DatabaseProbe("sqlite:///" + (ws / "covet.db").string()).has_table("planets");
    CHECK_FALSE(migrated);
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
