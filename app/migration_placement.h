// Where a new migration of an app goes: its number, its file, and the
// migrations it depends on (the app's leaves, and those of the apps whose
// tables its foreign keys point at).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "covet/graph.h"

namespace covet::cli {

struct Placement {
    std::string app;
    int number = 1;
    std::string directory;  // where the app's files are
    std::vector<MigrationKey> dependencies;
    bool initial() const { return number == 1; }
};

// `graph` is null when the migrations directory does not exist yet.
// `other_apps` are apps the new migration refers to besides its own.
Placement place_migration(const MigrationGraph* graph, const std::string& migrations_dir,
                          const std::string& app, const std::set<std::string>& other_apps);

// The single app of the graph's migrations, or "default".
std::string only_app(const MigrationGraph* graph);

}  // namespace covet::cli
