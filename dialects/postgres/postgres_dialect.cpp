#include "postgres/postgres_dialect.h"

#include "postgres/postgres_schema_editor.h"
#include "schema/sql_literals.h"

namespace covet {

const DialectFeatures& PostgresDialect::features() const {
    static const DialectFeatures features{.can_rollback_ddl = true,
                                          .supports_partial_indexes = true,
                                          .supports_deferrable_foreign_keys = true,
                                          .max_identifier_length = 63,
                                          .name_limit = 63,
                                          .supports_concurrent_indexes = true};
    return features;
}

std::string PostgresDialect::quote_name(std::string_view identifier) const {
    return quote_identifier(identifier, '"');
}

std::string PostgresDialect::quote_value(const Value& value) const {
    switch (value.kind()) {
        case Value::Kind::Null:
            return "NULL";
        case Value::Kind::Int:
            return std::to_string(value.as_int());
        case Value::Kind::Float:
            return float_literal(value.as_double());
        case Value::Kind::Bool:
            return value.as_bool() ? "TRUE" : "FALSE";
        case Value::Kind::Text:
            // standard_conforming_strings is on: backslashes are plain characters.
            return quote_string(value.as_text(), false);
        case Value::Kind::Blob:
            return "'\\x" + hex_digits(value.as_blob()) + "'::bytea";
        default:
            return typed_literal(value, TypedTextForm{false, "+00"}, false);
    }
}

std::string PostgresDialect::placeholder(int index) const {
    return "$" + std::to_string(index);
}

std::unique_ptr<SchemaEditor> PostgresDialect::schema_editor() const {
    return std::make_unique<PostgresSchemaEditor>(*this);
}

}  // namespace covet
