#include "query/lookups.h"

#include <algorithm>
#include <map>

#include "covet/error.h"
#include "query/field_value.h"
#include "util/edit_distance.h"

namespace covet::query_sql {

namespace {

const std::vector<std::string>& all_lookups() {
    static const std::vector<std::string> names{
        "contains",  "day",    "endswith", "exact",  "gt",         "gte",         "icontains",
        "iendswith", "iexact", "in",       "iregex", "isnull",     "istartswith", "lt",
        "lte",       "month",  "range",    "regex",  "startswith", "year",        "date"};
    return names;
}

const std::vector<std::string>& relation_lookups() {
    static const std::vector<std::string> names{"exact", "gt", "gte", "in", "isnull", "lt", "lte"};
    return names;
}

bool is_date_kind(const Field& field) {
    return field.type == FieldType::DateField || field.type == FieldType::DateTimeField;
}

bool is_transform(const Field& field, const std::string& name) {
    if (name == "date") return field.type == FieldType::DateTimeField;
    return (name == "year" || name == "month" || name == "day") && is_date_kind(field);
}

const Field& integer_field() {
    static const Field field = [] {
        Field f;
        f.name = "part";
        f.type = FieldType::IntegerField;
        return f;
    }();
    return field;
}

const Field& date_field() {
    static const Field field = [] {
        Field f;
        f.name = "date";
        f.type = FieldType::DateField;
        return f;
    }();
    return field;
}

[[noreturn]] void unsupported(const Field& field, const std::string& name, bool relation) {
    const std::vector<std::string> names = lookup_names(field, relation);
    std::string list;
    for (const auto& n : names)
        list += (list.empty() ? "" : ", ") + n;
    const std::string* near = nearest_name(name, names, 1);
    throw QueryError("Unsupported lookup '" + name + "' for " + field_type_name(field.type) + " '" +
                     field.name + "'. Choices are: " + list +
                     (near ? " (did you mean '" + *near + "'?)" : ""));
}

const std::map<std::string, PatternLookup>& pattern_lookups() {
    static const std::map<std::string, PatternLookup> map{
        {"iexact", PatternLookup::IExact},
        {"contains", PatternLookup::Contains},
        {"icontains", PatternLookup::IContains},
        {"startswith", PatternLookup::StartsWith},
        {"istartswith", PatternLookup::IStartsWith},
        {"endswith", PatternLookup::EndsWith},
        {"iendswith", PatternLookup::IEndsWith},
        {"regex", PatternLookup::Regex},
        {"iregex", PatternLookup::IRegex}};
    return map;
}

const std::map<std::string, std::string>& comparisons() {
    static const std::map<std::string, std::string> map{
        {"exact", " = "}, {"gt", " > "}, {"gte", " >= "}, {"lt", " < "}, {"lte", " <= "}};
    return map;
}

Sql bound(const Field* field, const Value& value) {
    return param(field ? value_for_db(*field, value) : value);
}

std::string pattern_text(const Value& value) {
    return value.kind() == Value::Kind::Text ? value.as_text() : value.to_string();
}

Sql pattern_condition(const Dialect& dialect, PatternLookup kind, const Sql& lhs,
                      const Value& value) {
    const std::string text = dialect.pattern_condition(kind, lhs.text, std::string(1, kParamMark));
    // The dialect may name the pattern more than once; the left-hand side's
    // own parameters come first wherever it is repeated, so rebuild in order.
    Sql out;
    const Value pattern(dialect.pattern_value(kind, pattern_text(value)));
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t at = text.find(lhs.text, pos);
        const std::size_t mark = text.find(kParamMark, pos);
        if (!lhs.text.empty() && at != std::string::npos &&
            (mark == std::string::npos || at <= mark)) {
            out += text.substr(pos, at - pos);
            out += lhs;
            pos = at + lhs.text.size();
        } else if (mark != std::string::npos) {
            out += text.substr(pos, mark - pos);
            out += param(pattern);
            pos = mark + 1;
        } else {
            out += text.substr(pos);
            break;
        }
    }
    return out;
}

// A pattern built in SQL from an expression (F()). The dialect names each
// side once, so their parameters follow in the order the sides appear.
Sql pattern_condition(const Dialect& dialect, PatternLookup kind, const Sql& lhs, const Sql& rhs) {
    const std::string pattern = dialect.pattern_expression(kind, rhs.text);
    Sql out;
    out.text = dialect.pattern_condition(kind, lhs.text, pattern);
    const bool rhs_first = out.text.find(pattern) < out.text.find(lhs.text);
    const Sql& first = rhs_first ? rhs : lhs;
    const Sql& second = rhs_first ? lhs : rhs;
    out.params = first.params;
    out.params.insert(out.params.end(), second.params.begin(), second.params.end());
    return out;
}

}  // namespace

std::vector<std::string> lookup_names(const Field& field, bool relation) {
    std::vector<std::string> names;
    for (const auto& name : relation ? relation_lookups() : all_lookups()) {
        const bool transform = name == "year" || name == "month" || name == "day" || name == "date";
        if (!transform || is_transform(field, name)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

const Field* transform_result(const Field& field, const std::string& name) {
    if (!is_transform(field, name)) return nullptr;
    return name == "date" ? &date_field() : &integer_field();
}

bool transforms_only(const Field& field, const std::vector<std::string>& names) {
    const Field* current = &field;
    for (const auto& name : names) {
        if (!is_transform(*current, name)) return false;
        current = name == "date" ? &date_field() : &integer_field();
    }
    return !names.empty();
}

LookupTail parse_tail(const Field& field, const std::vector<std::string>& names, bool relation) {
    LookupTail tail;
    const Field* current = &field;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        if (!relation && is_transform(*current, name)) {
            tail.transforms.push_back(name);
            current = name == "date" ? &date_field() : &integer_field();
            continue;
        }
        const auto& valid = relation ? relation_lookups() : all_lookups();
        if (i + 1 != names.size() || std::find(valid.begin(), valid.end(), name) == valid.end())
            unsupported(*current, name, relation);
        tail.lookup = name;
    }
    return tail;
}

Sql apply_transforms(const Dialect& dialect, const LookupTail& tail, Sql lhs, const Field*& field) {
    for (const auto& t : tail.transforms) {
        const DatePart part = t == "year"    ? DatePart::Year
                              : t == "month" ? DatePart::Month
                              : t == "day"   ? DatePart::Day
                                             : DatePart::Date;
        std::vector<Value> params = std::move(lhs.params);
        lhs.text = dialect.date_part(part, lhs.text);
        lhs.params = std::move(params);
        field = t == "date" ? &date_field() : &integer_field();
    }
    return lhs;
}

bool is_null_test(const std::string& lookup, const Operand& operand) {
    if (lookup == "isnull")
        return operand.kind() == Operand::Kind::Value && !operand.value().is_null() &&
               operand.value().kind() == Value::Kind::Bool && operand.value().as_bool();
    return (lookup == "exact" || lookup == "iexact") && operand.kind() == Operand::Kind::Value &&
           operand.value().is_null();
}

Sql lookup_condition(const Dialect& dialect, const std::string& lookup, const Sql& lhs,
                     const Field* field, const Operand& operand, const Sql* rhs_expression) {
    if (lookup == "isnull") {
        const Value& v = operand.value();
        if (operand.kind() != Operand::Kind::Value || v.kind() != Value::Kind::Bool)
            throw QueryError("The QuerySet value for an isnull lookup must be True or False.");
        return lhs + Sql(v.as_bool() ? " IS NULL" : " IS NOT NULL");
    }
    if (is_null_test(lookup, operand)) return lhs + Sql(" IS NULL");
    if (lookup == "in" || lookup == "range") {
        if (operand.kind() != Operand::Kind::List)
            throw QueryError("the '" + lookup + "' lookup takes a list of values");
        const auto& list = operand.list();
        if (lookup == "range") {
            if (list.size() != 2) throw QueryError("the 'range' lookup takes two values");
            return lhs + Sql(" BETWEEN ") + bound(field, list[0]) + Sql(" AND ") +
                   bound(field, list[1]);
        }
        std::vector<Sql> items;
        for (const auto& v : list)
            if (!v.is_null()) items.push_back(bound(field, v));  // NULL never matches IN
        if (items.empty()) return Sql("0 = 1");                  // Django's EmptyResultSet
        return lhs + Sql(" IN (") + join_sql(items, ", ") + Sql(")");
    }
    if (operand.kind() == Operand::Kind::List)
        throw QueryError("the '" + lookup + "' lookup takes one value, not a list");
    if (operand.kind() == Operand::Kind::Value && operand.value().is_null())
        throw QueryError("Cannot use None as a query value for the '" + lookup + "' lookup");
    const auto comparison = comparisons().find(lookup);
    if (comparison != comparisons().end()) {
        const Sql rhs = rhs_expression ? *rhs_expression : bound(field, operand.value());
        return lhs + Sql(comparison->second) + rhs;
    }
    const auto pattern = pattern_lookups().find(lookup);
    if (pattern == pattern_lookups().end()) throw QueryError("Unsupported lookup '" + lookup + "'");
    if (rhs_expression) return pattern_condition(dialect, pattern->second, lhs, *rhs_expression);
    return pattern_condition(dialect, pattern->second, lhs, operand.value());
}

}  // namespace covet::query_sql
