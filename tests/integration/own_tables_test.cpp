// covet's history and journal tables are created through the schema editor
// from models (migrate/recorder_models.h). Databases migrated by the previous
// version have them as its hand-written DDL made them: those must keep
// working, and the new tables must have the same columns and constraints.
#include <catch2/catch.hpp>

#include <algorithm>

#include "covet/introspector.h"
#include "covet/journal.h"
#include "covet/recorder.h"
#include "migration_harness.h"

using covet::test::MigrationHarness;

namespace {

// The previous version's DDL of both tables, as each dialect wrote it.
struct OldDdl {
    std::string id;          // the id column both tables had
    std::string applied_at;  // the history table's timestamp type
    std::string statement;   // the journal's statement type
};

OldDdl old_ddl(const std::string& backend) {
    if (backend == "sqlite")
        return {"integer NOT NULL PRIMARY KEY AUTOINCREMENT", "datetime", "text"};
    if (backend == "postgresql")
        return {"serial NOT NULL PRIMARY KEY", "timestamp with time zone", "text"};
    return {"integer AUTO_INCREMENT NOT NULL PRIMARY KEY", "datetime(6)", "text"};
}

void create_old_history(MigrationHarness& h, const std::string& table) {
    auto q = [&](const std::string& name) { return h.db().dialect().quote_name(name); };
    const OldDdl old = old_ddl(h.backend());
    h.db().execute("CREATE TABLE IF NOT EXISTS " + q(table) + " (" + q("id") + " " + old.id + ", " +
                   q("name") + " varchar(255) NOT NULL, " + q("app") + " varchar(255) NOT NULL, " +
                   q("applied_at") + " " + old.applied_at + " NOT NULL, " + q("checksum") +
                   " varchar(32) NOT NULL, UNIQUE (" + q("name") + ", " + q("app") + "))");
}

void create_old_journal(MigrationHarness& h, const std::string& table) {
    auto q = [&](const std::string& name) { return h.db().dialect().quote_name(name); };
    const OldDdl old = old_ddl(h.backend());
    std::string sql = "CREATE TABLE " + q(table) + " (" + q("id") + " " + old.id;
    for (const char* name : {"app", "name"})
        sql += ", " + q(name) + " varchar(255) NOT NULL";
    for (const char* name : {"backwards", "operation", "kind", "seq"})
        sql += ", " + q(name) + " integer NOT NULL";
    sql += ", " + q("statement") + " " + old.statement + " NOT NULL, " + q("done") +
           " integer NOT NULL)";
    h.db().execute(sql);
}

void write_two_migrations(MigrationHarness& h) {
    h.write("0001_first.yaml", R"Y(operations:
  - create_table: {table: first, fields: {n: IntegerField()}}
)Y");
    h.write("0002_second.yaml", R"Y(operations:
  - create_table: {table: second, fields: {n: IntegerField()}}
)Y");
}

// Columns as introspection sees them, and the unique indexes by their columns.
struct Shape {
    std::vector<std::string> columns;  // "name type null|not null [pk] [auto]"
    std::vector<std::vector<std::string>> unique;
};

Shape shape_of(MigrationHarness& h, const std::string& table) {
    Shape shape;
    const auto described = covet::introspector_of(h.db()).describe_table(table);
    for (const auto& c : described.columns)
        shape.columns.push_back(c.name + " " + c.type + (c.nullable ? " null" : " not null") +
                                (c.primary_key ? " pk" : "") + (c.auto_increment ? " auto" : ""));
    for (const auto& index : described.indexes)
        if (index.unique && !index.primary) shape.unique.push_back(index.columns);
    std::sort(shape.unique.begin(), shape.unique.end());
    return shape;
}

covet::JournalEntry one_statement_entry() {
    covet::JournalOperation op;
    op.index = 0;
    op.statements = {"SELECT 1"};
    op.done = {false};
    op.undo = {"SELECT 2"};
    return covet::JournalEntry{{"app", "0001_first"}, false, {op}};
}

}  // namespace

COVET_BACKEND_TEST("a history table made by the previous version keeps recording migrations") {
    create_old_history(h, covet::MigrationRecorder::kTable);
    write_two_migrations(h);
    h.migrate();
    CHECK(h.applied().size() == 2);
    h.rollback(1);
    CHECK(h.applied().size() == 1);
    CHECK(h.count(covet::MigrationRecorder::kTable) == 1);
    h.migrate();
    CHECK(h.applied().size() == 2);
    CHECK(h.drift().empty());
}

COVET_BACKEND_TEST("a journal table made by the previous version keeps journaling") {
    create_old_journal(h, covet::MigrationJournal::kTable);
    covet::MigrationJournal journal(h.db());
    journal.begin(one_statement_entry());
    journal.mark_done(0, 0);
    auto entry = journal.read();
    REQUIRE(entry);
    CHECK(entry->key.name == "0001_first");
    CHECK(entry->operations.at(0).statements == std::vector<std::string>{"SELECT 1"});
    CHECK(entry->operations.at(0).done == std::vector<bool>{true});
    CHECK(entry->operations.at(0).undo == std::vector<std::string>{"SELECT 2"});
    journal.clear();
    CHECK_FALSE(journal.read());
}

COVET_BACKEND_TEST("the history and journal tables have the previous version's columns") {
    covet::MigrationRecorder(h.db()).ensure_schema();
    covet::MigrationJournal journal(h.db());
    journal.begin(one_statement_entry());
    journal.clear();
    create_old_history(h, "old_history");
    create_old_journal(h, "old_journal");
    const Shape history = shape_of(h, covet::MigrationRecorder::kTable);
    CHECK(history.columns == shape_of(h, "old_history").columns);
    CHECK(history.unique == shape_of(h, "old_history").unique);
    CHECK(history.unique == std::vector<std::vector<std::string>>{{"name", "app"}});
    Shape expected_journal = shape_of(h, "old_journal");
    // The statement column is a TextField now: longtext, not text, on MySQL.
    if (h.backend() == "mysql") {
        auto& statement = expected_journal.columns.at(7);
        REQUIRE(statement == "statement text not null");
        statement = "statement longtext not null";
    }
    CHECK(shape_of(h, covet::MigrationJournal::kTable).columns == expected_journal.columns);
}
