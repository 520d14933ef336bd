#include <memory>

#include "commands.h"
#include "covet/error.h"
#include "covet/state_at.h"
#include "plan_runner.h"

namespace covet::cli {

namespace {
struct SqlmigrateArgs {
    std::string target;
    bool backwards = false;
};
}  // namespace

CommandRun add_sqlmigrate_command(CLI::App& app) {
    auto args = std::make_shared<SqlmigrateArgs>();
    CLI::App* cmd = app.add_subcommand("sqlmigrate", "Print the SQL of one migration");
    cmd->add_option("target", args->target, "NAME, unique prefix or APP.NAME")->required();
    cmd->add_flag("--backwards", args->backwards, "print the SQL that un-applies it");
    return [args](CommandContext& ctx) {
        const MigrationGraph& graph = ctx.graph();
        Target target = graph.resolve(args->target);
        if (target.is_zero()) throw UsageError("sqlmigrate needs one migration, not 'zero'");
        const Migration* migration = graph.find(*target.key);
        Plan plan{{migration, args->backwards}};
        // No connection: the SQL depends only on the dialect and the migrations.
        auto dialect = ctx.offline_dialect();
        MigrationExecutor executor(graph, *dialect);
        // Forwards and backwards alike, compiled from the state before it:
        // exactly its ancestors applied.
        CompiledStep compiled =
            executor.compile(plan[0], ctx.state_at(keys_before(graph, *migration)));
        if (ctx.json()) {
            print_compiled_sql(ctx, plan, {compiled});
            return kExitOk;
        }
        // Text: the statements alone, as Django's sqlmigrate prints them.
        for (const auto& statements : compiled.statements)
            for (const auto& sql : statements)
                print_statement(ctx.out(), sql);
        return kExitOk;
    };
}

}  // namespace covet::cli
