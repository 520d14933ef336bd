#include "sqlite/sqlite_dialect.h"

#include "schema/sql_literals.h"
#include "sqlite/sqlite_schema_editor.h"
#include "sqlite/sqlite_value_codec.h"

namespace covet {

const DialectFeatures& SqliteDialect::features() const {
    static const DialectFeatures features{.can_rollback_ddl = true,
                                          .supports_partial_indexes = true,
                                          .supports_deferrable_foreign_keys = true,
                                          .max_identifier_length = 63,
                                          .auto_keys_follow_max = true};
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

// Case-sensitive pattern lookups use GLOB (LIKE ignores ASCII case here),
// with GLOB's own wildcards in the text matched literally as [*] [?] [[];
// the i... lookups use LIKE with '\' escaping. REGEXP calls the regexp(pattern,
// text) function registered on every connection (ECMAScript std::regex);
// iregex calls covet_iregexp(pattern, text), registered beside it, which
// matches ignoring case (ECMAScript has no inline (?i) flag).
std::string SqliteDialect::pattern_condition(PatternLookup lookup, const std::string& lhs,
                                             const std::string& rhs) const {
    switch (lookup) {
        case PatternLookup::Contains:
        case PatternLookup::StartsWith:
        case PatternLookup::EndsWith:
            return lhs + " GLOB " + rhs;
        case PatternLookup::Regex:
            return lhs + " REGEXP " + rhs;
        case PatternLookup::IRegex:
            return "covet_iregexp(" + rhs + ", " + lhs + ")";
        default:
            return lhs + " LIKE " + rhs + " ESCAPE '\\'";
    }
}

namespace {

std::string escape_glob(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '*' || c == '?' || c == '[')
            out += std::string("[") + c + "]";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string SqliteDialect::pattern_value(PatternLookup lookup, const std::string& text) const {
    switch (lookup) {
        case PatternLookup::Contains:
            return "*" + escape_glob(text) + "*";
        case PatternLookup::StartsWith:
            return escape_glob(text) + "*";
        case PatternLookup::EndsWith:
            return "*" + escape_glob(text);
        default:
            return Dialect::pattern_value(lookup, text);
    }
}

// The case-sensitive lookups are GLOBs: '[' '*' '?' of the expression are
// each matched literally as a one-character class ('[' first, as the
// others' classes add one).
std::string SqliteDialect::pattern_expression(PatternLookup lookup,
                                              const std::string& expression) const {
    const std::string escaped =
        "REPLACE(REPLACE(REPLACE(" + expression + ", '[', '[[]'), '*', '[*]'), '?', '[?]')";
    switch (lookup) {
        case PatternLookup::Contains:
            return "('*' || " + escaped + " || '*')";
        case PatternLookup::StartsWith:
            return "(" + escaped + " || '*')";
        case PatternLookup::EndsWith:
            return "('*' || " + escaped + ")";
        default:
            return Dialect::pattern_expression(lookup, expression);
    }
}

// Dates and datetimes are stored as ISO text, which strftime reads.
std::string SqliteDialect::date_part(DatePart part, const std::string& expression) const {
    switch (part) {
        case DatePart::Year:
            return "CAST(strftime('%Y', " + expression + ") AS INTEGER)";
        case DatePart::Month:
            return "CAST(strftime('%m', " + expression + ") AS INTEGER)";
        case DatePart::Day:
            return "CAST(strftime('%d', " + expression + ") AS INTEGER)";
        case DatePart::Date:
            return "date(" + expression + ")";
    }
    return expression;
}

// An OFFSET needs a LIMIT; -1 is no limit.
std::string SqliteDialect::limit_offset(std::optional<std::int64_t> limit,
                                        std::int64_t offset) const {
    if (!limit && offset <= 0) return "";
    std::string sql = " LIMIT " + std::to_string(limit ? *limit : -1);
    if (offset > 0) sql += " OFFSET " + std::to_string(offset);
    return sql;
}

std::string SqliteDialect::insert_start(bool ignore_conflicts) const {
    return ignore_conflicts ? "INSERT OR IGNORE" : "INSERT";
}

std::string SqliteDialect::insert_end(bool) const {
    return "";
}

}  // namespace covet
