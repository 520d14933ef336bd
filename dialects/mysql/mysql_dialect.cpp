#include "mysql/mysql_dialect.h"

#include <regex>

#include "mysql/mysql_schema_editor.h"
#include "schema/sql_literals.h"

namespace covet {

const DialectFeatures& MysqlDialect::features() const {
    static const DialectFeatures features{.can_rollback_ddl = false,
                                          .supports_partial_indexes = false,
                                          .supports_deferrable_foreign_keys = false,
                                          .max_identifier_length = 64,
                                          .name_limit = 64,
                                          .name_limit_counts_characters = true,
                                          .update_can_self_select = false};
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

std::string MysqlDialect::normalise_default(std::string expression) const {
    static const std::regex temporal(R"('[0-9][0-9 :-]*\.[0-9]+')");
    if (!std::regex_match(expression, temporal)) return expression;
    std::string text = expression.substr(0, expression.size() - 1);
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text + "'";
}

// The default collation ignores case, so the case-sensitive lookups
// compare as BINARY and the i... lookups plainly (Django's operators).
// Backslash is LIKE's default escape.
std::string MysqlDialect::pattern_condition(PatternLookup lookup, const std::string& lhs,
                                            const std::string& rhs) const {
    switch (lookup) {
        case PatternLookup::Contains:
        case PatternLookup::StartsWith:
        case PatternLookup::EndsWith:
            return lhs + " LIKE BINARY " + rhs;
        case PatternLookup::Regex:
            return lhs + " REGEXP BINARY " + rhs;
        case PatternLookup::IRegex:
            return lhs + " REGEXP " + rhs;
        default:
            return lhs + " LIKE " + rhs;
    }
}

std::string MysqlDialect::pattern_value(PatternLookup lookup, const std::string& text) const {
    return Dialect::pattern_value(lookup, text);
}

// String literals here read '\\' as one backslash (Django's pattern_esc), and
// || is OR, so the pattern is joined by CONCAT().
std::string MysqlDialect::pattern_expression(PatternLookup lookup,
                                             const std::string& expression) const {
    if (lookup == PatternLookup::Regex || lookup == PatternLookup::IRegex) return expression;
    const std::string escaped =
        "REPLACE(REPLACE(REPLACE(" + expression + ", '\\\\', '\\\\\\\\'), '%', '\\%'), '_', '\\_')";
    switch (lookup) {
        case PatternLookup::Contains:
        case PatternLookup::IContains:
            return "CONCAT('%', " + escaped + ", '%')";
        case PatternLookup::StartsWith:
        case PatternLookup::IStartsWith:
            return "CONCAT(" + escaped + ", '%')";
        case PatternLookup::EndsWith:
        case PatternLookup::IEndsWith:
            return "CONCAT('%', " + escaped + ")";
        default:
            return escaped;
    }
}

std::string MysqlDialect::date_part(DatePart part, const std::string& expression) const {
    if (part == DatePart::Date) return "DATE(" + expression + ")";
    return Dialect::date_part(part, expression);
}

// An OFFSET needs a LIMIT: the largest one stands for none.
std::string MysqlDialect::limit_offset(std::optional<std::int64_t> limit,
                                       std::int64_t offset) const {
    if (!limit && offset <= 0) return "";
    std::string sql = " LIMIT " + (limit ? std::to_string(*limit) : "18446744073709551615");
    if (offset > 0) sql += " OFFSET " + std::to_string(offset);
    return sql;
}

std::string MysqlDialect::insert_start(bool ignore_conflicts) const {
    return ignore_conflicts ? "INSERT IGNORE" : "INSERT";
}

std::string MysqlDialect::insert_end(bool) const {
    return "";
}

}  // namespace covet
