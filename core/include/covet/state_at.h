// The project state at a set of migrations (Django's make_state): what the
// migrations in a set build when replayed in graph order. One definition for
// every command that needs a state: drift checks, sqlmigrate, the executor.
#pragma once

#include <map>
#include <mutex>
#include <set>

#include "covet/graph.h"
#include "covet/model_state.h"

namespace covet {

// Replays `migration`'s operations onto `state`.
void apply_forwards(const Migration& migration, ProjectState& state);

// The state the migrations of `applied` build, in graph order. Keys without a
// migration in the graph (recorded, file missing) are ignored.
ProjectState state_at(const MigrationGraph& graph, const std::set<MigrationKey>& applied);

// What is applied before `migration` runs on its own: exactly its
// ancestors, whatever else comes earlier in the file order on a sibling branch.
std::set<MigrationKey> keys_before(const MigrationGraph& graph, const Migration& migration);

// The state at keys_before(graph, migration).
ProjectState state_before(const MigrationGraph& graph, const Migration& migration);

// States at sets of migrations, each replayed once: a command that needs the
// state at the same set twice (the graph check and the plan of
// `migrate zero`, both at everything applied) replays it once. Safe to use
// from several threads; the states it hands out are never changed.
class StateCache {
  public:
    explicit StateCache(const MigrationGraph& graph) : graph_(graph) {}
    StateCache(const StateCache&) = delete;
    StateCache& operator=(const StateCache&) = delete;

    // state_at(graph, applied), replayed on the first request for that set.
    const ProjectState& at(const std::set<MigrationKey>& applied);
    // Keeps a state built elsewhere (replay_all's) as the state at `applied`.
    void remember(const std::set<MigrationKey>& applied, ProjectState state);
    // How many replays at() has run: for tests.
    std::size_t replays() const;

  private:
    // The keys state_at uses: those with a migration in the graph.
    std::set<MigrationKey> known(const std::set<MigrationKey>& applied) const;
    const MigrationGraph& graph_;
    mutable std::mutex mutex_;
    std::map<std::set<MigrationKey>, ProjectState> states_;  // nodes never move
    std::size_t replays_ = 0;
};

}  // namespace covet
