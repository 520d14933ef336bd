#include "sqlite/sqlite_dialect.h"

#include "schema/sql_literals.h"
#include "sqlite/sqlite_schema_editor.h"
#include "sqlite/sqlite_value_codec.h"

namespace covet {

const DialectFeatures& SqliteDialect::features() const {
    static const DialectFeatures features{.can_rollback_ddl = true,
                                          .supports_partial_indexes = true,
                                          .supports_deferrable_foreign_keys = true,
                                          .max_identifier_length = 63};
    return features;
}

std::string SqliteDialect::quote_name(std::string_view identifier) const {
    return quote_identifier(identifier, '"');
}

std::string SqliteDialect::quote_value(const Value& value) const {
    switch (value.kind()) {
        case Value::Kind::Null:
            return "NULL";
        case Value::Kind::Int:
            return std::to_string(value.as_int());
        case Value::Kind::Float:
            return float_literal(value.as_double());
        case Value::Kind::Bool:
            return value.as_bool() ? "1" : "0";
        case Value::Kind::Text:
            return quote_string(value.as_text(), false);
        case Value::Kind::Blob:
            return "X'" + hex_digits(value.as_blob()) + "'";
        default:
            return typed_literal(value, TypedTextForm{true, ""}, false);
    }
}

std::string SqliteDialect::placeholder(int) const {
    return "?";
}

std::unique_ptr<SchemaEditor> SqliteDialect::schema_editor() const {
    return std::make_unique<SqliteSchemaEditor>(*this);
}

}  // namespace covet
