// The models file: the state as a list of create_table bodies.
#include <functional>
#include <set>

#include "covet/state_yaml.h"
#include "migrate/yaml_bodies.h"

namespace covet {

void write_groups(yaml::Emitter& out, const std::vector<std::vector<std::string>>& groups) {
    out.begin_sequence(true);
    for (const auto& group : groups)
        out.flow_list(group);
    out.end_sequence();
}

void write_index_keys(yaml::Emitter& out, const IndexSpec& index) {
    out.key("name");
    out.text(index.name);
    out.key("columns");
    out.flow_list(index.columns);
    if (index.unique) {
        out.key("unique");
        out.literal("true");
    }
    if (!index.where.empty()) {
        out.key("where");
        out.text(index.where.text());
    }
    if (index.concurrently) {
        out.key("concurrently");
        out.literal("true");
    }
}

void write_table_body(yaml::Emitter& out, const TableBody& body) {
    out.key("table");
    out.text(body.table);
    if (!body.model.empty() && body.model != model_name_for_table(body.table)) {
        out.key("model");
        out.text(body.model);
    }
    out.key("fields");
    out.begin_map();
    for (const Field& f : *body.fields) {
        out.key(f.name);
        out.text(field_shorthand(f));
    }
    out.end_map();
    if (body.unique_together && !body.unique_together->empty()) {
        out.key("unique_together");
        write_groups(out, *body.unique_together);
    }
    if (body.indexes && !body.indexes->empty()) {
        out.key("indexes");
        out.begin_sequence();
        for (const IndexSpec& index : *body.indexes) {
            out.begin_map(true);
            write_index_keys(out, index);
            out.end_map();
        }
        out.end_sequence();
    }
    if (body.ordering && !body.ordering->empty()) {
        out.key("ordering");
        out.flow_list(*body.ordering);
    }
}

std::vector<const ModelState*> models_in_dependency_order(const ProjectState& state) {
    std::vector<const ModelState*> out;
    std::set<std::string> placed, visiting;
    std::function<void(const ModelState&)> place = [&](const ModelState& model) {
        if (placed.count(model.table) || !visiting.insert(model.table).second) return;
        for (const Field& f : model.fields) {
            if (!f.is_relation()) continue;
            if (const ModelState* target = state.resolve_target(f.to, model))
                if (target != &model && !target->auto_created) place(*target);
        }
        visiting.erase(model.table);
        placed.insert(model.table);
        out.push_back(&model);
    };
    for (const ModelState* model : state.models())
        if (!model->auto_created) place(*model);
    return out;
}

std::string models_yaml(const ProjectState& state) {
    std::vector<const ModelState*> models = models_in_dependency_order(state);
    std::set<std::string> apps;
    for (const ModelState* model : models)
        apps.insert(model->app);
    yaml::Emitter out;
    out.begin_map();
    if (apps.size() == 1 && *apps.begin() != "default") {
        out.key("app");
        out.text(*apps.begin());
    }
    out.key("models");
    out.begin_sequence();
    for (const ModelState* model : models) {
        out.begin_map();
        write_table_body(out, {model->table, model->name, &model->fields, &model->unique_together,
                               &model->indexes, &model->ordering});
        out.end_map();
    }
    out.end_sequence();
    out.end_map();
    return out.finish();
}

}  // namespace covet
