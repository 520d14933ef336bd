// Migrations run by the application itself, at start-up:
//
//   auto db = covet::open(url);
//   covet::MigrateOptions options;
//   options.out = &std::cout;  // "Applying blog.0001_initial... OK (12 ms)"
//   covet::migrate(db, "migrations", options);
//
// The same run as `covet migrate`: the migration lock (so several replicas
// starting together apply each migration once: the others wait, then find
// nothing to do), the journal of a killed run, the history table, and the
// same lines printed. `covet::check` returns what `covet check` reports.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "covet/database.h"
#include "covet/executor.h"
#include "covet/registry.h"

namespace covet {

// Where the migrations come from: a directory of YAML files, migrations
// registered in C++, or both (as `covet::cli::main` with a registry).
struct MigrationSource {
    MigrationSource(std::string directory) : directory(std::move(directory)) {}
    MigrationSource(const char* directory) : directory(directory) {}
    MigrationSource(const MigrationRegistry& registry) : registry(&registry) {}
    MigrationSource(std::string directory, const MigrationRegistry& registry)
        : directory(std::move(directory)), registry(&registry) {}

    std::string directory;                        // empty: none
    const MigrationRegistry* registry = nullptr;  // not owned; outlives the call
};

struct MigrateOptions {
    // A migration name, unique prefix, APP.NAME, APP.zero or zero; empty
    // applies every unapplied migration.
    std::string target;
    bool fake = false;  // record as applied without running SQL
    // As `migrate --fake-initial`: an initial migration whose tables exist
    // as it would make them is recorded unrun; other shapes are refused.
    bool fake_initial = false;
    bool resume = false;  // finish a partial migration instead of reverting it
    double lock_timeout_seconds = 60;
    double ddl_lock_timeout_seconds = 10;
    // The text `covet migrate` prints on stdout ("No migrations to apply.",
    // "Applying ... OK (n ms)") and on stderr (a recovered partial
    // migration); null streams print nothing.
    std::ostream* out = nullptr;
    std::ostream* err = nullptr;
};

struct MigrateResult {
    std::vector<StepResult> steps;  // what this call applied or unapplied, in order
};

// Applies the pending migrations. Throws LoadError for bad migrations,
// MigrationError when one fails (those before it stay applied), LockTimeoutError
// when another run holds the lock past the timeout.
MigrateResult migrate(const Database& db, const MigrationSource& source,
                      const MigrateOptions& options = {});

struct CheckFinding {
    enum class Kind { Modified, Partial, Missing, InconsistentHistory, Drift, Graph };
    Kind kind;
    std::string message;  // the line `covet check` prints, e.g. "drift: ..."
};

// Checksums, missing files, the graph, the recorded history and the live
// schema against what the applied migrations build. Empty when all agree.
std::vector<CheckFinding> check(const Database& db, const MigrationSource& source);

}  // namespace covet
