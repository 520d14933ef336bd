// MySQL's and MariaDB's column types, as Django's MySQL back end writes them
// (with the auto-increment attribute in the type, before NOT NULL).
#include "covet/column_types.h"
#include "mysql/mysql_dialect.h"

namespace covet {

namespace {

constexpr ColumnTypeRow kTypes[] = {
    {FieldType::AutoField, "integer AUTO_INCREMENT"},
    {FieldType::BigAutoField, "bigint AUTO_INCREMENT"},
    {FieldType::IntegerField, "integer"},
    {FieldType::BigIntegerField, "bigint"},
    {FieldType::SmallIntegerField, "smallint"},
    {FieldType::FloatField, "double precision"},
    {FieldType::DecimalField, "numeric(%(max_digits)s, %(decimal_places)s)"},
    {FieldType::CharField, "varchar(%(max_length)s)"},
    {FieldType::TextField, "longtext"},
    {FieldType::EmailField, "varchar(%(max_length)s)"},
    {FieldType::URLField, "varchar(%(max_length)s)"},
    {FieldType::BooleanField, "bool"},
    {FieldType::DateField, "date"},
    {FieldType::TimeField, "time(6)"},
    {FieldType::DateTimeField, "datetime(6)"},
    {FieldType::UUIDField, "char(32)"},
    {FieldType::JSONField, "json"},
    {FieldType::BinaryField, "longblob"},
};

// COLUMN_TYPE as the server reports it: bool is tinyint(1), integers may
// carry a display width, numeric reads back as decimal, and MariaDB's json
// is a longtext (a TextField, then).
constexpr ColumnTypeRow kReadBack[] = {
    {FieldType::BooleanField, "tinyint(1)"},
    {FieldType::IntegerField, "int"},
    {FieldType::IntegerField, "int(%(display_width)s)"},
    {FieldType::BigIntegerField, "bigint(%(display_width)s)"},
    {FieldType::SmallIntegerField, "smallint(%(display_width)s)"},
    {FieldType::DecimalField, "decimal(%(max_digits)s,%(decimal_places)s)"},
    {FieldType::FloatField, "double"},
    {FieldType::CharField, "char(%(max_length)s)"},
    {FieldType::TextField, "text"},
    {FieldType::TextField, "mediumtext"},
    {FieldType::TimeField, "time"},
    {FieldType::DateTimeField, "datetime"},
    {FieldType::BinaryField, "blob"},
};

constexpr ColumnTypeTable kTable{kTypes, {}, {}, kReadBack};

}  // namespace

const ColumnTypeTable& MysqlDialect::column_types() const {
    return kTable;
}

}  // namespace covet
