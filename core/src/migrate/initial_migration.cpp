// The first migration of an adopted database (covet/live_state.h).
#include <memory>

#include "covet/live_state.h"
#include "covet/operation.h"
#include "covet/state_yaml.h"

namespace covet {

Migration initial_migration(const ProjectState& state, const std::string& app) {
    Migration migration;
    migration.app = app;
    migration.name = "0001_initial";
    // Its tables exist already: `migrate --fake-initial` may record it unrun
    // (it may add many-to-many fields after the tables, so say it outright).
    migration.initial = true;
    std::vector<OperationPtr> later;
    for (const ModelState* model : models_in_dependency_order(state)) {
        auto op = std::make_shared<CreateTable>();
        op->table = model->table;
        if (model->name != model_name_for_table(model->table)) op->model = model->name;
        // A many-to-many field through a model comes once that model exists.
        for (const Field& field : model->fields) {
            if (!field.is_many_to_many() || field.through.empty()) {
                op->fields.push_back(field);
                continue;
            }
            auto add = std::make_shared<AddColumn>();
            add->table = model->table;
            add->field = field;
            later.push_back(std::move(add));
        }
        op->unique_together = model->unique_together;
        op->indexes = model->indexes;
        op->ordering = model->ordering;
        migration.operations.push_back(std::move(op));
    }
    for (auto& op : later)
        migration.operations.push_back(std::move(op));
    return migration;
}

}  // namespace covet
