// The project state at a set of migrations (Django's make_state): what the
// migrations in a set build when replayed in graph order. One definition for
// every command that needs a state: drift checks, sqlmigrate, the executor.
#pragma once

#include <set>

#include "covet/graph.h"
#include "covet/model_state.h"

namespace covet {

// Replays `migration`'s operations onto `state`.
void apply_forwards(const Migration& migration, ProjectState& state);

// The state the migrations of `applied` build, in graph order. Keys without a
// migration in the graph (recorded, file missing) are ignored.
ProjectState state_at(const MigrationGraph& graph, const std::set<MigrationKey>& applied);

// The state before `migration` runs on its own: exactly its ancestors
// applied, whatever else comes earlier in the file order on a sibling branch.
ProjectState state_before(const MigrationGraph& graph, const Migration& migration);

}  // namespace covet
