// Regression tests of issue 19's engine defects: NOT NULL columns on tables
// with rows, deferred checks before DDL, sqlmigrate on branched graphs,
// backwards runs over irreversible or missing migrations, empty targets
// (failures that must undo what they did: cli_engine_atomicity_test).
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "engine_promises_support.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;
using namespace covet_test::promises;

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
