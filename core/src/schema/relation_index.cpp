#include "covet/relation_index.h"

#include "covet/model_state.h"
#include "util/text_case.h"

namespace covet {

RelationKind relation_kind(const Field& field) {
    return field.is_many_to_many() ? RelationKind::ManyToMany : RelationKind::ManyToOne;
}

bool is_hidden_related_name(const std::string& related_name) {
    return !related_name.empty() && related_name.back() == '+';
}

std::string reverse_accessor_name(const Field& field, RelationKind kind,
                                  const std::string& declared_on_name, bool self_symmetrical) {
    // Django gives a symmetrical self relation the hidden related_name
    // "<field>_rel_+", whatever related_name says.
    if (self_symmetrical || is_hidden_related_name(field.related_name)) return "";
    if (!field.related_name.empty()) return field.related_name;
    return to_lower(declared_on_name) + (kind == RelationKind::OneToOne ? "" : "_set");
}

std::string reverse_query_name(const Field& field, const std::string& declared_on_name,
                               bool self_symmetrical) {
    if (!field.related_query_name.empty()) return field.related_query_name;
    // Django's names for a hidden reverse ("+", "<field>_rel_+") are internal:
    // no lookup is meant to spell them.
    if (self_symmetrical || is_hidden_related_name(field.related_name)) return "";
    if (!field.related_name.empty()) return field.related_name;
    return to_lower(declared_on_name);
}

RelationIndex::RelationIndex(const ProjectState& state) {
    const std::vector<const ModelState*> models = state.models();
    for (const ModelState* model : models)
        by_table_[model->table];  // every model has an entry, related or not
    for (const ModelState* model : models)
        for (const Field& field : model->fields)
            if (field.is_relation()) add_field(state, *model, field);
    // The name maps point into the vectors: built once those are complete.
    for (const ModelState* model : models)
        index_names(*model, by_table_[model->table]);
}

void RelationIndex::add_field(const ProjectState& state, const ModelState& model,
                              const Field& field) {
    const ModelState* target = state.resolve_target(field.to, model);
    if (!target) return;  // a state that replay validated has none
    const RelationKind kind = relation_kind(field);
    const bool self_symmetrical =
        kind == RelationKind::ManyToMany && field.symmetrical && target == &model;

    RelationEnd forward;
    forward.model = &model;
    forward.related = target;
    forward.declared_on = &model;
    forward.field = &field;
    forward.kind = kind;
    forward.accessor = field.name;
    forward.query_name = field.name;
    by_table_[model.table].forward.push_back(forward);

    RelationEnd reverse = forward;
    reverse.model = target;
    reverse.related = &model;
    reverse.reverse = true;
    reverse.accessor = reverse_accessor_name(field, kind, model.name, self_symmetrical);
    reverse.query_name = reverse_query_name(field, model.name, self_symmetrical);
    by_table_[target->table].reverse.push_back(std::move(reverse));
}

void RelationIndex::index_names(const ModelState& model, ModelRelations& relations) {
    for (const RelationEnd& end : relations.forward) {
        relations.by_query.emplace(end.query_name, &end);
        relations.by_accessor.emplace(end.accessor, &end);
    }
    // A field of the model shadows a reverse name, as in Django's get_field;
    // between two reverses of one name (a clash Django's checks refuse) the
    // first declared wins.
    for (const RelationEnd& end : relations.reverse) {
        if (!end.query_name.empty() && !model.find_field(end.query_name))
            relations.by_query.emplace(end.query_name, &end);
        if (!end.accessor.empty() && !model.find_field(end.accessor))
            relations.by_accessor.emplace(end.accessor, &end);
    }
}

const RelationIndex::ModelRelations* RelationIndex::find(const ModelState& model) const {
    auto it = by_table_.find(model.table);
    return it == by_table_.end() ? nullptr : &it->second;
}

const std::vector<RelationEnd>& RelationIndex::forward_of(const ModelState& model) const {
    static const std::vector<RelationEnd> none;
    const ModelRelations* relations = find(model);
    return relations ? relations->forward : none;
}

const std::vector<RelationEnd>& RelationIndex::reverse_of(const ModelState& model) const {
    static const std::vector<RelationEnd> none;
    const ModelRelations* relations = find(model);
    return relations ? relations->reverse : none;
}

const RelationEnd* RelationIndex::by_query_name(const ModelState& model,
                                                const std::string& name) const {
    const ModelRelations* relations = find(model);
    if (!relations) return nullptr;
    auto it = relations->by_query.find(name);
    return it == relations->by_query.end() ? nullptr : it->second;
}

const RelationEnd* RelationIndex::by_accessor(const ModelState& model,
                                              const std::string& name) const {
    const ModelRelations* relations = find(model);
    if (!relations) return nullptr;
    auto it = relations->by_accessor.find(name);
    return it == relations->by_accessor.end() ? nullptr : it->second;
}

}  // namespace covet
