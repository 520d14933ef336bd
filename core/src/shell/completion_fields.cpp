#include "shell/completion_fields.h"

#include <algorithm>
#include <optional>

#include "query/lookups.h"
#include "query/path.h"

namespace covet::shell::completion {

namespace {

// Where the names before the one being typed lead: a model, or a field of
// it (after which only transforms and lookups follow).
struct Reached {
    const ModelState* model = nullptr;
    const Field* field = nullptr;
    bool via_relation = false;
};

bool allows_relation(PathKind kind, const RelationEnd& rel) {
    return kind != PathKind::Columns && (kind != PathKind::ToOne || !rel.to_many());
}

// The same reading as query_sql::resolve_path, stopping at what it cannot
// follow instead of throwing.
std::optional<Reached> walk(const ProjectState& state, const ModelState& model,
                            const std::vector<std::string>& names, PathKind kind) {
    Reached at{&model, nullptr, false};
    for (const auto& name : names) {
        if (at.field) {  // only transforms follow a field
            at.field = query_sql::transform_result(*at.field, name);
            if (!at.field) return std::nullopt;
            continue;
        }
        const Field* field = name == "pk" ? at.model->primary_key() : at.model->find_field(name);
        const bool attname = !field && (field = at.model->find_field_or_column(name)) &&
                             field->type == FieldType::ForeignKey;
        if (field && (attname || !field->is_relation())) {
            if (kind != PathKind::Lookups && kind != PathKind::Fields) return std::nullopt;
            at.field = field;
            continue;
        }
        const RelationEnd* rel = state.resolve_relation(*at.model, name);
        if (!rel || !rel->related || !allows_relation(kind, *rel)) return std::nullopt;
        at.model = rel->related;
        at.via_relation = true;
    }
    return at;
}

std::vector<std::string> relation_names(const ProjectState& state, const ModelState& model,
                                        PathKind kind) {
    std::vector<std::string> names;
    for (const auto& name : query_sql::field_choices(state, model)) {
        const Field* field = model.find_field(name);
        if (field && !field->is_relation()) continue;
        const RelationEnd* rel = state.resolve_relation(model, name);
        if (rel && allows_relation(kind, *rel)) names.push_back(name);
    }
    return names;
}

std::vector<std::string> own_columns(const ModelState& model) {
    std::vector<std::string> names;
    for (const auto& field : model.fields) {
        if (field.is_many_to_many()) continue;
        names.push_back(field.name);
        if (field.type == FieldType::ForeignKey && field.column() != field.name)
            names.push_back(field.column());
    }
    return names;
}

std::vector<std::string> after_field(const Field& field, PathKind kind) {
    std::vector<std::string> names = query_sql::lookup_names(field, false);
    if (kind == PathKind::Lookups) return names;
    std::erase_if(names, [&](const std::string& n) {
        return query_sql::transform_result(field, n) == nullptr;
    });
    return names;
}

std::vector<std::string> next_names(const ProjectState& state, const Reached& at, PathKind kind) {
    if (at.field) return after_field(*at.field, kind);
    if (kind == PathKind::Columns) return own_columns(*at.model);
    if (kind == PathKind::Relations || kind == PathKind::ToOne)
        return relation_names(state, *at.model, kind);
    std::vector<std::string> names = query_sql::field_choices(state, *at.model);
    names.push_back("pk");
    const Field* pk = at.model->primary_key();
    if (kind == PathKind::Lookups && at.via_relation && pk) {
        const auto lookups = query_sql::lookup_names(*pk, true);
        names.insert(names.end(), lookups.begin(), lookups.end());
    }
    return names;
}

}  // namespace

std::vector<std::string> path_candidates(const ProjectState& state, const ModelState& model,
                                         const std::string& word, PathKind kind) {
    std::vector<std::string> names = query_sql::split_path(word);
    const std::string partial = names.back();
    names.pop_back();
    if (kind == PathKind::Columns && !names.empty()) return {};
    const auto at = walk(state, model, names, kind);
    if (!at) return {};
    const std::string prefix = word.substr(0, word.size() - partial.size());
    std::vector<std::string> out;
    for (const auto& name : next_names(state, *at, kind))
        if (name.starts_with(partial)) out.push_back(prefix + name);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace covet::shell::completion
