// A narrowing alter_column refuses to cut, round or overflow stored values,
// on every back end alike, and changes nothing when it refuses.
#include <catch2/catch.hpp>

#include <string>

#include "covet/error.h"
#include "migration_harness.h"

using covet::test::MigrationHarness;

namespace {

const char* kShelves = R"Y(app: pantry
operations:
  - create_table:
      table: shelves
      model: Shelf
      fields:
        id: AutoField(primary_key=True)
        label: CharField(max_length=20)
        stock: BigIntegerField(default=0)
        price: DecimalField(max_digits=8, decimal_places=3, null=True)
  - run_sql:
      sql: "INSERT INTO shelves (label, stock, price) VALUES ('marmalade-jar', 7, 4.5); INSERT INTO shelves (label, stock, price) VALUES ('fig', 9, 1.25)"
      reverse_sql: "DELETE FROM shelves"
)Y";

std::string text_of(MigrationHarness& h, const std::string& sql) {
    return h.db().query(sql).rows.at(0).at(0).to_string();
}

// Applies `operation` after an add_column in the same migration, expects it
// to fail with `message`, and checks that neither operation left a trace.
void expect_refused(MigrationHarness& h, const std::string& operation, const std::string& message) {
    h.write("pantry/0002_narrow.yaml",
            "dependencies: [0001_initial]\noperations:\n"
            "  - add_column: {table: shelves, column: aisle, field: "
            "\"IntegerField(null=True)\"}\n  - " +
                operation + "\n");
    REQUIRE_THROWS_AS(h.migrate(), covet::MigrationError);
    REQUIRE_THROWS_WITH(h.migrate(), Catch::Contains(message));
    CHECK(h.applied().size() == 1);
    CHECK_FALSE(h.column("shelves", "aisle"));
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT label FROM shelves WHERE stock = 7") == "marmalade-jar");
    CHECK(h.count("shelves") == 2);
    h.remove("pantry/0002_narrow.yaml");
}

}  // namespace

COVET_BACKEND_TEST("narrowing a varchar below the longest stored value fails and changes nothing") {
    // MariaDB refuses data it would cut only in a strict session.
    if (h.backend() == "mysql")
        CHECK(text_of(h, "SELECT @@SESSION.sql_mode").find("STRICT_TRANS_TABLES") !=
              std::string::npos);
    h.write("pantry/0001_initial.yaml", kShelves);
    h.migrate();
    expect_refused(
        h, "alter_column: {table: shelves, column: label, field: \"CharField(max_length=4)\"}",
        "cannot narrow shelves.label to varchar(4): a row holds a value of 13 characters");
    // TextField to a short CharField is a narrowing too.
    h.write("pantry/0002_text.yaml", R"Y(dependencies: [0001_initial]
operations:
  - alter_column: {table: shelves, column: label, field: "TextField()"}
)Y");
    h.migrate();
    h.write("pantry/0003_short.yaml", R"Y(dependencies: [0002_text]
operations:
  - alter_column: {table: shelves, column: label, field: "CharField(max_length=12)"}
)Y");
    REQUIRE_THROWS_WITH(h.migrate(),
                        Catch::Contains("cannot narrow shelves.label to varchar(12): a row "
                                        "holds a value of 13 characters"));
    CHECK(h.applied().size() == 2);
    CHECK(h.drift().empty());
}

COVET_BACKEND_TEST("narrowing a varchar to the longest stored value keeps every value") {
    h.write("pantry/0001_initial.yaml", kShelves);
    h.write("pantry/0002_fit.yaml", R"Y(dependencies: [0001_initial]
operations:
  - alter_column: {table: shelves, column: label, field: "CharField(max_length=13)"}
)Y");
    h.migrate();
    CHECK(h.applied().size() == 2);
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT label FROM shelves WHERE stock = 7") == "marmalade-jar");
    CHECK(text_of(h, "SELECT label FROM shelves WHERE stock = 9") == "fig");
    // Rolling back widens it again; the values stay.
    h.rollback();
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT label FROM shelves WHERE stock = 7") == "marmalade-jar");
}

COVET_BACKEND_TEST("narrowing an integer below a stored value fails and changes nothing") {
    h.write("pantry/0001_initial.yaml", kShelves);
    h.migrate();
    h.db().execute("UPDATE shelves SET stock = 3000000123 WHERE label = 'fig'");
    expect_refused(
        h, "alter_column: {table: shelves, column: stock, field: \"IntegerField(default=0)\"}",
        "cannot narrow shelves.stock to integer: a row holds the value 3000000123");
    h.db().execute("UPDATE shelves SET stock = -40000 WHERE label = 'fig'");
    expect_refused(
        h, "alter_column: {table: shelves, column: stock, field: \"SmallIntegerField(default=0)\"}",
        "cannot narrow shelves.stock to smallint: a row holds the value -40000");
}

COVET_BACKEND_TEST("narrowing a decimal's places or digits below a stored value fails") {
    h.write("pantry/0001_initial.yaml", kShelves);
    h.migrate();
    h.db().execute("UPDATE shelves SET price = 12.375 WHERE label = 'fig'");
    expect_refused(
        h,
        "alter_column: {table: shelves, column: price, field: \"DecimalField(max_digits=8, "
        "decimal_places=2, null=True)\"}",
        "cannot narrow shelves.price to numeric(8, 2): a row holds the value 12.375");
    h.db().execute("UPDATE shelves SET price = 43210.5 WHERE label = 'fig'");
    expect_refused(
        h,
        "alter_column: {table: shelves, column: price, field: \"DecimalField(max_digits=6, "
        "decimal_places=3, null=True)\"}",
        "cannot narrow shelves.price to numeric(6, 3): a row holds the value 43210.5");
    // Values that fit pass: 43210.5 needs five digits before the point.
    h.write("pantry/0002_fit.yaml", R"Y(dependencies: [0001_initial]
operations:
  - alter_column: {table: shelves, column: price, field: "DecimalField(max_digits=6, decimal_places=1, null=True)"}
)Y");
    h.migrate();
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT count(*) FROM shelves WHERE price = 43210.5 OR price = 4.5") == "2");
}

COVET_BACKEND_TEST("a date and time narrowed to a date keeps no time it would drop") {
    h.write("pantry/0001_initial.yaml", R"Y(app: pantry
operations:
  - create_table:
      table: deliveries
      model: Delivery
      fields:
        id: AutoField(primary_key=True)
        due: DateTimeField()
  - run_sql:
      sql: "INSERT INTO deliveries (due) VALUES ('2031-03-04 00:00:00'); INSERT INTO deliveries (due) VALUES ('2031-03-05 17:45:00')"
      reverse_sql: "DELETE FROM deliveries"
)Y");
    h.write("pantry/0002_day_only.yaml", R"Y(dependencies: [0001_initial]
operations:
  - alter_column: {table: deliveries, column: due, field: "DateField()"}
)Y");
    REQUIRE_THROWS_WITH(h.migrate(), Catch::Contains("cannot narrow deliveries.due to date: a row "
                                                     "holds the value 2031-03-05 17:45:00"));
    CHECK(h.applied().size() == 1);
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT count(*) FROM deliveries") == "2");
}

COVET_BACKEND_TEST("rolling back a widening refuses while a row needs the width") {
    h.write("pantry/0001_initial.yaml", kShelves);
    h.write("pantry/0002_wider.yaml", R"Y(dependencies: [0001_initial]
operations:
  - alter_column: {table: shelves, column: label, field: "CharField(max_length=40)"}
)Y");
    h.migrate();
    const std::string long_label = "a-label-of-exactly-thirty-char";
    REQUIRE(long_label.size() == 30);
    h.db().execute(
        "UPDATE shelves SET label = " + h.db().dialect().placeholder(1) + " WHERE stock = 9",
        {covet::Value(long_label)});
    REQUIRE_THROWS_WITH(h.rollback(), Catch::Contains("cannot narrow shelves.label to varchar(20): "
                                                      "a row holds a value of 30 characters"));
    CHECK(h.applied().size() == 2);
    CHECK(h.drift().empty());
    CHECK(text_of(h, "SELECT label FROM shelves WHERE stock = 9") == long_label);
}
