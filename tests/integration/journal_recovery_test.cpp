// Where DDL commits (MySQL/MariaDB), a run journals each migration; one
// interrupted half-way leaves its journal, and the next run reverts it, or
// with --resume finishes it. The recovery tests write the journal the way a
// killed run leaves it: the first operation done, the second not started.
// SQLite and PostgreSQL roll DDL back and never write a journal.
#include <catch2/catch.hpp>

#include <algorithm>

#include "covet/executor.h"
#include "covet/journal.h"
#include "covet/loader.h"
#include "covet/recorder.h"
#include "migration_harness.h"

using covet::test::MigrationHarness;

namespace {

bool has_table(MigrationHarness& h, const std::string& table) {
    auto tables = h.tables();
    return std::find(tables.begin(), tables.end(), table) != tables.end();
}

// Runs the first operation of 0001_two by hand and journals the migration as
// a killed run would have left it.
covet::MigrationGraph leave_partial_run(MigrationHarness& h) {
    h.write("0001_two.yaml", R"Y(operations:
  - create_table: {table: first, fields: {n: IntegerField()}}
  - create_table: {table: second, fields: {n: IntegerField()}}
)Y");
    covet::MigrationGraph graph(
        covet::load_migration_directory((h.root() / "migrations").string()));
    covet::MigrationExecutor executor(graph, h.db().dialect());
    covet::Plan plan{{graph.order().front(), false}};
    auto compiled = executor.compile(plan[0], covet::ProjectState());
    covet::MigrationRecorder(h.db()).ensure_schema();
    covet::JournalEntry entry{graph.order().front()->key(), false, {}};
    for (std::size_t i = 0; i < compiled.statements.size(); ++i) {
        covet::JournalOperation op;
        op.index = static_cast<int>(i);
        op.statements = compiled.statements[i];
        op.done.assign(op.statements.size(), false);
        op.undo = *compiled.undo[i];
        entry.operations.push_back(op);
    }
    covet::MigrationJournal journal(h.db());
    journal.begin(entry);
    for (std::size_t s = 0; s < compiled.statements[0].size(); ++s) {
        h.db().execute(compiled.statements[0][s]);
        journal.mark_done(0, static_cast<int>(s));
    }
    return graph;
}

}  // namespace

COVET_BACKEND_TEST("a run journals its migration exactly where DDL cannot roll back") {
    // The migration copies, while it runs, its own journal rows into a table.
    h.write("0001_watch.yaml", R"Y(operations:
  - create_table: {table: watched, fields: {n: IntegerField()}}
  - run_sql:
      dialect: mysql
      sql: "CREATE TABLE journal_seen AS SELECT count(*) AS n FROM covet_migrations_journal WHERE name = '0001_watch'"
      reverse_sql: "DROP TABLE journal_seen"
)Y");
    h.migrate();
    CHECK(has_table(h, "watched"));
    if (!h.db().dialect().features().can_rollback_ddl) {
        REQUIRE(has_table(h, "journal_seen"));
        // Each operation's statement and its undo (2 x 2 rows), journaled before the first ran.
        CHECK(h.db().query("SELECT n FROM journal_seen").rows.at(0).at(0).as_int() == 4);
        CHECK(h.count("covet_migrations_journal") == 0);  // cleared once the migration was done
        CHECK_FALSE(covet::MigrationJournal(h.db()).read());
    } else {
        CHECK(h.backend() != "mysql");
        CHECK_FALSE(has_table(h, "covet_migrations_journal"));
    }
}

// The journal only exists on MySQL/MariaDB: recovery from it is tested there.
TEST_CASE("mysql: a partial migration is reverted from its journal") {
    MigrationHarness h("mysql");
    covet::MigrationGraph graph = leave_partial_run(h);
    REQUIRE(has_table(h, "first"));
    REQUIRE(covet::MigrationJournal(h.db()).read());
    covet::MigrationExecutor executor(graph, h.db().dialect());
    std::string said = executor.recover_partial(h.db(), false, {});
    CHECK(said.find("Reverted") != std::string::npos);
    CHECK_FALSE(has_table(h, "first"));
    CHECK_FALSE(has_table(h, "second"));
    CHECK(h.applied().empty());
    CHECK_FALSE(covet::MigrationJournal(h.db()).read());
    h.migrate();
    CHECK(has_table(h, "first"));
    CHECK(has_table(h, "second"));
}

TEST_CASE("mysql: a partial migration is finished from its journal with resume") {
    MigrationHarness h("mysql");
    covet::MigrationGraph graph = leave_partial_run(h);
    REQUIRE(covet::MigrationJournal(h.db()).read());
    covet::MigrationExecutor executor(graph, h.db().dialect());
    std::string said = executor.recover_partial(h.db(), true, {});
    CHECK(said.find("Resumed") != std::string::npos);
    CHECK(has_table(h, "first"));
    CHECK(has_table(h, "second"));
    CHECK(h.applied().size() == 1);
    CHECK_FALSE(covet::MigrationJournal(h.db()).read());
    CHECK(h.drift().empty());
}
