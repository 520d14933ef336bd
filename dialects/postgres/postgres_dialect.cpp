#include "postgres/postgres_dialect.h"

#include <cstdlib>

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

namespace {

// Whether `text` is a number as a literal spells it (-1, 2.50, 1e-3).
bool is_number(const std::string& text) {
    if (text.empty()) return false;
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && text.find_first_of(" \t") == std::string::npos;
}

}  // namespace

std::string PostgresDialect::normalise_default(std::string expression) const {
    // Casts follow the literal; a "::" inside the quoted text is not one.
    for (;;) {
        const auto last_quote = expression.rfind('\'');
        const auto cast = expression.rfind("::");
        if (cast == std::string::npos || (last_quote != std::string::npos && cast < last_quote))
            break;
        expression.erase(cast);
    }
    if (expression.size() >= 2 && expression.front() == '\'' && expression.back() == '\'') {
        std::string inner = expression.substr(1, expression.size() - 2);
        if (is_number(inner)) return inner;
    }
    // pg_get_expr parenthesises a negative number: (-1).
    if (expression.size() >= 2 && expression.front() == '(' && expression.back() == ')' &&
        is_number(expression.substr(1, expression.size() - 2)))
        return expression.substr(1, expression.size() - 2);
    return expression;
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
