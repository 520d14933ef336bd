// Shared by migrate and rollback: plan under the migration lock, run, and
// report each step as text or JSON (the run itself: migrate/locked_run.h).
#pragma once

#include <functional>
#include <ostream>
#include <set>
#include <string>

#include "command_context.h"
#include "covet/executor.h"
#include "covet/journal.h"
#include "migrate/locked_run.h"
#include "plan_output.h"

namespace covet::cli {

// The partial migration a killed run left (MySQL/MariaDB journal), if any.
std::optional<JournalEntry> pending_partial(CommandContext& ctx);

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

// The applied set as recorded (read-only; no history table means none).
std::set<MigrationKey> applied_keys(CommandContext& ctx);
// The applied migrations in the order they were applied.
std::vector<MigrationKey> application_order(CommandContext& ctx);

}  // namespace covet::cli
