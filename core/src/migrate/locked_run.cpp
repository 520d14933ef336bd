#include "migrate/locked_run.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "covet/error.h"
#include "covet/migration_lock.h"
#include "covet/recorder.h"
#include "covet/soft_applied.h"

namespace covet {

namespace {

std::set<MigrationKey> key_set(const std::map<MigrationKey, AppliedMigration>& applied) {
    std::set<MigrationKey> out;
    for (const auto& [key, record] : applied)
        out.insert(key);
    return out;
}

std::chrono::milliseconds milliseconds_of(double seconds) {
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(seconds * 1000)));
}

struct RunContext {
    Connection& connection;
    const MigrationGraph& graph;
    StateCache& states;
    const PlanBuilder& build;
    const LockedRunOptions& options;
    const LockedRunHooks& hooks;
};

// Nothing, not even the partial migration's revert, runs before the plan
// that follows it is known to be reversible.
void check_plan_after_recovery(const RunContext& run, const MigrationExecutor& executor,
                               const std::optional<JournalEntry>& partial) {
    MigrationRecorder recorder(run.connection);
    auto history = recorder.applied();
    auto after = applied_after_recovery(key_set(history), partial, run.options.resume);
    MigrationPlanner ahead(run.graph, after);
    ahead.set_application_order(application_order(history));
    Plan planned = run.build({ahead, reverts_partial_apply(partial, run.options.resume)});
    executor.check_reversible(planned, executor.states_before(planned, after));
}

// One step at a time, so that each initial migration is judged against the
// schema the steps before it left: recorded unrun when its tables exist as
// it would make them, refused (a MigrationError naming the differences)
// when they exist otherwise, run when none exists.
void run_faking_initial(const RunContext& run, const MigrationExecutor& executor, const Plan& plan,
                        std::set<MigrationKey> applied, const ExecutorOptions& options) {
    for (const PlanStep& step : plan) {
        ExecutorOptions one = options;
        if (!step.backwards && step.migration) {
            std::set<MigrationKey> after = applied;
            after.insert(step.key());
            SoftApplied soft =
                detect_soft_applied(*step.migration, run.states.at(after), run.connection);
            if (soft.outcome == SoftApplied::Outcome::Differs) {
                std::string differences;
                for (const auto& d : soft.differences)
                    differences += (differences.empty() ? "" : "; ") + d.message();
                throw MigrationError("--fake-initial: the tables of " + step.key().to_string() +
                                     " exist with another shape: " + differences);
            }
            one.fake = soft.outcome == SoftApplied::Outcome::Matches;
        }
        executor.run(run.connection, Plan{step}, applied, one, [&](const StepResult& result) {
            StepResult reported = result;
            reported.faked = one.fake;
            if (run.hooks.step) run.hooks.step(reported);
        });
        if (step.backwards)
            applied.erase(step.key());
        else
            applied.insert(step.key());
    }
}

// Recovers a partial migration, then plans and runs.
void run_plan(const RunContext& run) {
    MigrationRecorder recorder(run.connection);
    recorder.ensure_schema();
    MigrationExecutor executor(run.graph, run.connection.dialect(), &run.states);
    ExecutorOptions run_options;
    run_options.fake = run.options.fake;
    run_options.ddl_lock_timeout = milliseconds_of(run.options.ddl_lock_timeout_seconds);
    // A run killed inside a migration on a database whose DDL commits
    // left a journal: put that migration back in order first.
    auto partial = MigrationJournal(run.connection).read();
    if (partial && !run.options.fake) check_plan_after_recovery(run, executor, partial);
    std::string recovered =
        executor.recover_partial(run.connection, run.options.resume, run_options);
    if (!recovered.empty() && run.hooks.recovered) run.hooks.recovered(recovered);
    auto history = recorder.applied();
    std::set<MigrationKey> applied = key_set(history);
    MigrationPlanner planner(run.graph, applied);
    planner.allow_missing_files(run.options.fake);
    planner.set_application_order(application_order(history));
    Plan plan = run.build({planner, reverts_partial_apply(partial, run.options.resume)});
    if (plan.empty() && recovered.empty() && run.hooks.nothing_to_do) run.hooks.nothing_to_do();
    if (run.options.fake_initial && !run.options.fake) {
        run_faking_initial(run, executor, plan, applied, run_options);
        return;
    }
    executor.run(run.connection, plan, applied, run_options, [&](const StepResult& step) {
        StepResult reported = step;
        reported.faked = run.options.fake;
        if (run.hooks.step) run.hooks.step(reported);
    });
}

}  // namespace

void run_migrations_locked(Connection& connection, const MigrationGraph& graph, StateCache& states,
                           const PlanBuilder& build, const LockedRunOptions& options,
                           const LockedRunHooks& hooks) {
    MigrationLock& lock = migration_lock_of(connection);
    lock.acquire_migration_lock(milliseconds_of(options.lock_timeout_seconds));
    try {
        run_plan({connection, graph, states, build, options, hooks});
    } catch (...) {
        // Keep what earlier migrations of this run did; the failed one is undone.
        try {
            lock.release_migration_lock(true);
        } catch (const Error&) {
        }
        throw;
    }
    lock.release_migration_lock(true);
}

std::vector<MigrationKey> application_order(
    const std::map<MigrationKey, AppliedMigration>& history) {
    std::vector<std::pair<std::int64_t, MigrationKey>> by_id;
    for (const auto& [key, record] : history)
        by_id.emplace_back(record.id, key);
    std::sort(by_id.begin(), by_id.end());
    std::vector<MigrationKey> out;
    for (auto& [id, key] : by_id)
        out.push_back(std::move(key));
    return out;
}

void write_step_line(std::ostream& out, const StepResult& step, bool fake) {
    out << (step.backwards ? "Unapplying " : "Applying ") << step.key.to_string() << "..."
        << (fake ? " FAKED" : " OK") << " ("
        << static_cast<long long>(std::llround(step.duration_ms)) << " ms)" << std::endl;
}

std::set<MigrationKey> applied_after_recovery(std::set<MigrationKey> applied,
                                              const std::optional<JournalEntry>& partial,
                                              bool resume) {
    if (partial && resume) {
        if (partial->backwards)
            applied.erase(partial->key);
        else
            applied.insert(partial->key);
    }
    return applied;
}

void check_timeout_seconds(const char* option, double seconds) {
    constexpr double kYear = 365.0 * 24 * 3600;
    if (!(seconds >= 0 && seconds <= kYear))  // also false for nan
        throw UsageError(std::string(option) + " must be a number of seconds from 0 to " +
                         std::to_string(static_cast<long long>(kYear)));
}

}  // namespace covet
