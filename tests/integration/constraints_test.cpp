// alter_unique_together, add_constraint and remove_constraint on live
// databases; conditions that follow renames; renaming a db_column field.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "migration_harness.h"

using covet::test::MigrationHarness;

namespace {

const char* kShelves = R"Y(operations:
  - create_table:
      table: shelves
      fields:
        aisle: CharField(max_length=8)
        slot: IntegerField()
        capacity: IntegerField(default=10)
        retired: BooleanField(default=False)
        tag: {type: CharField, max_length: 12, db_column: shelf_tag, null: true}
      unique_together: [[aisle, slot]]
)Y";

void insert_shelf(MigrationHarness& h, int id, const std::string& aisle, int slot, int capacity,
                  bool retired = false) {
    h.db().execute("INSERT INTO shelves (id, aisle, slot, capacity, retired) VALUES (" +
                   std::to_string(id) + ", '" + aisle + "', " + std::to_string(slot) + ", " +
                   std::to_string(capacity) + ", " + (retired ? "TRUE" : "FALSE") + ")");
}

}  // namespace

COVET_BACKEND_TEST("add_constraint check rejects rows until it is rolled back") {
    h.write("0001_shelves.yaml", kShelves);
    h.write("0002_check.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - add_constraint: {table: shelves, name: shelves_capacity_sane, check: "capacity > 0 AND capacity <= 500"}
)Y");
    h.migrate();
    CHECK(h.drift().empty());
    insert_shelf(h, 1, "B", 1, 40);
    REQUIRE_THROWS_AS(insert_shelf(h, 2, "B", 2, 0), covet::DatabaseError);
    REQUIRE_THROWS_AS(insert_shelf(h, 3, "B", 3, 501), covet::DatabaseError);
    h.rollback();
    insert_shelf(h, 4, "B", 4, 0);
    CHECK(h.count("shelves") == 2);
    CHECK(h.drift().empty());
}

COVET_BACKEND_TEST("alter_unique_together replaces the set and rolls back to the old one") {
    h.write("0001_shelves.yaml", kShelves);
    h.migrate();
    insert_shelf(h, 1, "C", 7, 20);
    REQUIRE_THROWS_AS(insert_shelf(h, 2, "C", 7, 30), covet::DatabaseError);
    h.write("0002_together.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - alter_unique_together: {table: shelves, unique_together: [[aisle, capacity]]}
)Y");
    h.migrate();
    CHECK(h.drift().empty());
    insert_shelf(h, 3, "C", 7, 30);
    REQUIRE_THROWS_AS(insert_shelf(h, 4, "C", 8, 30), covet::DatabaseError);
    CHECK(h.count("shelves") == 2);
    h.db().execute("DELETE FROM shelves WHERE id = 3");
    h.rollback();
    CHECK(h.drift().empty());
    insert_shelf(h, 5, "C", 8, 20);
    REQUIRE_THROWS_AS(insert_shelf(h, 6, "C", 7, 99), covet::DatabaseError);
}

COVET_BACKEND_TEST("a column leaves unique_together before drop_column can drop it") {
    h.write("0001_shelves.yaml", kShelves);
    h.write("0002_drop.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - drop_column: {table: shelves, column: slot}
)Y");
    REQUIRE_THROWS_WITH(h.migrate(), Catch::Contains("alter_unique_together"));
    CHECK(h.applied().empty());
    h.write("0002_drop.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - alter_unique_together: {table: shelves, unique_together: []}
  - drop_column: {table: shelves, column: slot}
)Y");
    h.migrate();
    CHECK_FALSE(h.column("shelves", "slot"));
    CHECK(h.drift().empty());
    h.rollback();
    CHECK(h.column("shelves", "slot"));
    CHECK(h.drift().empty());
    insert_shelf(h, 1, "D", 1, 5);
    REQUIRE_THROWS_AS(insert_shelf(h, 2, "D", 1, 6), covet::DatabaseError);
}

COVET_BACKEND_TEST("a named unique constraint is added, removed and restored") {
    h.write("0001_shelves.yaml", kShelves);
    h.write("0002_unique.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - add_constraint: {table: shelves, name: shelves_one_tag, unique: [tag]}
)Y");
    h.write("0003_remove.yaml", R"Y(dependencies: [0002_unique]
operations:
  - remove_constraint: {table: shelves, name: shelves_one_tag}
)Y");
    h.migrate("0002_unique");
    h.db().execute("INSERT INTO shelves (id, aisle, slot, shelf_tag) VALUES (1, 'E', 1, 'red')");
    REQUIRE_THROWS_AS(
        h.db().execute(
            "INSERT INTO shelves (id, aisle, slot, shelf_tag) VALUES (2, 'E', 2, 'red')"),
        covet::DatabaseError);
    h.migrate();
    CHECK(h.drift().empty());
    h.db().execute("INSERT INTO shelves (id, aisle, slot, shelf_tag) VALUES (3, 'E', 3, 'red')");
    h.db().execute("DELETE FROM shelves WHERE id = 3");
    h.rollback();
    CHECK(h.drift().empty());
    REQUIRE_THROWS_AS(
        h.db().execute(
            "INSERT INTO shelves (id, aisle, slot, shelf_tag) VALUES (4, 'E', 4, 'red')"),
        covet::DatabaseError);
}

COVET_BACKEND_TEST("a partial unique constraint holds only where its condition does") {
    h.write("0001_shelves.yaml", kShelves);
    h.write("0002_partial.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - add_constraint: {table: shelves, name: shelves_active_aisle, unique: [aisle], where: "retired = false"}
)Y");
    if (h.backend() == "mysql") {
        REQUIRE_THROWS_WITH(h.migrate(),
                            Catch::Contains("shelves_active_aisle") && Catch::Contains("partial"));
        CHECK(h.applied().size() == 1);
        return;
    }
    h.migrate();
    CHECK(h.drift().empty());
    insert_shelf(h, 1, "F", 1, 5, true);
    insert_shelf(h, 2, "F", 2, 5, true);
    insert_shelf(h, 3, "F", 3, 5, false);
    REQUIRE_THROWS_AS(insert_shelf(h, 4, "F", 4, 5, false), covet::DatabaseError);
    CHECK(h.count("shelves") == 3);
    h.rollback();
    insert_shelf(h, 5, "F", 5, 5, false);
    CHECK(h.count("shelves") == 4);
}

COVET_BACKEND_TEST("conditions follow a renamed column through later alters and rollbacks") {
    h.write("0001_shelves.yaml", kShelves);
    // MySQL has no partial indexes: there a check constraint carries the condition.
    std::string with_condition =
        h.backend() == "mysql"
            ? "  - add_constraint: {table: shelves, name: shelves_cap_ok, check: \"capacity >= "
              "1\"}\n"
            : "  - create_index: {name: ix_big_shelves, table: shelves, columns: [aisle], where: "
              "\"capacity > 100\"}\n"
              "  - add_constraint: {table: shelves, name: shelves_cap_ok, check: \"capacity >= "
              "1\"}\n";
    h.write("0002_cond.yaml", "dependencies: [0001_shelves]\noperations:\n" + with_condition);
    h.write("0003_rename.yaml", R"Y(dependencies: [0002_cond]
operations:
  - rename_column: {table: shelves, old: capacity, new: volume}
  - alter_column: {table: shelves, column: aisle, field: CharField(max_length=20)}
)Y");
    h.migrate();
    CHECK(h.drift().empty());
    CHECK(h.column("shelves", "volume"));
    h.db().execute("INSERT INTO shelves (id, aisle, slot, volume) VALUES (1, 'G', 1, 300)");
    REQUIRE_THROWS_AS(
        h.db().execute("INSERT INTO shelves (id, aisle, slot, volume) VALUES (2, 'G', 2, 0)"),
        covet::DatabaseError);
    h.rollback();
    CHECK(h.column("shelves", "capacity"));
    CHECK(h.drift().empty());
    REQUIRE_THROWS_AS(insert_shelf(h, 3, "G", 3, 0), covet::DatabaseError);
    h.rollback(2);
    CHECK(h.user_tables().empty());
}

COVET_BACKEND_TEST("rename_column of a field with db_column keeps its column and data") {
    h.write("0001_shelves.yaml", kShelves);
    h.write("0002_rename.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - rename_column: {table: shelves, old: tag, new: label}
  - add_column: {table: shelves, column: tag, field: "CharField(max_length=5, null=True)"}
)Y");
    h.migrate("0001_shelves");
    h.db().execute("INSERT INTO shelves (id, aisle, slot, shelf_tag) VALUES (1, 'H', 1, 'blue')");
    h.migrate();
    CHECK(h.column("shelves", "shelf_tag"));
    CHECK(h.column("shelves", "tag"));
    CHECK_FALSE(h.column("shelves", "label"));
    CHECK(h.drift().empty());
    CHECK(h.db().query("SELECT shelf_tag FROM shelves WHERE id = 1").rows.at(0).at(0).to_string() ==
          "blue");
    h.rollback();
    CHECK_FALSE(h.column("shelves", "tag"));
    CHECK(h.db().query("SELECT shelf_tag FROM shelves WHERE id = 1").rows.at(0).at(0).to_string() ==
          "blue");
    CHECK(h.drift().empty());
}

COVET_BACKEND_TEST("rolling back drop_table re-creates the table's named constraints") {
    h.write("0001_shelves.yaml", kShelves);
    h.write("0002_rules.yaml", R"Y(dependencies: [0001_shelves]
operations:
  - add_constraint: {table: shelves, name: shelves_slot_positive, check: "slot > 0"}
  - add_constraint: {table: shelves, name: shelves_one_tag, unique: [tag]}
)Y");
    h.write("0003_drop.yaml", R"Y(dependencies: [0002_rules]
operations:
  - drop_table: {table: shelves}
)Y");
    h.migrate();
    CHECK(h.user_tables().empty());
    h.rollback();
    CHECK(h.drift().empty());
    REQUIRE_THROWS_AS(insert_shelf(h, 1, "J", -1, 5), covet::DatabaseError);
    h.db().execute("INSERT INTO shelves (id, aisle, slot, shelf_tag) VALUES (2, 'J', 1, 'x')");
    REQUIRE_THROWS_AS(
        h.db().execute("INSERT INTO shelves (id, aisle, slot, shelf_tag) VALUES (3, 'J', 2, 'x')"),
        covet::DatabaseError);
}
