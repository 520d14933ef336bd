#include "plan_runner.h"

#include <iostream>

#include "commands.h"
#include "covet/recorder.h"
#include "step_report.h"

namespace covet::cli {

std::vector<MigrationKey> application_order(CommandContext& ctx) {
    return covet::application_order(MigrationRecorder(ctx.connection()).applied());
}

std::set<MigrationKey> applied_keys(CommandContext& ctx) {
    std::set<MigrationKey> out;
    for (const auto& [key, record] : MigrationRecorder(ctx.connection()).applied())
        out.insert(key);
    return out;
}

int run_plan_locked(CommandContext& ctx, const PlanBuilder& build, const RunOptions& options) {
    LockedRunOptions run_options;
    run_options.fake = options.fake;
    run_options.resume = options.resume;
    run_options.fake_initial = options.fake_initial;
    run_options.lock_timeout_seconds = options.lock_timeout_seconds;
    run_options.ddl_lock_timeout_seconds = options.ddl_lock_timeout_seconds;
    std::vector<StepResult> done;
    LockedRunHooks hooks;
    hooks.recovered = [&](const std::string& message) {
        if (!ctx.json()) std::cerr << message << std::endl;
    };
    hooks.nothing_to_do = [&] {
        if (!ctx.json() && !ctx.quiet()) ctx.out() << options.nothing_to_do << "\n";
    };
    hooks.step = [&](const StepResult& step) {
        done.push_back(step);
        print_step(ctx, step, step.faked);
    };
    Connection& connection = ctx.connection();
    const MigrationGraph& graph = ctx.graph();
    try {
        run_migrations_locked(connection, graph, ctx.states(), build, run_options, hooks);
    } catch (...) {
        report_steps(ctx, done);
        throw;
    }
    report_steps(ctx, done);
    return kExitOk;
}

std::optional<JournalEntry> pending_partial(CommandContext& ctx) {
    // Any back end can have one: atomic: false migrations are journaled too.
    return MigrationJournal(ctx.connection()).read();
}

}  // namespace covet::cli
