// PostgreSQL's column types, as Django's PostgreSQL back end writes them.
#include "covet/column_types.h"
#include "postgres/postgres_dialect.h"

namespace covet {

namespace {

constexpr ColumnTypeRow kTypes[] = {
    {FieldType::AutoField, "serial"},
    {FieldType::BigAutoField, "bigserial"},
    {FieldType::IntegerField, "integer"},
    {FieldType::BigIntegerField, "bigint"},
    {FieldType::SmallIntegerField, "smallint"},
    {FieldType::FloatField, "double precision"},
    {FieldType::DecimalField, "numeric(%(max_digits)s, %(decimal_places)s)"},
    {FieldType::CharField, "varchar(%(max_length)s)"},
    {FieldType::TextField, "text"},
    {FieldType::EmailField, "varchar(%(max_length)s)"},
    {FieldType::URLField, "varchar(%(max_length)s)"},
    {FieldType::BooleanField, "boolean"},
    {FieldType::DateField, "date"},
    {FieldType::TimeField, "time"},
    {FieldType::DateTimeField, "timestamp with time zone"},
    {FieldType::UUIDField, "uuid"},
    {FieldType::JSONField, "jsonb"},
    {FieldType::BinaryField, "bytea"},
};

// format_type()'s long spellings, and types other tools create.
constexpr ColumnTypeRow kReadBack[] = {
    {FieldType::CharField, "character varying(%(max_length)s)"},
    {FieldType::CharField, "char(%(max_length)s)"},
    {FieldType::CharField, "character(%(max_length)s)"},
    {FieldType::DecimalField, "numeric"},
    {FieldType::FloatField, "real"},
    {FieldType::DateTimeField, "timestamp"},
    {FieldType::DateTimeField, "timestamp without time zone"},
    {FieldType::TimeField, "time without time zone"},
    {FieldType::JSONField, "json"},
};

constexpr ColumnTypeTable kTable{kTypes, {}, {}, kReadBack};

}  // namespace

const ColumnTypeTable& PostgresDialect::column_types() const {
    return kTable;
}

}  // namespace covet
