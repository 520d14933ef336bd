#include "covet/state_at.h"

namespace covet {

void apply_forwards(const Migration& migration, ProjectState& state) {
    for (const auto& op : migration.operations)
        op->state_forwards(migration.app, state);
}

ProjectState state_at(const MigrationGraph& graph, const std::set<MigrationKey>& applied) {
    ProjectState state;
    for (const Migration* m : graph.order())
        if (applied.count(m->key())) apply_forwards(*m, state);
    return state;
}

std::set<MigrationKey> keys_before(const MigrationGraph& graph, const Migration& migration) {
    std::set<MigrationKey> keys = graph.ancestors(migration.key());
    keys.erase(migration.key());
    return keys;
}

ProjectState state_before(const MigrationGraph& graph, const Migration& migration) {
    return state_at(graph, keys_before(graph, migration));
}

std::set<MigrationKey> StateCache::known(const std::set<MigrationKey>& applied) const {
    std::set<MigrationKey> out;
    for (const auto& key : applied)
        if (graph_.contains(key)) out.insert(out.end(), key);
    return out;
}

const ProjectState& StateCache::at(const std::set<MigrationKey>& applied) {
    std::set<MigrationKey> keys = known(applied);
    // Replayed under the lock: two threads asking for one set replay it once.
    std::lock_guard lock(mutex_);
    auto it = states_.find(keys);
    if (it != states_.end()) return it->second;
    ProjectState state = state_at(graph_, keys);
    ++replays_;
    return states_.emplace(std::move(keys), std::move(state)).first->second;
}

void StateCache::remember(const std::set<MigrationKey>& applied, ProjectState state) {
    std::set<MigrationKey> keys = known(applied);
    std::lock_guard lock(mutex_);
    states_.emplace(std::move(keys), std::move(state));
}

std::size_t StateCache::replays() const {
    std::lock_guard lock(mutex_);
    return replays_;
}

}  // namespace covet
