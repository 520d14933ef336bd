// SQLite's column types, as Django's SQLite back end writes them.
#include "covet/column_types.h"
#include "sqlite/sqlite_dialect.h"

namespace covet {

namespace {

constexpr ColumnTypeRow kTypes[] = {
    {FieldType::AutoField, "integer"},
    {FieldType::BigAutoField, "integer"},
    {FieldType::IntegerField, "integer"},
    {FieldType::BigIntegerField, "bigint"},
    {FieldType::SmallIntegerField, "smallint"},
    {FieldType::FloatField, "real"},
    {FieldType::DecimalField, "decimal"},
    {FieldType::CharField, "varchar(%(max_length)s)"},
    {FieldType::TextField, "text"},
    {FieldType::EmailField, "varchar(%(max_length)s)"},
    {FieldType::URLField, "varchar(%(max_length)s)"},
    {FieldType::BooleanField, "bool"},
    {FieldType::DateField, "date"},
    {FieldType::TimeField, "time"},
    {FieldType::DateTimeField, "datetime"},
    {FieldType::UUIDField, "char(32)"},
    {FieldType::JSONField, "text"},
    {FieldType::BinaryField, "BLOB"},
};

// Only AUTOINCREMENT keeps a deleted row's id from being handed out again.
constexpr ColumnTypeRow kSuffixes[] = {
    {FieldType::AutoField, "AUTOINCREMENT"},
    {FieldType::BigAutoField, "AUTOINCREMENT"},
};

// SQLite has no JSON type: the check keeps the text valid JSON.
constexpr ColumnTypeRow kChecks[] = {
    {FieldType::JSONField, "(JSON_VALID(%(column)s) OR %(column)s IS NULL)"},
};

// SQLite keeps any declared type: these are common spellings of other tools.
constexpr ColumnTypeRow kReadBack[] = {
    {FieldType::IntegerField, "int"},
    {FieldType::BooleanField, "boolean"},
    {FieldType::FloatField, "double precision"},
    {FieldType::FloatField, "double"},
    {FieldType::FloatField, "float"},
    {FieldType::DecimalField, "decimal(%(max_digits)s,%(decimal_places)s)"},
    {FieldType::DecimalField, "numeric(%(max_digits)s,%(decimal_places)s)"},
    {FieldType::CharField, "char(%(max_length)s)"},
    {FieldType::DateTimeField, "timestamp"},
};

constexpr ColumnTypeTable kTable{kTypes, kSuffixes, kChecks, kReadBack};

}  // namespace

const ColumnTypeTable& SqliteDialect::column_types() const {
    return kTable;
}

}  // namespace covet
