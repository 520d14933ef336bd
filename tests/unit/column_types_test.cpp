// The column type tables read forwards (field -> column type, covered byte
// for byte by the ddl_*_test "every field type" cases) and backwards
// (introspected column type -> field type and arguments, for inspectdb).
#include <catch2/catch.hpp>

#include "covet/column_types.h"
#include "covet/error.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "sqlite/sqlite_dialect.h"

using namespace covet;

namespace {

const SqliteDialect sqlite;
const PostgresDialect postgres;
const MysqlDialect mysql;

FieldOfColumn of(FieldType type) {
    return FieldOfColumn{type, std::nullopt, std::nullopt, std::nullopt};
}

FieldOfColumn chars(std::int64_t max_length) {
    return FieldOfColumn{FieldType::CharField, max_length, std::nullopt, std::nullopt};
}

FieldOfColumn decimal(int digits, int places) {
    return FieldOfColumn{FieldType::DecimalField, std::nullopt, digits, places};
}

std::optional<FieldOfColumn> read_back(const Dialect& dialect, const std::string& type,
                                       bool auto_increment = false) {
    return field_of_column_type(dialect.column_types(), type, auto_increment);
}

// Built by the shorthand parser: assigning a short name to a fresh Field
// trips a false -Warray-bounds of GCC 12 at -O2.
Field make(FieldType type) {
    Field made = field("f", "IntegerField()");
    made.type = type;
    return made;
}

}  // namespace

TEST_CASE("sqlite column types read back as field types with their arguments", "[column_types]") {
    CHECK(read_back(sqlite, "varchar(20)") == chars(20));
    CHECK(read_back(sqlite, "integer") == of(FieldType::IntegerField));
    CHECK(read_back(sqlite, "integer", true) == of(FieldType::AutoField));
    CHECK(read_back(sqlite, "bigint") == of(FieldType::BigIntegerField));
    CHECK(read_back(sqlite, "real") == of(FieldType::FloatField));
    CHECK(read_back(sqlite, "decimal") == of(FieldType::DecimalField));
    CHECK(read_back(sqlite, "numeric(10, 2)") == decimal(10, 2));
    CHECK(read_back(sqlite, "text") == of(FieldType::TextField));
    CHECK(read_back(sqlite, "bool") == of(FieldType::BooleanField));
    CHECK(read_back(sqlite, "datetime") == of(FieldType::DateTimeField));
    CHECK(read_back(sqlite, "char(32)") == of(FieldType::UUIDField));
    CHECK(read_back(sqlite, "char(10)") == chars(10));
    CHECK(read_back(sqlite, "blob") == of(FieldType::BinaryField));
    CHECK(read_back(sqlite, "BLOB") == of(FieldType::BinaryField));
    CHECK_FALSE(read_back(sqlite, "geometry"));
}

TEST_CASE("postgres column types read back as field types with their arguments", "[column_types]") {
    CHECK(read_back(postgres, "varchar(20)") == chars(20));
    CHECK(read_back(postgres, "character varying(20)") == chars(20));
    CHECK(read_back(postgres, "numeric(10,2)") == decimal(10, 2));
    CHECK(read_back(postgres, "numeric(10, 2)") == decimal(10, 2));
    CHECK(read_back(postgres, " NUMERIC(10, 2) ") == decimal(10, 2));
    CHECK(read_back(postgres, "numeric(5,-2)") == decimal(5, -2));
    CHECK(read_back(postgres, "numeric") == of(FieldType::DecimalField));
    CHECK(read_back(postgres, "integer") == of(FieldType::IntegerField));
    CHECK(read_back(postgres, "integer", true) == of(FieldType::AutoField));
    CHECK(read_back(postgres, "bigint", true) == of(FieldType::BigAutoField));
    CHECK(read_back(postgres, "serial") == of(FieldType::AutoField));
    CHECK(read_back(postgres, "bigserial") == of(FieldType::BigAutoField));
    CHECK(read_back(postgres, "double precision") == of(FieldType::FloatField));
    CHECK(read_back(postgres, "boolean") == of(FieldType::BooleanField));
    CHECK(read_back(postgres, "timestamp with time zone") == of(FieldType::DateTimeField));
    CHECK(read_back(postgres, "timestamp") == of(FieldType::DateTimeField));
    CHECK(read_back(postgres, "uuid") == of(FieldType::UUIDField));
    CHECK(read_back(postgres, "jsonb") == of(FieldType::JSONField));
    CHECK(read_back(postgres, "json") == of(FieldType::JSONField));
    CHECK(read_back(postgres, "bytea") == of(FieldType::BinaryField));
    CHECK_FALSE(read_back(postgres, "varchar(x)"));
    CHECK_FALSE(read_back(postgres, "varchar(20"));
    CHECK_FALSE(read_back(postgres, "integer[]"));
}

TEST_CASE("mysql column types read back as field types with their arguments", "[column_types]") {
    CHECK(read_back(mysql, "varchar(20)") == chars(20));
    CHECK(read_back(mysql, "tinyint(1)") == of(FieldType::BooleanField));
    CHECK(read_back(mysql, "bool") == of(FieldType::BooleanField));
    CHECK_FALSE(read_back(mysql, "tinyint(4)"));
    CHECK(read_back(mysql, "int(11)") == of(FieldType::IntegerField));
    CHECK(read_back(mysql, "int(11)", true) == of(FieldType::AutoField));
    CHECK(read_back(mysql, "integer AUTO_INCREMENT") == of(FieldType::AutoField));
    CHECK(read_back(mysql, "bigint(20)", true) == of(FieldType::BigAutoField));
    CHECK(read_back(mysql, "decimal(10,2)") == decimal(10, 2));
    CHECK(read_back(mysql, "numeric(10,2)") == decimal(10, 2));
    CHECK(read_back(mysql, "double") == of(FieldType::FloatField));
    CHECK(read_back(mysql, "longtext") == of(FieldType::TextField));
    CHECK(read_back(mysql, "json") == of(FieldType::JSONField));
    CHECK(read_back(mysql, "datetime(6)") == of(FieldType::DateTimeField));
    CHECK(read_back(mysql, "time(6)") == of(FieldType::TimeField));
    CHECK(read_back(mysql, "char(32)") == of(FieldType::UUIDField));
    CHECK(read_back(mysql, "longblob") == of(FieldType::BinaryField));
}

TEST_CASE("every field type's column type reads back as the plainest field writing it",
          "[column_types]") {
    // What each field type, written and read again, becomes on each dialect.
    struct Case {
        FieldType written;
        FieldType sqlite, postgres, mysql;
    };
    using F = FieldType;
    const Case cases[] = {
        {F::AutoField, F::IntegerField, F::AutoField, F::AutoField},
        {F::BigAutoField, F::IntegerField, F::BigAutoField, F::BigAutoField},
        {F::IntegerField, F::IntegerField, F::IntegerField, F::IntegerField},
        {F::BigIntegerField, F::BigIntegerField, F::BigIntegerField, F::BigIntegerField},
        {F::SmallIntegerField, F::SmallIntegerField, F::SmallIntegerField, F::SmallIntegerField},
        {F::FloatField, F::FloatField, F::FloatField, F::FloatField},
        {F::DecimalField, F::DecimalField, F::DecimalField, F::DecimalField},
        {F::CharField, F::CharField, F::CharField, F::CharField},
        {F::TextField, F::TextField, F::TextField, F::TextField},
        {F::EmailField, F::CharField, F::CharField, F::CharField},
        {F::URLField, F::CharField, F::CharField, F::CharField},
        {F::BooleanField, F::BooleanField, F::BooleanField, F::BooleanField},
        {F::DateField, F::DateField, F::DateField, F::DateField},
        {F::TimeField, F::TimeField, F::TimeField, F::TimeField},
        {F::DateTimeField, F::DateTimeField, F::DateTimeField, F::DateTimeField},
        {F::UUIDField, F::UUIDField, F::UUIDField, F::UUIDField},
        {F::JSONField, F::TextField, F::JSONField, F::JSONField},
        {F::BinaryField, F::BinaryField, F::BinaryField, F::BinaryField},
    };
    for (const auto& c : cases) {
        Field field = make(c.written);
        field.max_length = 40;
        field.max_digits = 12;
        field.decimal_places = 3;
        INFO(field_type_name(c.written));
        const std::pair<const Dialect*, FieldType> expected[] = {
            {&sqlite, c.sqlite}, {&postgres, c.postgres}, {&mysql, c.mysql}};
        for (const auto& [dialect, type] : expected) {
            INFO(dialect->name());
            auto back = read_back(*dialect, render_column_type(dialect->column_types(), field));
            REQUIRE(back);
            CHECK(back->type == type);
            if (type == F::CharField) CHECK(back->max_length == 40);
            if (type == F::DecimalField && dialect != &sqlite) {
                CHECK(back->max_digits == 12);
                CHECK(back->decimal_places == 3);
            }
        }
    }
}

TEST_CASE("a column type template names the field's missing argument", "[column_types]") {
    Field chars = make(FieldType::CharField);
    CHECK_THROWS_WITH(render_column_type(postgres.column_types(), chars),
                      "CharField 'f' needs max_length");
    Field email = make(FieldType::EmailField);
    CHECK(render_column_type(postgres.column_types(), email) == "varchar(254)");
    Field number = make(FieldType::DecimalField);
    number.max_digits = 5;
    CHECK_THROWS_WITH(render_column_type(mysql.column_types(), number),
                      "DecimalField 'f' needs max_digits and decimal_places");
    // SQLite's decimal takes no arguments, so none is asked for.
    CHECK(render_column_type(sqlite.column_types(), number) == "decimal");
    CHECK_THROWS_AS(render_column_type(sqlite.column_types(), make(FieldType::ForeignKey)),
                    MigrationError);
}

TEST_CASE("suffix and check tables add to a field type's column", "[column_types]") {
    CHECK(column_type_suffix(sqlite.column_types(), FieldType::AutoField) == "AUTOINCREMENT");
    CHECK(column_type_suffix(sqlite.column_types(), FieldType::IntegerField).empty());
    CHECK(column_type_suffix(postgres.column_types(), FieldType::AutoField).empty());
    CHECK(column_type_check(sqlite.column_types(), FieldType::JSONField, "\"j\"") ==
          "(JSON_VALID(\"j\") OR \"j\" IS NULL)");
    CHECK(column_type_check(sqlite.column_types(), FieldType::TextField, "\"j\"").empty());
    CHECK(column_type_check(mysql.column_types(), FieldType::JSONField, "`j`").empty());
}
