// A migration interrupted half-way leaves a journal; the next run reverts it,
// or with --resume finishes it. The journal is written the way a killed run
// leaves it: the first operation done, the second not started.
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
    covet::MigrationGraph graph(covet::load_migration_directory((h.root() / "migrations").string()));
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

COVET_BACKEND_TEST("a partial migration is reverted from its journal") {
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

COVET_BACKEND_TEST("a partial migration is finished from its journal with resume") {
    covet::MigrationGraph graph = leave_partial_run(h);
    covet::MigrationExecutor executor(graph, h.db().dialect());
    std::string said = executor.recover_partial(h.db(), true, {});
    CHECK(said.find("Resumed") != std::string::npos);
    CHECK(has_table(h, "first"));
    CHECK(has_table(h, "second"));
    CHECK(h.applied().size() == 1);
    CHECK_FALSE(covet::MigrationJournal(h.db()).read());
    CHECK(h.drift().empty());
}
