// Load-time checks that need the whole state or the dialect: identifier
// limits per dialect, defaults that fit, through models, ordering, index names.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/executor.h"
#include "covet/field.h"
#include "covet/loader.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "sqlite/sqlite_dialect.h"

using namespace covet;

namespace {

// The load error replaying `text` (one migration) gives with `dialect`, or "".
std::string replay_error(const std::string& text, const Dialect* dialect = nullptr) {
    std::vector<Migration> migrations;
    migrations.push_back(parse_migration_file("m/0001_x.yaml", text, "default"));
    MigrationGraph graph(std::move(migrations));
    try {
        replay_all(graph, dialect);
    } catch (const LoadError& e) {
        return e.what();
    }
    return "";
}

std::string table_named(const std::string& name) {
    return "operations:\n  - create_table: {table: " + name + ", fields: {n: IntegerField()}}\n";
}

}  // namespace

TEST_CASE("names are checked against the dialect's limit, in bytes or characters") {
    const PostgresDialect postgres;
    const MysqlDialect mysql;
    const SqliteDialect sqlite;
    CHECK(replay_error(table_named(std::string(63, 'a')), &postgres).empty());
    CHECK_THAT(replay_error(table_named(std::string(64, 'a')), &postgres),
               Catch::StartsWith("m/0001_x.yaml:2:5: create_table: table name") &&
                   Catch::Contains("64 bytes long, over the 63-byte limit of postgresql"));
    CHECK(replay_error(table_named(std::string(64, 'a')), &mysql).empty());
    CHECK_THAT(replay_error(table_named(std::string(65, 'a')), &mysql),
               Catch::Contains("65 characters long, over the 64-character limit of mysql"));
    CHECK(replay_error(table_named(std::string(300, 'a')), &sqlite).empty());
    CHECK(replay_error(table_named(std::string(300, 'a'))).empty());
    std::string accented;  // 64 characters, 128 bytes
    for (int i = 0; i < 64; ++i)
        accented += "\u00fc";
    CHECK(replay_error(table_named(accented), &mysql).empty());
    CHECK_THAT(replay_error(table_named(accented), &postgres), Catch::Contains("128 bytes long"));
}

TEST_CASE("column, index and later names are checked at their operation") {
    const PostgresDialect postgres;
    const std::string base = table_named("t");
    CHECK_THAT(replay_error(base + "  - add_column: {table: t, column: " + std::string(64, 'c') +
                                ", field: IntegerField(null=True)}\n",
                            &postgres),
               Catch::Contains("m/0001_x.yaml:3:5: add_column: column name") &&
                   Catch::Contains("in table 't'"));
    CHECK_THAT(replay_error(base + "  - create_index: {name: " + std::string(64, 'i') +
                                ", table: t, columns: [n]}\n",
                            &postgres),
               Catch::Contains("3:5: create_index: index name"));
    CHECK_THAT(replay_error(base + "  - rename_column: {table: t, old: n, new: " +
                                std::string(64, 'r') + "}\n",
                            &postgres),
               Catch::Contains("3:5: rename_column: column name"));
}

TEST_CASE("a default must fit its field") {
    auto problem = [](const std::string& shorthand) {
        try {
            field("f", shorthand);
        } catch (const FieldError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK_THAT(problem("IntegerField(default=abc)"),
               Catch::Contains("option 'default' does not fit IntegerField"));
    CHECK_THAT(problem("BigIntegerField(default=1.25)"), Catch::Contains("must be an integer"));
    CHECK_THAT(problem("FloatField(default=fast)"), Catch::Contains("must be a float"));
    CHECK_THAT(problem("DecimalField(max_digits=5, decimal_places=2, default='1.234')"),
               Catch::Contains("no more than 2 decimal places"));
    CHECK_THAT(problem("DateTimeField(default='2024-13-01 10:00')"), Catch::Contains("invalid"));
    CHECK_THAT(problem("TimeField(default='25:00')"), Catch::Contains("invalid time"));
    CHECK_THAT(problem("EmailField(max_length=5, default='a@b.example')"),
               Catch::Contains("at most 5 characters"));
    for (const char* fits :
         {"IntegerField(default='12')", "IntegerField(default=3.0)", "BooleanField(default=1)",
          "BooleanField(default=False)", "CharField(max_length=3, default='')",
          "DecimalField(max_digits=5, decimal_places=2, default='-123.45')",
          "DateTimeField(default='2024-01-01T10:00:00Z')", "IntegerField(null=True, default=None)",
          "JSONField(default=[1, 2])", "TimeField(default='23:59:59.5')",
          "UUIDField(default='a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')"}) {
        INFO(fits);
        CHECK(problem(fits).empty());
    }
}

TEST_CASE("index names may not clash with names covet derives, in either order") {
    CHECK_THAT(
        replay_error(table_named("t") +
                     "  - create_index: {name: t_n_uniq, table: t, columns: [n]}\n"
                     "  - alter_column: {table: t, column: n, field: IntegerField(unique=True)}\n"),
        Catch::Contains("4:5: alter_column: index name 't_n_uniq' of table 't' is already "
                        "the unique constraint of column t.n"));
    CHECK_THAT(
        replay_error("operations:\n  - create_table: {table: u, fields: {a: IntegerField(), b: "
                     "IntegerField()}, unique_together: [[a, b]]}\n"
                     "  - create_index: {name: u_a_b_uniq, table: u, columns: [a]}\n"),
        Catch::Contains("a unique_together constraint of table u"));
    CHECK_THAT(
        replay_error("operations:\n  - create_table: {table: v, fields: {a: IntegerField()}, "
                     "indexes: [{name: w_b_idx, columns: [a]}]}\n"
                     "  - create_table: {table: w, fields: {b: IntegerField(db_index=True)}}\n"),
        Catch::Contains("3:5: create_table: index name 'w_b_idx' of table 'v' is already the "
                        "index db_index makes for column w.b"));
    CHECK_THAT(replay_error(table_named("t") +
                            "  - create_index: {name: shared, table: t, columns: [n]}\n" +
                            "  - create_table: {table: t2, fields: {m: IntegerField()}, indexes: "
                            "[{name: shared, columns: [m]}]}\n"),
               Catch::Contains("index 'shared' already exists on table 't'"));
    // db_index=False frees the name the ForeignKey's index would have had.
    CHECK(
        replay_error("operations:\n  - create_table: {table: p, fields: {n: IntegerField()}}\n"
                     "  - create_table: {table: c, fields: {p: \"ForeignKey(p, on_delete=CASCADE, "
                     "db_index=False)\"}, indexes: [{name: c_p_id_idx, columns: [p, id]}]}\n")
            .empty());
}

TEST_CASE("a unique_together group or an index may not name a column twice") {
    const std::string table =
        "operations:\n  - create_table:\n      table: prod\n"
        "      fields: {id: AutoField(primary_key=True), sku: IntegerField()}\n";
    CHECK(replay_error(table + "      unique_together: [[sku, sku]]\n")
              .find("m/0001_x.yaml:2:5: create_table: unique_together of table 'prod' names "
                    "column 'sku' twice") != std::string::npos);
    CHECK(replay_error(table + "      indexes: [{name: prod_i, columns: [sku, sku]}]\n")
              .find("names column 'sku' twice") != std::string::npos);
    CHECK(replay_error(table + "      unique_together: [[id, sku]]\n").empty());
}

TEST_CASE("covet's own table names are reserved") {
    for (const char* name : {"covet_migrations", "covet_migrations_journal", "_covet_dropped_x"})
        CHECK(replay_error(table_named(name)).find("is reserved for covet's own use") !=
              std::string::npos);
    CHECK(replay_error(table_named("covet_migrations_of_mine")).empty());
}
