#include "plan_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

#include "commands.h"
#include "covet/error.h"
#include "covet/migration_lock.h"
#include "covet/recorder.h"
#include "covet/soft_applied.h"
#include "step_report.h"
#include "util/json_writer.h"

namespace covet::cli {

namespace {

std::set<MigrationKey> key_set(const std::map<MigrationKey, AppliedMigration>& applied) {
    std::set<MigrationKey> out;
    for (const auto& [key, record] : applied)
        out.insert(key);
    return out;
}

}  // namespace

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

std::vector<MigrationKey> application_order(CommandContext& ctx) {
    return application_order(MigrationRecorder(ctx.connection()).applied());
}

std::set<MigrationKey> applied_keys(CommandContext& ctx) {
    return key_set(MigrationRecorder(ctx.connection()).applied());
}

namespace {

std::chrono::milliseconds milliseconds_of(double seconds) {
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(seconds * 1000)));
}

// Nothing, not even the partial migration's revert, runs before the plan
// that follows it is known to be reversible.
void check_plan_after_recovery(CommandContext& ctx, const PlanBuilder& build,
                               const MigrationExecutor& executor,
                               const std::optional<JournalEntry>& partial, bool resume) {
    MigrationRecorder recorder(ctx.connection());
    auto history = recorder.applied();
    auto after = applied_after_recovery(key_set(history), partial, resume);
    MigrationPlanner ahead(ctx.graph(), after);
    ahead.set_application_order(application_order(history));
    Plan planned = build({ahead, reverts_partial_apply(partial, resume)});
    executor.check_reversible(planned, executor.states_before(planned, after));
}

// One step at a time, so that each initial migration is judged against the
// schema the steps before it left: recorded unrun when its tables exist as
// it would make them, refused (a MigrationError naming the differences)
// when they exist otherwise, run when none exists.
void run_faking_initial(CommandContext& ctx, const MigrationExecutor& executor, const Plan& plan,
                        std::set<MigrationKey> applied, const ExecutorOptions& options,
                        std::vector<StepResult>& done) {
    for (const PlanStep& step : plan) {
        ExecutorOptions one = options;
        if (!step.backwards && step.migration) {
            std::set<MigrationKey> after = applied;
            after.insert(step.key());
            SoftApplied soft =
                detect_soft_applied(*step.migration, ctx.state_at(after), ctx.connection());
            if (soft.outcome == SoftApplied::Outcome::Differs) {
                std::string differences;
                for (const auto& d : soft.differences)
                    differences += (differences.empty() ? "" : "; ") + d.message();
                throw MigrationError("--fake-initial: the tables of " + step.key().to_string() +
                                     " exist with another shape: " + differences);
            }
            one.fake = soft.outcome == SoftApplied::Outcome::Matches;
        }
        executor.run(ctx.connection(), Plan{step}, applied, one, [&](const StepResult& result) {
            done.push_back(result);
            print_step(ctx, result, one.fake);
        });
        if (step.backwards)
            applied.erase(step.key());
        else
            applied.insert(step.key());
    }
}

// Recovers a partial migration, then plans and runs; `done` collects the steps.
void run_plan(CommandContext& ctx, const PlanBuilder& build, const RunOptions& options,
              std::vector<StepResult>& done) {
    Connection& connection = ctx.connection();
    MigrationRecorder recorder(connection);
    recorder.ensure_schema();
    MigrationExecutor executor(ctx.graph(), connection.dialect(), &ctx.states());
    ExecutorOptions run_options;
    run_options.fake = options.fake;
    run_options.ddl_lock_timeout = milliseconds_of(options.ddl_lock_timeout_seconds);
    // A run killed inside a migration on a database whose DDL commits
    // left a journal: put that migration back in order first.
    auto partial = MigrationJournal(connection).read();
    if (partial && !options.fake)
        check_plan_after_recovery(ctx, build, executor, partial, options.resume);
    std::string recovered = executor.recover_partial(connection, options.resume, run_options);
    if (!recovered.empty() && !ctx.json()) std::cerr << recovered << std::endl;
    auto history = recorder.applied();
    std::set<MigrationKey> applied = key_set(history);
    MigrationPlanner planner(ctx.graph(), applied);
    planner.allow_missing_files(options.fake);
    planner.set_application_order(application_order(history));
    Plan plan = build({planner, reverts_partial_apply(partial, options.resume)});
    if (plan.empty() && recovered.empty() && !ctx.json() && !ctx.quiet())
        ctx.out() << options.nothing_to_do << "\n";
    if (options.fake_initial && !options.fake) {
        run_faking_initial(ctx, executor, plan, applied, run_options, done);
        return;
    }
    executor.run(connection, plan, applied, run_options, [&](const StepResult& step) {
        done.push_back(step);
        print_step(ctx, step, options.fake);
    });
}

}  // namespace

void check_timeout_seconds(const char* flag, double seconds) {
    constexpr double kYear = 365.0 * 24 * 3600;
    if (!(seconds >= 0 && seconds <= kYear))  // also false for nan
        throw UsageError(std::string(flag) + " must be a number of seconds from 0 to " +
                         std::to_string(static_cast<long long>(kYear)));
}

int run_plan_locked(CommandContext& ctx, const PlanBuilder& build, const RunOptions& options) {
    MigrationLock& lock = migration_lock_of(ctx.connection());
    lock.acquire_migration_lock(milliseconds_of(options.lock_timeout_seconds));
    std::vector<StepResult> done;
    try {
        run_plan(ctx, build, options, done);
        lock.release_migration_lock(true);
    } catch (...) {
        // Keep what earlier migrations of this run did; the failed one is undone.
        try {
            lock.release_migration_lock(true);
        } catch (const Error&) {
        }
        report_steps(ctx, done);
        throw;
    }
    report_steps(ctx, done);
    return kExitOk;
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

std::optional<JournalEntry> pending_partial(CommandContext& ctx) {
    Connection& connection = ctx.connection();
    // Any back end can have one: atomic: false migrations are journaled too.
    return MigrationJournal(connection).read();
}

}  // namespace covet::cli
