#include "mysql/mysql_dialect.h"

#include "mysql/mysql_schema_editor.h"
#include "schema/sql_literals.h"

namespace covet {

const DialectFeatures& MysqlDialect::features() const {
    static const DialectFeatures features{.can_rollback_ddl = false,
                                          .supports_partial_indexes = false,
                                          .supports_deferrable_foreign_keys = false,
                                          .max_identifier_length = 64,
                                          .name_limit = 64,
                                          .name_limit_counts_characters = true};
    return features;
}

std::string MysqlDialect::quote_name(std::string_view identifier) const {
    return quote_identifier(identifier, '`');
}

std::string MysqlDialect::quote_value(const Value& value) const {
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
            // Backslash is an escape character in MySQL string literals.
            return quote_string(value.as_text(), true);
        case Value::Kind::Blob:
            return "X'" + hex_digits(value.as_blob()) + "'";
        default:
            return typed_literal(value, TypedTextForm{true, ""}, true);
    }
}

std::string MysqlDialect::placeholder(int) const {
    return "?";
}

std::unique_ptr<SchemaEditor> MysqlDialect::schema_editor() const {
    return std::make_unique<MysqlSchemaEditor>(*this);
}

std::string MysqlDialect::normalise_column_type(std::string type) const {
    const std::string attribute = " auto_increment";
    if (auto pos = type.find(attribute); pos != std::string::npos)
        type.erase(pos, attribute.size());
    return type;
}

}  // namespace covet
