#include "migrate/loaded_migrations.h"

#include "covet/executor.h"
#include "covet/loader.h"

namespace covet {

namespace {

std::vector<Migration> read_source(const MigrationSource& source) {
    std::vector<Migration> migrations;
    if (!source.directory.empty()) {
        // Migrations registered in C++ may be all there is.
        bool allow_missing = source.registry && !source.registry->empty();
        migrations = load_migration_directory(source.directory, allow_missing);
    }
    if (source.registry)
        for (const auto& m : source.registry->migrations())
            migrations.push_back(m);
    return migrations;
}

}  // namespace

LoadedMigrations::LoadedMigrations(const MigrationSource& source, const Dialect& dialect)
    : graph_(read_source(source)), states_(std::make_unique<StateCache>(graph_)) {
    ProjectState all = replay_all(graph_, &dialect);
    std::set<MigrationKey> keys;
    for (const Migration* m : graph_.order())
        keys.insert(m->key());
    states_->remember(keys, std::move(all));
}

}  // namespace covet
