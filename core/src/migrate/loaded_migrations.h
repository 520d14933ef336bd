// The migrations of a MigrationSource loaded once for a covet::migrate or
// covet::check call: the graph, checked by replaying it (as every command
// that runs SQL does), and the states it builds.
#pragma once

#include <memory>

#include "covet/dialect.h"
#include "covet/graph.h"
#include "covet/migrate.h"
#include "covet/state_at.h"

namespace covet {

class LoadedMigrations {
  public:
    // Throws LoadError; `dialect` checks names the database cannot keep.
    LoadedMigrations(const MigrationSource& source, const Dialect& dialect);
    LoadedMigrations(const LoadedMigrations&) = delete;
    LoadedMigrations& operator=(const LoadedMigrations&) = delete;

    const MigrationGraph& graph() const { return graph_; }
    StateCache& states() { return *states_; }

  private:
    MigrationGraph graph_;
    std::unique_ptr<StateCache> states_;
};

}  // namespace covet
