// call_related_method: a relation manager (`u.posts`, `p.tags`): add,
// remove, clear, set and create of Django's related managers, and every
// QuerySet method through all(). get_or_create / update_or_create create
// through the manager, so that the new row is related (as Django's).
#include <algorithm>

#include "covet/error.h"
#include "covet/queryset.h"
#include "covet/relation_index.h"
#include "shell/method_args.h"
#include "shell/queryset_methods.h"

namespace covet::shell {

namespace {

using RelatedMethod = std::optional<ShellValue> (*)(const RelatedManager&, const Arguments&);

// add(t1, t2); a many-to-many manager also takes primary keys (add(1, 2)),
// as Django's.
std::vector<Record> positional_records(const std::string& method, const RelatedManager& manager,
                                       const Arguments& args) {
    expect_keywords(method, args, {"bulk"});
    const RelationEnd& relation = manager.relation();
    const bool by_key = relation.kind == RelationKind::ManyToMany;
    std::vector<Record> records;
    for (const ShellValue& value : args.positional) {
        const Value* key = value.as<Value>();
        if (by_key && key != nullptr && !key->is_null()) {
            const QuerySet all = manager.all();
            records.push_back(
                QuerySet(all.database(), all.models(), *relation.related).get(Q{{"pk", *key}}));
            continue;
        }
        records.push_back(to_record(value, "each argument of " + method + "()"));
    }
    return records;
}

std::optional<ShellValue> add(const RelatedManager& manager, const Arguments& args) {
    manager.add(positional_records("add", manager, args));
    return std::nullopt;
}

std::optional<ShellValue> remove(const RelatedManager& manager, const Arguments& args) {
    manager.remove(positional_records("remove", manager, args));
    return std::nullopt;
}

std::optional<ShellValue> clear(const RelatedManager& manager, const Arguments& args) {
    expect_keywords("clear", args, {"bulk"});
    expect_positional_at_most("clear", args, 0);
    manager.clear();
    return std::nullopt;
}

// set(objs, clear=False) as Django: clear=True clears before adding.
std::optional<ShellValue> set(const RelatedManager& manager, const Arguments& args) {
    expect_keywords("set", args, {"bulk", "clear"});
    if (args.positional.size() != 1)
        throw QueryError("set() takes 1 positional argument (" +
                         std::to_string(args.positional.size()) + " given)");
    const std::vector<Record> records = records_of(args.positional[0], "the argument of set()");
    const ShellValue* clear_first = keyword(args, "clear");
    if (clear_first != nullptr && to_bool(*clear_first, "clear")) {
        manager.clear();
        manager.add(records);
    } else {
        manager.set(records);
    }
    return std::nullopt;
}

std::optional<ShellValue> create(const RelatedManager& manager, const Arguments& args) {
    if (!args.positional.empty())
        throw QueryError("create() takes keyword arguments only (" +
                         std::to_string(args.positional.size()) + " positional given)");
    return ShellValue(
        manager.create(plain_values("create()", field_values("create", args.keywords))));
}

ShellValue created_pair(Record record, bool created) {
    ListValue pair;
    pair.tuple = true;
    pair.items.emplace_back(std::move(record));
    pair.items.emplace_back(Value(created));
    return ShellValue(std::move(pair));
}

// Django's related get_or_create(defaults=None, **kwargs): found among the
// related rows, else created through the manager from the kwargs that name
// fields (not lookups with __) and the defaults; update_or_create sets the
// defaults on a row found.
std::optional<ShellValue> get_or_make(const std::string& method, bool update,
                                      const RelatedManager& manager, const Arguments& args) {
    expect_positional_at_most(method, args, 0);
    const auto defaults = defaults_of(method, args);
    Arguments lookups;
    for (const auto& [name, value] : args.keywords)
        if (name != "defaults") lookups.keywords.emplace_back(name, value);
    try {
        Record record = manager.all().get(lookups_of(method, lookups));
        if (update) {
            for (const auto& [name, value] : defaults)
                record.set(name, value);
            record.save_unvalidated();
        }
        return created_pair(std::move(record), false);
    } catch (const DoesNotExist&) {
    }
    auto fields = plain_values(method + "()", field_values(method, lookups.keywords));
    std::erase_if(fields,
                  [](const auto& field) { return field.first.find("__") != std::string::npos; });
    fields.insert(fields.end(), defaults.begin(), defaults.end());
    return created_pair(manager.create(fields), true);
}

std::optional<ShellValue> get_or_create(const RelatedManager& manager, const Arguments& args) {
    return get_or_make("get_or_create", false, manager, args);
}

std::optional<ShellValue> update_or_create(const RelatedManager& manager, const Arguments& args) {
    return get_or_make("update_or_create", true, manager, args);
}

const std::vector<std::pair<std::string, RelatedMethod>>& methods() {
    static const std::vector<std::pair<std::string, RelatedMethod>> list{
        {"add", add},
        {"remove", remove},
        {"clear", clear},
        {"set", set},
        {"create", create},
        {"get_or_create", get_or_create},
        {"update_or_create", update_or_create},
    };
    return list;
}

}  // namespace

std::optional<ShellValue> call_related_method(Session& session, const RelatedManager& manager,
                                              const std::string& method, const Arguments& args) {
    for (const auto& [name, call] : methods())
        if (name == method) return call(manager, args);
    for (const std::string& name : queryset_method_names())
        if (name == method) return call_queryset_method(session, manager.all(), method, args);
    throw QueryError("the related manager has no method '" + method + "'" +
                     suggest_method(method, related_method_names()));
}

const std::vector<std::string>& related_method_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list;
        for (const auto& [name, call] : methods())
            list.push_back(name);
        for (const std::string& name : queryset_method_names())
            if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
        return list;
    }();
    return names;
}

}  // namespace covet::shell
