// The checksum of a migration is recorded in every user's database; covet
// compares it on each run and reports a difference as `modified`. These
// values pin the canonical serialisation (core/src/migrate/checksum.cpp and
// the operations' canonical()): if one changes, every applied migration of
// every user turns `modified`. Changing them is a deliberate, versioned
// decision (a release note and a way to re-record checksums), never a test
// update to make the suite pass.
#include <catch2/catch.hpp>

#include <string>

#include "covet/loader.h"
#include "covet/migration.h"

using namespace covet;

namespace {

std::string checksum_of(const std::string& name, const std::string& text) {
    return parse_migration_file("migrations/shop/" + name + ".yaml", text, "shop").checksum();
}

// Every field option form, written in the shorthand.
const char* kInitialShorthand = R"Y(operations:
  - create_table:
      table: customers
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=100, help_text="Full name")
        email: EmailField(unique=True)
        kind: "CharField(max_length=1, choices=[('a', 'Adult'), ('c', 'Child')], default='a')"
  - create_table:
      table: orders
      model: Order
      fields:
        customer: ForeignKey(customers, on_delete=PROTECT, related_name=orders)
        total: DecimalField(max_digits=10, decimal_places=2, default='0.00')
        placed: DateTimeField(auto_now_add=True, db_index=True)
        tags: ManyToManyField(tags)
      unique_together: [[customer, placed]]
      indexes: [{name: idx_orders_total, columns: [total], where: "total > 0"}]
)Y";

// The same migration with every field in the long form.
const char* kInitialLongForm = R"Y(operations:
  - create_table:
      table: customers
      fields:
        id: {type: AutoField, primary_key: true}
        name: {type: CharField, max_length: 100, help_text: Full name}
        email: {type: EmailField, unique: true}
        kind:
          type: CharField
          max_length: 1
          choices: [[a, Adult], [c, Child]]
          default: a
  - create_table:
      table: orders
      model: Order
      fields:
        customer: {type: ForeignKey, to: customers, on_delete: PROTECT, related_name: orders}
        total: {type: DecimalField, max_digits: 10, decimal_places: 2, default: "0.00"}
        placed: {type: DateTimeField, auto_now_add: true, db_index: true}
        tags: {type: ManyToManyField, to: tags}
      unique_together: [[customer, placed]]
      indexes: [{name: idx_orders_total, columns: [total], where: "total > 0"}]
)Y";

// Every other operation kind.
const char* kChanges = R"Y(dependencies: [0001_initial]
operations:
  - add_column: {table: orders, column: note, field: "TextField(null=True, blank=True)"}
  - alter_column: {table: orders, column: note, field: "CharField(max_length=200, null=True)"}
  - rename_column: {table: orders, old: note, new: remark}
  - create_index: {name: idx_orders_remark, table: orders, columns: [remark], unique: true}
  - drop_index: {table: orders, name: idx_orders_remark}
  - drop_column: {table: orders, column: remark}
  - rename_table: {old: orders, new: purchases}
  - run_sql: {sql: "UPDATE purchases SET total = 1", reverse_sql: "UPDATE purchases SET total = 0"}
  - run_sql: {sql: "VACUUM", dialect: sqlite}
  - create_index: {name: idx_p, table: purchases, columns: [total], concurrently: true}
)Y";

// Small enough to serialise by hand (see the test below).
const char* kSmall = R"Y(dependencies: [0002_changes]
operations:
  - add_column: {table: purchases, column: note, field: "TextField(null=True, blank=True)"}
  - drop_table: {table: purchases}
  - run_sql: {sql: "SELECT 1", reverse_sql: "SELECT 2"}
)Y";

}  // namespace

// 0002_changes and 0003_small were also computed outside covet: their
// canonical text written by hand from the format (as in the last test case)
// through `printf '%s' TEXT | md5sum` gave the same values.
TEST_CASE("checksums of known migrations never change", "[checksum]") {
    CHECK(checksum_of("0001_initial", kInitialShorthand) == "7b3f3814196081a113203fca7c770a4c");
    CHECK(checksum_of("0002_changes", kChanges) == "12b8bd6b306c59541cb02405f97effea");
    CHECK(checksum_of("0003_small", kSmall) == "145c83d4aa886b9d108dd2232116df67");
}

TEST_CASE("the long form of a field has the checksum of its shorthand", "[checksum]") {
    CHECK(checksum_of("0001_initial", kInitialLongForm) == "7b3f3814196081a113203fca7c770a4c");
}

TEST_CASE("the checksum covers the app, the name and the dependencies", "[checksum]") {
    const std::string pinned = "145c83d4aa886b9d108dd2232116df67";
    CHECK(checksum_of("0003_small", kSmall) == pinned);
    CHECK(checksum_of("0003_other", kSmall) != pinned);
    CHECK(parse_migration_file("m/0003_small.yaml", kSmall, "blog").checksum() != pinned);
    CHECK(checksum_of("0003_small", std::string(kSmall).replace(15, 12, "0001_initial")) != pinned);
}

// The pinned value of 0003_small, computed outside covet: this text, written
// from the format's description, through `printf '%s' TEXT | md5sum`.
TEST_CASE("the canonical text of a migration is the documented serialisation", "[checksum]") {
    const std::string by_hand =
        R"(migration{app="shop",name="0003_small",dependencies=["shop.0002_changes"],)"
        R"(operations=[add_column{table="purchases",column="note",)"
        R"(field=TextField(null=True,blank=True)},drop_table{table="purchases"},)"
        R"(run_sql{sql="SELECT 1",reverse_sql="SELECT 2",dialect=""}]})";
    CHECK(parse_migration_file("migrations/shop/0003_small.yaml", kSmall, "shop").canonical() ==
          by_hand);
}

// A ForeignKey's index became the default after migrations were recorded
// with db_index=True written out: that spelling keeps the text (and the
// checksum) it had; db_index=False, which now means "no index", is written.
TEST_CASE("a ForeignKey's db_index is written as it was before the index became the default",
          "[checksum]") {
    const std::string head = "operations:\n  - add_column: {table: pets, column: owner, field: \"";
    auto canonical_of = [&](const std::string& field) {
        return parse_migration_file("migrations/shop/0004_fk.yaml", head + field + "\"}\n", "shop")
            .canonical();
    };
    const std::string prefix = R"(migration{app="shop",name="0004_fk",dependencies=[],)"
                               R"(operations=[add_column{table="pets",column="owner",field=)";
    CHECK(canonical_of("ForeignKey(owners, on_delete=CASCADE)") ==
          prefix + R"(ForeignKey(to='owners')}]})");
    CHECK(canonical_of("ForeignKey(owners, on_delete=CASCADE, db_index=True)") ==
          prefix + R"(ForeignKey(to='owners',db_index=True)}]})");
    CHECK(canonical_of("ForeignKey(owners, on_delete=CASCADE, db_index=False)") ==
          prefix + R"(ForeignKey(to='owners',db_index=False)}]})");
}
