// Standard-SQL defaults of the query compiler's dialect hooks; a dialect
// overrides the ones its back end spells another way.
#include "covet/dialect.h"
#include "covet/error.h"

namespace covet {

namespace {

bool case_insensitive(PatternLookup lookup) {
    switch (lookup) {
        case PatternLookup::IExact:
        case PatternLookup::IContains:
        case PatternLookup::IStartsWith:
        case PatternLookup::IEndsWith:
        case PatternLookup::IRegex:
            return true;
        default:
            return false;
    }
}

std::string escape_like(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '\\' || c == '%' || c == '_') out += '\\';
        out += c;
    }
    return out;
}

}  // namespace

std::string Dialect::pattern_condition(PatternLookup lookup, const std::string& lhs,
                                       const std::string& rhs) const {
    if (lookup == PatternLookup::Regex || lookup == PatternLookup::IRegex)
        throw QueryError("the regex lookups are not supported on " + name());
    if (case_insensitive(lookup)) return "UPPER(" + lhs + ") LIKE UPPER(" + rhs + ") ESCAPE '\\'";
    return lhs + " LIKE " + rhs + " ESCAPE '\\'";
}

std::string Dialect::pattern_value(PatternLookup lookup, const std::string& text) const {
    switch (lookup) {
        case PatternLookup::Regex:
        case PatternLookup::IRegex:
            return text;
        case PatternLookup::IExact:
            return escape_like(text);
        case PatternLookup::Contains:
        case PatternLookup::IContains:
            return "%" + escape_like(text) + "%";
        case PatternLookup::StartsWith:
        case PatternLookup::IStartsWith:
            return escape_like(text) + "%";
        case PatternLookup::EndsWith:
        case PatternLookup::IEndsWith:
            return "%" + escape_like(text);
    }
    return text;
}

// Standard SQL: string literals take '\' as itself and || concatenates.
std::string Dialect::pattern_expression(PatternLookup lookup, const std::string& expression) const {
    if (lookup == PatternLookup::Regex || lookup == PatternLookup::IRegex) return expression;
    const std::string escaped =
        "REPLACE(REPLACE(REPLACE(" + expression + ", '\\', '\\\\'), '%', '\\%'), '_', '\\_')";
    switch (lookup) {
        case PatternLookup::Contains:
        case PatternLookup::IContains:
            return "('%' || " + escaped + " || '%')";
        case PatternLookup::StartsWith:
        case PatternLookup::IStartsWith:
            return "(" + escaped + " || '%')";
        case PatternLookup::EndsWith:
        case PatternLookup::IEndsWith:
            return "('%' || " + escaped + ")";
        default:
            return escaped;
    }
}

std::string Dialect::date_part(DatePart part, const std::string& expression) const {
    switch (part) {
        case DatePart::Year:
            return "EXTRACT(YEAR FROM " + expression + ")";
        case DatePart::Month:
            return "EXTRACT(MONTH FROM " + expression + ")";
        case DatePart::Day:
            return "EXTRACT(DAY FROM " + expression + ")";
        case DatePart::Date:
            return "CAST(" + expression + " AS DATE)";
    }
    return expression;
}

std::string Dialect::limit_offset(std::optional<std::int64_t> limit, std::int64_t offset) const {
    std::string sql;
    if (limit) sql += " LIMIT " + std::to_string(*limit);
    if (offset > 0) sql += " OFFSET " + std::to_string(offset);
    return sql;
}

std::string Dialect::lock_clause(bool nowait, bool skip_locked) const {
    return std::string(" FOR UPDATE") + (nowait ? " NOWAIT" : "") +
           (skip_locked ? " SKIP LOCKED" : "");
}

std::string Dialect::insert_start(bool) const {
    return "INSERT";
}

std::string Dialect::insert_end(bool ignore_conflicts) const {
    return ignore_conflicts ? " ON CONFLICT DO NOTHING" : "";
}

}  // namespace covet
