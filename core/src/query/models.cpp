#include "covet/models.h"

#include "covet/error.h"
#include "covet/graph.h"
#include "covet/loader.h"
#include "covet/registry.h"
#include "covet/state_at.h"

namespace covet {

Models::Models(ProjectState state)
    : state_(std::make_shared<const ProjectState>(std::move(state))) {}

const ModelState& Models::model(const std::string& name) const {
    if (const ModelState* model = state_->find_model(name)) return *model;
    if (const ModelState* model = state_->find_table(name)) return *model;
    std::string known;
    for (const ModelState* model : state_->models())
        if (!model->auto_created) known += (known.empty() ? "" : ", ") + model->name;
    throw QueryError("unknown model '" + name +
                     "'; the models are: " + (known.empty() ? "(none)" : known));
}

}  // namespace covet

namespace covet {

namespace {

Models models_of(std::vector<Migration> migrations) {
    MigrationGraph graph(std::move(migrations));
    std::set<MigrationKey> all;
    for (const Migration* migration : graph.order())
        all.insert(migration->key());
    return Models(state_at(graph, all));
}

}  // namespace

Models models_from_migrations(const std::string& directory) {
    return models_of(load_migration_directory(directory));
}

Models models_from_migrations(const MigrationRegistry& registry) {
    return models_of(registry.migrations());
}

}  // namespace covet
