#include "query/prefetch.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "covet/error.h"

namespace covet {

namespace {

// Values as map keys: a primary key read from one table and a foreign key
// read from another have one kind and one text.
std::string key_of(const Value& value) {
    return std::to_string(static_cast<int>(value.kind())) + ":" + value.to_string();
}

std::string relation_names(const ProjectState& state, const ModelState& model) {
    std::string names;
    auto add = [&](const std::string& name) {
        if (!name.empty()) names += (names.empty() ? "" : ", ") + name;
    };
    for (const RelationEnd& end : state.relations().forward_of(model))
        add(end.accessor);
    for (const RelationEnd& end : state.relations().reverse_of(model))
        add(end.accessor);
    return names.empty() ? "(none)" : names;
}

std::vector<Value> distinct_keys(const std::vector<Record>& records, const std::string& field) {
    std::vector<Value> keys;
    std::set<std::string> seen;
    for (const Record& record : records) {
        Value key = field.empty() ? record.pk() : record.get(field);
        if (!key.is_null() && seen.insert(key_of(key)).second) keys.push_back(std::move(key));
    }
    return keys;
}

QuerySet with_nested(QuerySet set, const std::vector<std::string>& nested) {
    return nested.empty() ? set : set.prefetch_related(nested);
}

// Post.author: the authors whose keys the posts hold, each cached on its posts.
void prefetch_forward(std::vector<Record>& records, const Database& db, const Models& models,
                      const RelationEnd& end, const std::vector<std::string>& nested) {
    const std::string& name = end.field->name;
    const std::vector<Value> keys = distinct_keys(records, name);
    std::vector<Record> related;
    if (!keys.empty()) {
        QuerySet set = QuerySet(db, models, *end.related).filter(Q({Lookup{"pk__in", keys}}));
        related = with_nested(set.order_by({}), nested).records();
    }
    std::map<std::string, const Record*> by_key;
    for (const Record& record : related)
        by_key[key_of(record.pk())] = &record;
    for (const Record& record : records) {
        auto found = by_key.find(key_of(record.get(name)));
        record.cache_related(
            name, found == by_key.end() ? std::nullopt : std::optional<Record>(*found->second));
    }
}

void hand_out(std::vector<Record>& records, const std::string& accessor,
              std::map<std::string, std::vector<Record>>& groups) {
    for (const Record& record : records) {
        auto group = groups.find(key_of(record.pk()));
        record.cache_prefetched(accessor,
                                group == groups.end() ? std::vector<Record>{} : group->second);
    }
}

// User.posts: the posts whose key is one of the users, grouped by that key.
void prefetch_reverse(std::vector<Record>& records, const Database& db, const Models& models,
                      const RelationEnd& end, const std::vector<std::string>& nested) {
    const std::vector<Value> keys = distinct_keys(records, "");
    std::map<std::string, std::vector<Record>> groups;
    if (!keys.empty()) {
        const std::string& name = end.field->name;
        const QuerySet set = with_nested(
            QuerySet(db, models, *end.related).filter(Q({Lookup{name + "__in", keys}})), nested);
        for (const Record& record : set.records())
            groups[key_of(record.get(name))].push_back(record);
    }
    hand_out(records, end.accessor, groups);
}

// The values() paths from the owner to each concrete field of the related
// model, and its default ordering seen from the owner.
std::vector<std::string> related_paths(const RelationEnd& end) {
    std::vector<std::string> paths{end.model->primary_key()->name};
    for (const Field* field : end.related->concrete_fields())
        paths.push_back(end.query_name + "__" + field->name);
    return paths;
}

std::vector<std::string> related_ordering(const RelationEnd& end) {
    std::vector<std::string> ordering;
    for (const std::string& item : end.related->ordering) {
        if (item == "?") continue;
        const bool descending = item[0] == '-';
        ordering.push_back((descending ? "-" : "") + end.query_name + "__" +
                           item.substr(descending ? 1 : 0));
    }
    return ordering;
}

// Post.tags (or Tag.posts): one query from the owners through the link
// table to the related rows, the owner's key read with each row.
void prefetch_many(std::vector<Record>& records, const Database& db, const Models& models,
                   const RelationEnd& end, const std::vector<std::string>& nested) {
    const std::vector<Value> keys = distinct_keys(records, "");
    std::map<std::string, std::vector<Record>> groups;
    if (keys.empty()) return hand_out(records, end.accessor, groups);
    const ModelState& related = *end.related;
    const std::vector<const Field*> fields = related.concrete_fields();
    std::size_t pk_slot = 0;
    while (pk_slot < fields.size() && !fields[pk_slot]->primary_key)
        ++pk_slot;
    QuerySet set = QuerySet(db, models, *end.model)
                       .filter(Q({Lookup{"pk__in", keys}}))
                       .order_by(related_ordering(end))
                       .values(related_paths(end));
    std::vector<std::string> owners;
    std::vector<Record> found;
    for (const NamedRow& row : set.rows()) {
        if (row.values[1 + pk_slot].is_null()) continue;  // an owner with no related rows
        owners.push_back(key_of(row.values[0]));
        found.emplace_back(db, models, related, Row(row.values.begin() + 1, row.values.end()));
        found.back().mark_saved();
    }
    if (!nested.empty()) prefetch_related_objects(found, db, models, related, nested);
    for (std::size_t i = 0; i < found.size(); ++i)
        groups[owners[i]].push_back(std::move(found[i]));
    hand_out(records, end.accessor, groups);
}

const RelationEnd& relation_of(const ProjectState& state, const ModelState& model,
                               const std::string& name, const std::string& lookup) {
    const RelationEnd* end = state.relations().by_accessor(model, name);
    if (!end)
        throw QueryError("Cannot find '" + name + "' on " + model.name + " object, '" + lookup +
                         "' is an invalid parameter to prefetch_related(); the relations there "
                         "are: " +
                         relation_names(state, model));
    return *end;
}

}  // namespace

void check_prefetch_lookup(const ProjectState& state, const ModelState& model,
                           const std::string& lookup) {
    const ModelState* current = &model;
    std::size_t start = 0;
    while (true) {
        const std::size_t cut = lookup.find("__", start);
        const std::string name = lookup.substr(start, cut == std::string::npos ? cut : cut - start);
        current = relation_of(state, *current, name, lookup).related;
        if (cut == std::string::npos) return;
        start = cut + 2;
    }
}

void prefetch_related_objects(std::vector<Record>& records, const Database& db,
                              const Models& models, const ModelState& model,
                              const std::vector<std::string>& lookups) {
    // Lookups sharing a first step ("posts", "posts__tags") share its query.
    std::vector<std::pair<std::string, std::vector<std::string>>> steps;
    for (const std::string& lookup : lookups) {
        const std::size_t cut = lookup.find("__");
        const std::string first = lookup.substr(0, cut);
        auto step = std::find_if(steps.begin(), steps.end(),
                                 [&](const auto& s) { return s.first == first; });
        if (step == steps.end()) step = steps.insert(steps.end(), {first, {}});
        if (cut != std::string::npos) step->second.push_back(lookup.substr(cut + 2));
    }
    const ProjectState& state = models.state();
    for (const auto& [name, nested] : steps) {
        const RelationEnd& end = relation_of(state, model, name, name);
        if (end.kind == RelationKind::ManyToMany)
            prefetch_many(records, db, models, end, nested);
        else if (end.reverse)
            prefetch_reverse(records, db, models, end, nested);
        else
            prefetch_forward(records, db, models, end, nested);
    }
}

}  // namespace covet
