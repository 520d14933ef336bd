// `migrate --fake-initial` (Django's MigrationExecutor.detect_soft_applied):
// an initial migration whose tables already exist with the shape it gives
// them is recorded without running it.
#pragma once

#include <vector>

#include "covet/connection.h"
#include "covet/migration.h"
#include "covet/schema_drift.h"

namespace covet {

// `initial: true`, or unset and the app's first migration (no dependency in
// its own app) made of create_table operations only.
bool is_initial_migration(const Migration& migration);

struct SoftApplied {
    enum class Outcome {
        NotInitial,  // not an initial migration: run it as usual
        Absent,      // none of its tables exists: run it
        Matches,     // all exist as it would make them: record it unrun
        Differs      // some exist, or exist otherwise: refuse
    };
    Outcome outcome = Outcome::NotInitial;
    std::vector<DriftFinding> differences;  // for Differs
};

// `after` is the state once `migration` is applied.
SoftApplied detect_soft_applied(const Migration& migration, const ProjectState& after,
                                Connection& connection);

}  // namespace covet
