#include "query/path.h"

#include <algorithm>

#include "covet/error.h"
#include "util/edit_distance.h"

namespace covet::query_sql {

namespace {

// The lookups Django's related fields take (RelatedExact, RelatedIn, ...).
bool is_relation_lookup(const std::string& name) {
    static const std::vector<std::string> names{"exact", "in", "gt", "gte", "lt", "lte", "isnull"};
    return std::find(names.begin(), names.end(), name) != names.end();
}

struct ThroughColumns {
    std::string table, owner_column, target_column;
};

// The through table of a many-to-many field declared on `owner`: the
// auto-created one, or the explicit `through` model's two ForeignKeys.
ThroughColumns through_columns(const ProjectState& state, const ModelState& owner, const Field& m2m,
                               const ModelState& target) {
    if (m2m.through.empty()) {
        const ModelState through = state.through_model(owner, m2m);
        return {through.table, through.fields[1].column(), through.fields[2].column()};
    }
    const ModelState* through = state.resolve_target(m2m.through, owner);
    if (!through)
        throw QueryError("the through model '" + m2m.through + "' of '" + owner.name + "." +
                         m2m.name + "' is not in the state");
    const Field* source = nullptr;
    const Field* dest = nullptr;
    for (const auto& f : through->fields) {
        if (f.type != FieldType::ForeignKey) continue;
        const ModelState* to = state.resolve_target(f.to, *through);
        if (!source && to == &owner)
            source = &f;
        else if (!dest && to == &target)
            dest = &f;
    }
    if (!source || !dest)
        throw QueryError("the through model '" + through->name + "' has no foreign keys to '" +
                         owner.name + "' and '" + target.name + "'");
    return {through->table, source->column(), dest->column()};
}

std::string pk_column(const ModelState& model) {
    const Field* pk = model.primary_key();
    if (!pk) throw QueryError("model '" + model.name + "' has no primary key");
    return pk->column();
}

}  // namespace

std::vector<Hop> relation_hops(const ProjectState& state, const ModelState& from,
                               const RelationEnd& rel) {
    const ModelState& related = *rel.related;
    const Field& field = *rel.field;
    if (rel.kind != RelationKind::ManyToMany) {
        if (!rel.reverse)
            return {
                Hop{related.table, field.column(), pk_column(related), field.null, false, true}};
        return {Hop{related.table, pk_column(from), field.column(), true, rel.to_many(), false}};
    }
    const ModelState& owner = *rel.declared_on;
    const ModelState& target = rel.reverse ? from : related;
    const ThroughColumns t = through_columns(state, owner, field, target);
    const std::string& enter = rel.reverse ? t.target_column : t.owner_column;
    const std::string& leave = rel.reverse ? t.owner_column : t.target_column;
    return {Hop{t.table, pk_column(from), enter, true, true, false},
            Hop{related.table, leave, pk_column(related), false, true, true}};
}

namespace {

bool names_field(const ProjectState& state, const ModelState& model, const std::string& name) {
    return name == "pk" || model.find_field_or_column(name) || state.resolve_relation(model, name);
}

// Drops trailing forward joins whose joined column is the one compared:
// `author__id` compares posts.author_id without joining users.
void trim(ResolvedPath& path) {
    while (!path.hops.empty() && path.hops.back().direct &&
           path.hops.back().to_column == path.column) {
        path.column = path.hops.back().from_column;
        path.nullable = path.hops.back().nullable;
        path.hops.pop_back();
    }
}

}  // namespace

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> names;
    std::size_t start = 0;
    while (true) {
        const std::size_t sep = path.find("__", start);
        names.push_back(path.substr(start, sep - start));
        if (sep == std::string::npos) break;
        start = sep + 2;
    }
    return names;
}

std::vector<std::string> field_choices(const ProjectState& state, const ModelState& model) {
    std::vector<std::string> names;
    for (const auto& f : model.fields) {
        names.push_back(f.name);
        if (f.type == FieldType::ForeignKey && f.column() != f.name) names.push_back(f.column());
    }
    for (const auto& rel : state.reverse_relations_of(model))
        if (!rel.query_name.empty()) names.push_back(rel.query_name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

void unknown_field(const ProjectState& state, const ModelState& model, const std::string& name,
                   const std::vector<std::string>& extra_choices) {
    std::vector<std::string> choices = field_choices(state, model);
    choices.insert(choices.end(), extra_choices.begin(), extra_choices.end());
    std::sort(choices.begin(), choices.end());
    std::string list;
    for (const auto& c : choices)
        list += (list.empty() ? "" : ", ") + c;
    // Django's message, and the near miss when there is one.
    const std::string* near = nearest_name(name, choices, 1);
    throw QueryError("Cannot resolve keyword '" + name + "' into field. Choices are: " + list +
                     (near ? " (did you mean '" + *near + "'?)" : ""));
}

ResolvedPath resolve_path(const ProjectState& state, const ModelState& model,
                          const std::vector<std::string>& names,
                          const std::vector<std::string>& extra_choices) {
    ResolvedPath path;
    const ModelState* current = &model;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string& name = names[i];
        const Field* field = name == "pk" ? current->primary_key() : current->find_field(name);
        const bool attname = !field && (field = current->find_field_or_column(name)) &&
                             field->type == FieldType::ForeignKey;
        if (field && (attname || !field->is_relation())) {
            path.model = current;
            path.field = field;
            path.column = field->column();
            path.nullable = field->null;
            path.used = i + 1;
            trim(path);
            return path;
        }
        const RelationEnd* rel = state.resolve_relation(*current, name);
        if (!rel)
            unknown_field(state, *current, name,
                          i == 0 ? extra_choices : std::vector<std::string>{});
        for (auto& hop : relation_hops(state, *current, *rel))
            path.hops.push_back(std::move(hop));
        current = rel->related;
        const bool more = i + 1 < names.size() && names_field(state, *current, names[i + 1]);
        if (more) continue;
        if (i + 1 < names.size() && !is_relation_lookup(names[i + 1]))
            unknown_field(state, *current, names[i + 1], {});
        path.model = current;
        path.field = current->primary_key();
        path.column = pk_column(*current);
        path.relation = true;
        path.used = i + 1;
        trim(path);
        return path;
    }
    unknown_field(state, *current, "", extra_choices);
}

}  // namespace covet::query_sql
