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

// LIKE is case-sensitive here; the i... lookups compare UPPER() of both
// sides. Backslash is LIKE's default escape. Non-text columns are cast to
// text so that contains works on any field, as Django does.
std::string PostgresDialect::pattern_condition(PatternLookup lookup, const std::string& lhs,
                                               const std::string& rhs) const {
    switch (lookup) {
        case PatternLookup::Contains:
        case PatternLookup::StartsWith:
        case PatternLookup::EndsWith:
            return lhs + "::text LIKE " + rhs;
        case PatternLookup::Regex:
            return lhs + "::text ~ " + rhs;
        case PatternLookup::IRegex:
            return lhs + "::text ~* " + rhs;
        default:
            return "UPPER(" + lhs + "::text) LIKE UPPER(" + rhs + ")";
    }
}

std::string PostgresDialect::pattern_value(PatternLookup lookup, const std::string& text) const {
    return Dialect::pattern_value(lookup, text);
}

std::string PostgresDialect::date_part(DatePart part, const std::string& expression) const {
    if (part == DatePart::Date) return "(" + expression + ")::date";
    return Dialect::date_part(part, expression);
}

}  // namespace covet
