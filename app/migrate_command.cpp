#include <memory>

#include "commands.h"
#include "covet/error.h"
#include "plan_runner.h"

namespace covet::cli {

namespace {
struct MigrateArgs {
    std::string target;
    bool fake = false;
    bool fake_initial = false;
    bool plan = false;
    bool sql = false;
    bool check = false;
    bool resume = false;
    double lock_timeout = 60;
    double ddl_lock_timeout = 10;
};
}  // namespace

CommandRun add_migrate_command(CLI::App& app) {
    auto args = std::make_shared<MigrateArgs>();
    CLI::App* cmd = app.add_subcommand("migrate", "Apply unapplied migrations (or move to TARGET)");
    CLI::Option* target_option =
        cmd->add_option("target", args->target, "NAME, unique prefix, APP.NAME, APP.zero or zero");
    cmd->add_flag("--fake", args->fake, "record as applied without running SQL");
    cmd->add_flag("--fake-initial", args->fake_initial,
                  "record an initial migration whose tables already exist, unrun");
    cmd->add_flag("--plan", args->plan, "list what would run");
    cmd->add_flag("--sql", args->sql, "print the SQL instead of running it");
    cmd->add_flag("--check", args->check, "exit 3 if anything is unapplied; run nothing");
    cmd->add_flag("--resume", args->resume, "continue a partial migration instead of reverting it");
    cmd->add_option("--lock-timeout", args->lock_timeout, "seconds to wait for the migration lock");
    cmd->add_option("--ddl-lock-timeout", args->ddl_lock_timeout,
                    "seconds each DDL statement may wait for table locks");
    return [args, target_option](CommandContext& ctx) {
        // An empty variable in a script must not mean "everything".
        if (target_option->count() > 0 && args->target.empty())
            throw UsageError("the migration target is empty");
        check_timeout_seconds("--lock-timeout", args->lock_timeout);
        check_timeout_seconds("--ddl-lock-timeout", args->ddl_lock_timeout);
        const MigrationGraph& graph = ctx.graph();
        std::optional<Target> target;
        if (!args->target.empty()) target = graph.resolve(args->target);
        auto build = [target](const PlanInputs& in) { return in.planner.migrate(target); };
        if (args->plan || args->sql || args->check) {
            auto partial = pending_partial(ctx);
            std::set<MigrationKey> applied =
                applied_after_recovery(applied_keys(ctx), partial, args->resume);
            MigrationPlanner planner(graph, applied);
            // --plan lists a recorded migration without a file instead of failing.
            planner.allow_missing_files(args->plan || args->fake);
            Plan plan = build({planner, reverts_partial_apply(partial, args->resume)});
            if (args->check) return print_unapplied(ctx, plan, partial);
            if (args->sql)
                return print_plan_sql(ctx, plan, applied, ctx.connection().dialect(), partial,
                                      args->resume);
            return print_plan(ctx, plan, partial, args->resume);
        }
        RunOptions options;
        options.fake = args->fake;
        options.fake_initial = args->fake_initial;
        options.resume = args->resume;
        options.lock_timeout_seconds = args->lock_timeout;
        options.ddl_lock_timeout_seconds = args->ddl_lock_timeout;
        return run_plan_locked(ctx, build, options);
    };
}

}  // namespace covet::cli
