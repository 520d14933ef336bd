// Shared by migrate and rollback: plan under the migration lock, run, and
// report each step as text or JSON.
#pragma once

#include <functional>
#include <ostream>
#include <set>
#include <string>

#include "command_context.h"
#include "covet/executor.h"
#include "covet/journal.h"
#include "plan_output.h"

namespace covet::cli {

// What a plan is built from: the planner over the applied set, and whether
// a migration that a killed run left half-applied is reverted first (that
// revert un-applies it, so `rollback --steps N` counts it as one step).
struct PlanInputs {
    const MigrationPlanner& planner;
    bool reverts_partial_apply = false;
};
using PlanBuilder = std::function<Plan(const PlanInputs&)>;

// The partial migration a killed run left (MySQL/MariaDB journal), if any.
std::optional<JournalEntry> pending_partial(CommandContext& ctx);
// The applied set once the partial migration is dealt with: a resumed one
// is then recorded (or, backwards, no longer recorded).
std::set<MigrationKey> applied_after_recovery(std::set<MigrationKey> applied,
                                              const std::optional<JournalEntry>& partial,
                                              bool resume);
// Whether taking it back counts as un-applying a migration.
inline bool reverts_partial_apply(const std::optional<JournalEntry>& partial, bool resume) {
    return partial && !partial->backwards && !resume;
}

struct RunOptions {
    bool fake = false;
    // Record an initial migration unrun when its tables already exist as it
    // would make them; refuse when they exist otherwise (migrate --fake-initial).
    bool fake_initial = false;
    bool resume = false;  // finish a partial migration instead of reverting it
    double lock_timeout_seconds = 60;
    double ddl_lock_timeout_seconds = 10;
    // Printed when the plan is empty (text format).
    std::string nothing_to_do = "No migrations to apply.";
};

// Takes the lock, reads the history, builds the plan and runs it.
int run_plan_locked(CommandContext& ctx, const PlanBuilder& build, const RunOptions& options);

// A timeout flag's seconds: finite, not negative and at most a year;
// anything else (nan, inf, 1e99) is a UsageError naming the flag.
void check_timeout_seconds(const char* flag, double seconds);

// The applied set as recorded (read-only; no history table means none).
std::set<MigrationKey> applied_keys(CommandContext& ctx);
// The applied migrations in the order they were applied.
std::vector<MigrationKey> application_order(CommandContext& ctx);

}  // namespace covet::cli
