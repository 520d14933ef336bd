#include "shell/method_args.h"

#include <algorithm>

#include "covet/error.h"
#include "schema/field_option_readers.h"

namespace covet::shell {

namespace {

std::string given(std::size_t count) {
    return " (" + std::to_string(count) + " given)";
}

}  // namespace

std::string suggest_method(const std::string& word, const std::vector<std::string>& names) {
    std::string near = did_you_mean(word, names);
    if (!near.empty()) return near;
    std::string list;
    for (const std::string& name : names)
        list += (list.empty() ? "" : ", ") + name;
    return "; valid: " + list;
}

void expect_no_arguments(const std::string& method, const Arguments& args) {
    const std::size_t count = args.positional.size() + args.keywords.size();
    if (count > 0) throw QueryError(method + "() takes no arguments" + given(count));
}

void expect_keywords(const std::string& method, const Arguments& args,
                     const std::vector<std::string>& allowed) {
    for (const auto& [name, value] : args.keywords)
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw QueryError(method + "() got an unexpected keyword argument '" + name + "'");
}

void expect_positional_at_most(const std::string& method, const Arguments& args, std::size_t most) {
    if (args.positional.size() <= most) return;
    const std::string limit = most == 0 ? "no positional arguments"
                              : most == 1
                                  ? "at most 1 positional argument"
                                  : "at most " + std::to_string(most) + " positional arguments";
    throw QueryError(method + "() takes " + limit + given(args.positional.size()));
}

const ShellValue* keyword(const Arguments& args, const std::string& name) {
    for (const auto& [key, value] : args.keywords)
        if (key == name) return &value;
    return nullptr;
}

std::vector<std::string> field_names(const std::string& method, const Arguments& args) {
    expect_keywords(method, args, {});
    std::vector<std::string> names;
    names.reserve(args.positional.size());
    for (const ShellValue& value : args.positional)
        names.push_back(to_text(value, "each argument of " + method + "()"));
    return names;
}

namespace {

// The right-hand side of a lookup. A queryset (`author__in=User.objects.
// filter(...)`, Django's subquery) is read: its primary keys, or the
// values of a flat values_list().
Operand lookup_operand(const std::string& name, const ShellValue& value) {
    const QuerySet* set = as_queryset(value);
    if (set == nullptr) return to_operand(value, "the value of " + name);
    std::vector<Value> items;
    if (!set->returns_rows()) {
        for (const Record& record : set->records())
            items.push_back(record.pk());
        return Operand(std::move(items));
    }
    for (const NamedRow& row : set->rows()) {
        if (row.values.size() != 1)
            throw QueryError("the queryset given to " + name +
                             " must name one field (values_list('id'))");
        items.push_back(row.values[0]);
    }
    return Operand(std::move(items));
}

}  // namespace

Q lookups_of(const std::string& method, const Arguments& args,
             const std::vector<std::string>& skip) {
    Q condition;
    for (const ShellValue& value : args.positional)
        condition = condition & to_q(value, "a positional argument of " + method + "()");
    std::vector<Lookup> lookups;
    for (const auto& [name, value] : args.keywords) {
        if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
        lookups.push_back({name, lookup_operand(name, value)});
    }
    // Django: filter(Q(...), a=1) is Q(...) & Q(a=1).
    return condition & Q(std::move(lookups));
}

std::vector<std::pair<std::string, ShellValue>> field_values(
    const std::string& method, const std::vector<std::pair<std::string, ShellValue>>& keywords) {
    std::vector<std::pair<std::string, ShellValue>> fields;
    for (const auto& [name, value] : keywords) {
        if (value.as<ListValue>() != nullptr || value.as<DictValue>() != nullptr) {
            // A JSONField's value written as a literal: {'a': [1, 2]}.
            fields.emplace_back(name,
                                to_value(value, "the value of " + name + " in " + method + "()"));
            continue;
        }
        if (value.as<Value>() == nullptr && value.as<Record>() == nullptr)
            throw QueryError("the value of " + name + " in " + method +
                             "() must be a value or a record, not " + describe(value));
        fields.emplace_back(name, value);
    }
    return fields;
}

std::vector<std::pair<std::string, Value>> plain_values(
    const std::string& what, const std::vector<std::pair<std::string, ShellValue>>& fields) {
    std::vector<std::pair<std::string, Value>> values;
    values.reserve(fields.size());
    for (const auto& [name, value] : fields)
        values.emplace_back(name, to_value(value, "the value of " + name + " in " + what));
    return values;
}

// defaults={'name': 'x'}: a dict keyed by field name.
std::vector<std::pair<std::string, Value>> defaults_of(const std::string& method,
                                                       const Arguments& args) {
    const ShellValue* defaults = keyword(args, "defaults");
    if (defaults == nullptr || defaults->is_none()) return {};
    const DictValue* dict = defaults->as<DictValue>();
    if (dict == nullptr)
        throw QueryError("the defaults of " + method + "() must be a dict, not " +
                         describe(*defaults));
    std::vector<std::pair<std::string, ShellValue>> fields;
    for (const auto& [key, value] : dict->entries)
        fields.emplace_back(to_text(key, "each key of " + method + "()'s defaults"), value);
    return plain_values(method + "()'s defaults", field_values(method, fields));
}

std::vector<Record> records_of(const ShellValue& value, const std::string& what) {
    std::vector<Record> records;
    if (const ListValue* list = value.as<ListValue>()) {
        records.reserve(list->items.size());
        for (const ShellValue& item : list->items)
            records.push_back(to_record(item, "each item of " + what));
        return records;
    }
    if (const QuerySet* set = as_queryset(value)) return set->records();
    throw QueryError(what + " must be a list of records, not " + describe(value));
}

}  // namespace covet::shell
