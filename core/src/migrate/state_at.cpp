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

ProjectState state_before(const MigrationGraph& graph, const Migration& migration) {
    std::set<MigrationKey> keys = graph.ancestors(migration.key());
    keys.erase(migration.key());
    return state_at(graph, keys);
}

}  // namespace covet
