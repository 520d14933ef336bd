#include "covet/models.h"

#include "covet/error.h"
#include "covet/graph.h"
#include "covet/loader.h"
#include "covet/registry.h"
#include "covet/state_at.h"
#include "query/field_slots.h"

namespace covet {

struct Models::Shared {
    explicit Shared(ProjectState from) : state(std::move(from)), slots(state) {}
    ProjectState state;
    FieldSlotTables slots;
};

Models::Models(ProjectState state)
    : shared_(std::make_shared<const Shared>(std::move(state))), state_(&shared_->state) {}

const FieldSlots* Models::slots(const ModelState& model) const {
    return shared_->slots.of(model);
}

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
