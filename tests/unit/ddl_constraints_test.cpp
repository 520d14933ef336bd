// Golden DDL of alter_unique_together, add_constraint and remove_constraint,
// of conditions after renames, and of renaming a field that has db_column,
// on all three dialects.
#include <catch2/catch.hpp>

#include <algorithm>

#include "covet/error.h"
#include "ddl_harness.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "sqlite/sqlite_dialect.h"

using namespace covet;
using namespace covet::ddl_test;

namespace {

const SqliteDialect sqlite;
const PostgresDialect postgres;
const MysqlDialect mysql;

ProjectState orders_state(const Dialect& dialect) {
    ProjectState state;
    run(dialect,
        *create_table("orders",
                      {{"customer", "CharField(max_length=40)"},
                       {"total", "IntegerField(default=0)"},
                       {"closed", "BooleanField(default=False)"},
                       {"note", "CharField(max_length=20, db_column=memo, null=True)"}},
                      {{"customer", "total"}}),
        state);
    return state;
}

std::shared_ptr<AddConstraint> add_check(const std::string& name, const std::string& check) {
    auto op = std::make_shared<AddConstraint>();
    op->table = "orders";
    op->constraint.name = name;
    op->constraint.check = Condition(check);
    return op;
}

std::shared_ptr<AddConstraint> add_unique(const std::string& name, std::vector<std::string> fields,
                                          const std::string& where = "") {
    auto op = std::make_shared<AddConstraint>();
    op->table = "orders";
    op->constraint.name = name;
    op->constraint.unique = std::move(fields);
    op->constraint.where = Condition(where);
    return op;
}

std::shared_ptr<RemoveConstraint> remove_constraint(const std::string& name) {
    auto op = std::make_shared<RemoveConstraint>();
    op->table = "orders";
    op->name = name;
    return op;
}

std::shared_ptr<AlterUniqueTogether> alter_unique_together(
    std::vector<std::vector<std::string>> groups) {
    auto op = std::make_shared<AlterUniqueTogether>();
    op->table = "orders";
    op->unique_together = std::move(groups);
    return op;
}

bool has_statement(const Statements& statements, const std::string& part) {
    return std::any_of(statements.begin(), statements.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("postgresql add_constraint adds and drops a named check and unique constraint") {
    ProjectState state = orders_state(postgres);
    auto check =
        run(postgres, *add_check("orders_total_ok", "total >= 0 and note IN ('a', 'b')"), state);
    CHECK(check.forwards == Statements{"ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_total_ok\" "
                                       "CHECK (\"total\" >= 0 AND \"memo\" IN ('a', 'b'))"});
    CHECK(check.backwards ==
          Statements{"ALTER TABLE \"orders\" DROP CONSTRAINT \"orders_total_ok\""});
    auto unique = run(postgres, *add_unique("orders_one_note", {"note"}), state);
    CHECK(unique.forwards == Statements{"ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_one_note\" "
                                        "UNIQUE (\"memo\")"});
    auto removed = run(postgres, *remove_constraint("orders_total_ok"), state);
    CHECK(removed.forwards == check.backwards);
    CHECK(removed.backwards == check.forwards);
}

TEST_CASE("postgresql partial unique constraints are unique indexes with a WHERE") {
    ProjectState state = orders_state(postgres);
    auto partial = run(
        postgres, *add_unique("orders_open_customer", {"customer"}, "NOT closed = true"), state);
    CHECK(partial.forwards ==
          Statements{"CREATE UNIQUE INDEX \"orders_open_customer\" ON \"orders\" "
                     "(\"customer\") WHERE NOT (\"closed\" = TRUE)"});
    CHECK(partial.backwards == Statements{"DROP INDEX \"orders_open_customer\""});
}

TEST_CASE("postgresql alter_unique_together adds the new groups and drops the old ones") {
    ProjectState state = orders_state(postgres);
    auto ddl = run(postgres, *alter_unique_together({{"customer", "note"}}), state);
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_customer_memo_uniq\" UNIQUE "
                     "(\"customer\", \"memo\")",
                     "ALTER TABLE \"orders\" DROP CONSTRAINT \"orders_customer_total_uniq\""});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_customer_total_uniq\" UNIQUE "
                     "(\"customer\", \"total\")",
                     "ALTER TABLE \"orders\" DROP CONSTRAINT \"orders_customer_memo_uniq\""});
    auto none = run(postgres, *alter_unique_together({}), state);
    CHECK(none.forwards ==
          Statements{"ALTER TABLE \"orders\" DROP CONSTRAINT \"orders_customer_memo_uniq\""});
}

TEST_CASE("mysql add_constraint drops checks by constraint and uniques by index") {
    ProjectState state = orders_state(mysql);
    auto check = run(mysql, *add_check("orders_total_ok", "total >= 0 OR closed = true"), state);
    CHECK(check.forwards == Statements{"ALTER TABLE `orders` ADD CONSTRAINT `orders_total_ok` "
                                       "CHECK (`total` >= 0 OR `closed` = 1)"});
    CHECK(check.backwards == Statements{"ALTER TABLE `orders` DROP CONSTRAINT `orders_total_ok`"});
    auto unique = run(mysql, *add_unique("orders_one_note", {"note", "total"}), state);
    CHECK(unique.backwards == Statements{"ALTER TABLE `orders` DROP INDEX `orders_one_note`"});
    auto together = run(mysql, *alter_unique_together({}), state);
    CHECK(together.forwards ==
          Statements{"ALTER TABLE `orders` DROP INDEX `orders_customer_total_uniq`"});
}

TEST_CASE("mysql refuses a partial unique constraint with a clear error") {
    ProjectState state = orders_state(mysql);
    REQUIRE_THROWS_WITH(
        run(mysql, *add_unique("orders_open_customer", {"customer"}, "closed = false"), state),
        Catch::Contains("orders_open_customer") && Catch::Contains("partial"));
}

TEST_CASE("sqlite add_constraint rebuilds the table with the constraint inside") {
    ProjectState state = orders_state(sqlite);
    auto check = run(sqlite, *add_check("orders_total_ok", "total >= 0"), state);
    REQUIRE_FALSE(check.forwards.empty());
    CHECK(check.forwards.front().starts_with("CREATE TABLE \"new__orders\""));
    CHECK(has_statement(check.forwards,
                        "CONSTRAINT \"orders_customer_total_uniq\" UNIQUE "
                        "(\"customer\", \"total\"), CONSTRAINT \"orders_total_ok\" "
                        "CHECK (\"total\" >= 0))"));
    CHECK_FALSE(has_statement(check.backwards, "orders_total_ok"));
    CHECK(has_statement(check.backwards, "CREATE TABLE \"new__orders\""));
}

TEST_CASE("sqlite partial unique constraints are indexes, kept by later rebuilds") {
    ProjectState state = orders_state(sqlite);
    run(sqlite, *add_check("orders_total_ok", "total >= 0"), state);
    auto partial =
        run(sqlite, *add_unique("orders_open_customer", {"customer"}, "closed = false"), state);
    const std::string index =
        "CREATE UNIQUE INDEX \"orders_open_customer\" ON \"orders\" "
        "(\"customer\") WHERE \"closed\" = 0";
    CHECK(partial.forwards == Statements{index});
    CHECK(partial.backwards == Statements{"DROP INDEX \"orders_open_customer\""});
    auto altered =
        run(sqlite, *alter_column("orders", "total", "BigIntegerField(default=0)"), state);
    CHECK(has_statement(altered.forwards, "CONSTRAINT \"orders_total_ok\" CHECK (\"total\" >= 0)"));
    CHECK(has_statement(altered.forwards, index));
}

TEST_CASE("a partial index's condition follows a rename into the next sqlite rebuild") {
    ProjectState state = orders_state(sqlite);
    run(sqlite,
        *create_index("orders", IndexSpec{"ix_big_orders", {"customer"}, false, "total > 500"}),
        state);
    auto renamed = run(sqlite, *rename_column("orders", "total", "amount"), state);
    CHECK(renamed.forwards ==
          Statements{"ALTER TABLE \"orders\" RENAME COLUMN \"total\" TO \"amount\""});
    auto altered =
        run(sqlite, *alter_column("orders", "amount", "BigIntegerField(default=0)"), state);
    CHECK(has_statement(altered.forwards,
                        "CREATE INDEX \"ix_big_orders\" ON \"orders\" "
                        "(\"customer\") WHERE \"amount\" > 500"));
    CHECK_FALSE(has_statement(altered.forwards, "\"total\""));
}

TEST_CASE("renaming a field that has db_column changes no column on any dialect") {
    for (const Dialect* dialect :
         {static_cast<const Dialect*>(&sqlite), static_cast<const Dialect*>(&postgres),
          static_cast<const Dialect*>(&mysql)}) {
        ProjectState state = orders_state(*dialect);
        auto ddl = run(*dialect, *rename_column("orders", "note", "remark"), state);
        CHECK(ddl.forwards.empty());
        CHECK(ddl.backwards.empty());
        const Field* remark = state.table("orders").find_field("remark");
        REQUIRE(remark);
        CHECK(remark->column() == "memo");
        CHECK_FALSE(state.table("orders").find_field("note"));
    }
}

TEST_CASE("a rename still refuses a name another field's column has") {
    ProjectState state = orders_state(postgres);
    CHECK_THROWS_WITH(run(postgres, *rename_column("orders", "customer", "memo"), state),
                      Catch::Contains("already has column 'memo'"));
    CHECK_THROWS_AS(
        run(postgres, *alter_column("orders", "total", "IntegerField(db_column=memo)"), state),
        MigrationError);
}
