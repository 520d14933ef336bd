#include <memory>

#include "commands.h"
#include "covet/error.h"
#include "plan_runner.h"

namespace covet::cli {

namespace {
struct RollbackArgs {
    int steps = 1;
    std::string to;
    bool fake = false;
    bool sql = false;
    double lock_timeout = 60;
};
}  // namespace

CommandRun add_rollback_command(CLI::App& app) {
    auto args = std::make_shared<RollbackArgs>();
    CLI::App* cmd = app.add_subcommand("rollback", "Un-apply the last N applied migrations");
    auto* steps = cmd->add_option("--steps", args->steps, "how many migrations (default 1)");
    auto* to = cmd->add_option("--to", args->to, "un-apply everything applied after TARGET");
    steps->excludes(to);
    cmd->add_flag("--fake", args->fake, "remove the records without running SQL");
    cmd->add_flag("--sql", args->sql, "print the SQL instead of running it");
    cmd->add_option("--lock-timeout", args->lock_timeout, "seconds to wait for the migration lock");
    return [args, to](CommandContext& ctx) {
        if (to->count() > 0 && args->to.empty()) throw UsageError("--to needs a migration target");
        if (args->steps < 1) throw UsageError("--steps must be at least 1");
        check_timeout_seconds("--lock-timeout", args->lock_timeout);
        const MigrationGraph& graph = ctx.graph();
        std::optional<Target> target;
        if (!args->to.empty()) target = graph.resolve(args->to);
        int steps = args->steps;
        // Reverting a half-applied migration un-applies it: it is the first step.
        auto build = [target, steps](const PlanInputs& in) {
            if (target) return in.planner.rollback_to(*target);
            int left = steps - (in.reverts_partial_apply ? 1 : 0);
            return left > 0 ? in.planner.rollback_steps(left) : Plan{};
        };
        if (args->sql) {
            std::set<MigrationKey> applied = applied_keys(ctx);
            auto partial = pending_partial(ctx);
            MigrationPlanner planner(graph, applied);
            planner.set_application_order(application_order(ctx));
            Plan plan = build({planner, reverts_partial_apply(partial, false)});
            return print_plan_sql(ctx, plan, applied, ctx.connection().dialect(), partial);
        }
        RunOptions options;
        options.fake = args->fake;
        options.lock_timeout_seconds = args->lock_timeout;
        options.nothing_to_do = "No migrations to roll back.";
        return run_plan_locked(ctx, build, options);
    };
}

}  // namespace covet::cli
