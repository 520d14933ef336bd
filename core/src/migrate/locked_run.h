// One migrate or rollback run under the migration lock: recover what a killed
// run left, plan against the recorded history and apply. Shared by the
// command line (app/plan_runner.cpp) and covet::migrate (covet/migrate.h),
// so both take the same lock, keep the same journal and report the same steps.
#pragma once

#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>

#include "covet/connection.h"
#include "covet/executor.h"
#include "covet/graph.h"
#include "covet/journal.h"
#include "covet/recorder.h"
#include "covet/state_at.h"

namespace covet {

// What a plan is built from: the planner over the applied set, and whether
// a migration that a killed run left half-applied is reverted first (that
// revert un-applies it, so `rollback --steps N` counts it as one step).
struct PlanInputs {
    const MigrationPlanner& planner;
    bool reverts_partial_apply = false;
};
using PlanBuilder = std::function<Plan(const PlanInputs&)>;

struct LockedRunOptions {
    bool fake = false;
    bool resume = false;  // finish a partial migration instead of reverting it
    // Record an initial migration whose tables already exist as it would
    // make them without running it; refuse one whose tables differ.
    bool fake_initial = false;
    double lock_timeout_seconds = 60;
    double ddl_lock_timeout_seconds = 10;
};

// Told what happens, in order; any of them may be empty.
struct LockedRunHooks {
    std::function<void(const std::string&)> recovered;  // a partial migration put back in order
    std::function<void()> nothing_to_do;                // empty plan, nothing recovered
    std::function<void(const StepResult&)> step;        // each step as it finishes
};

// Takes the lock, reads the history, builds the plan and runs it; releases
// the lock on every path. Steps finished before a failure stay applied.
void run_migrations_locked(Connection& connection, const MigrationGraph& graph, StateCache& states,
                           const PlanBuilder& build, const LockedRunOptions& options,
                           const LockedRunHooks& hooks);

// "Applying app.0001_x... OK (12 ms)": a step as `covet migrate` prints it.
void write_step_line(std::ostream& out, const StepResult& step, bool fake);

// The applied set once the partial migration is dealt with: a resumed one
// is then recorded (or, backwards, no longer recorded).
std::set<MigrationKey> applied_after_recovery(std::set<MigrationKey> applied,
                                              const std::optional<JournalEntry>& partial,
                                              bool resume);
// Whether taking it back counts as un-applying a migration.
inline bool reverts_partial_apply(const std::optional<JournalEntry>& partial, bool resume) {
    return partial && !partial->backwards && !resume;
}

// The applied migrations of a recorded history in the order they were applied.
std::vector<MigrationKey> application_order(
    const std::map<MigrationKey, AppliedMigration>& history);

// A timeout option's seconds: finite, not negative and at most a year;
// anything else (nan, inf, 1e99) is a UsageError naming the option.
void check_timeout_seconds(const char* option, double seconds);

}  // namespace covet
