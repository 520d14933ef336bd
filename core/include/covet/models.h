// The models of the ORM: the project state that the migrations build
// (SPEC.md §5), shared read-only by every query and record made from it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "covet/model_state.h"

namespace covet {

class MigrationRegistry;
class FieldSlots;

// A cheap-to-copy handle on one read-only state.
class Models {
  public:
    explicit Models(ProjectState state);
    const ProjectState& state() const { return *state_; }
    // By model name (case-insensitive, as Django) or table name; throws
    // QueryError naming the models there are.
    const ModelState& model(const std::string& name) const;
    std::vector<const ModelState*> all() const { return state_->models(); }
    // Used by the query engine: where each concrete field of a model of
    // this state sits in a record; nullptr for a model of another state.
    const FieldSlots* slots(const ModelState& model) const;

  private:
    struct Shared;  // the state and its FieldSlotTables, in one block
    std::shared_ptr<const Shared> shared_;
    const ProjectState* state_;  // in *shared_
};

// The state every migration in `directory` builds (as Django's models are
// the state at all migrations). Throws LoadError for a broken migration.
Models models_from_migrations(const std::string& directory);
// The same for migrations registered from C++.
Models models_from_migrations(const MigrationRegistry& registry);

}  // namespace covet
