// `covet shell [-e EXPR]... [--format table|json|csv] [--sandbox]`.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "covet/database.h"
#include "covet/error.h"
#include "covet/models.h"
#include "shell/error_type.h"
#include "shell/output.h"
#include "shell_front_end.h"
#include "shell_pager.h"
#include "util/secret_mask.h"

namespace covet::cli {

namespace {

struct ShellArgs {
    std::vector<std::string> expressions;
    std::string format;  // empty: from the global --format
    bool sandbox = false;
};

shell::OutputFormat output_format(const ShellArgs& args, const CommandContext& ctx) {
    if (args.format == "json" || (args.format.empty() && ctx.json()))
        return shell::OutputFormat::Json;
    return args.format == "csv" ? shell::OutputFormat::Csv : shell::OutputFormat::Table;
}

// One hook for -v (every statement with its duration) and `.sql on`.
void log_sql(const Database& db, const shell::Session& session, bool verbose) {
    db.set_sql_log([&session, verbose](const std::string& sql, double ms) {
        if (verbose)
            std::fprintf(stderr, "[sql %.3f ms] %s\n", ms, sql.c_str());
        else if (session.settings().echo_sql)
            std::fprintf(stderr, "%s\n", sql.c_str());
    });
}

// The models and the database; a script reading JSON also gets a failure to
// open them as its error line (the password masked) before the usual message.
std::pair<Models, Database> open_models_and_database(CommandContext& ctx,
                                                     shell::OutputFormat format) {
    try {
        Database db = covet::open(ctx.options().database);
        return {models_from_migrations(ctx.options().migrations), std::move(db)};
    } catch (const Error& e) {
        if (format == shell::OutputFormat::Json)
            shell::print_error(shell::error_type(e), mask_secret(e.what(), ctx.url().password),
                               format, std::cout);
        std::cout.flush();
        throw;
    }
}

int run_shell(const ShellArgs& args, CommandContext& ctx) {
    // Rows stream to stdout: no synchronisation with C stdio on that path.
    std::ios::sync_with_stdio(false);
    const shell::OutputFormat format = output_format(args, ctx);
    auto [models, db] = open_models_and_database(ctx, format);
    shell::Session session(db, models);
    session.settings().format = format;
    session.settings().sandbox = args.sandbox;
    log_sql(db, session, ctx.options().verbose);
    // The whole session in one transaction that is never committed.
    if (args.sandbox) db.connection().begin();
    int status = kExitOk;
    if (!args.expressions.empty() || !isatty(STDIN_FILENO)) {
        shell::StatementRunner runner(session, std::cout, std::cerr);
        runner.set_sandbox(args.sandbox);
        // -e at a terminal: tables fit its width, as interactively.
        if (isatty(STDOUT_FILENO)) runner.set_terminal_width(terminal_columns());
        status = args.expressions.empty() ? run_script(runner)
                                          : run_expressions(runner, args.expressions);
    } else {
        status = run_interactive(session, {database_display_name(ctx.url()), args.sandbox});
    }
    if (args.sandbox) db.connection().rollback();
    std::cout.flush();
    return status;
}

}  // namespace

CommandRun add_shell_command(CLI::App& app) {
    auto args = std::make_shared<ShellArgs>();
    CLI::App* cmd =
        app.add_subcommand("shell", "Query the models of the migrations with QuerySet statements");
    cmd->add_option("-e,--execute", args->expressions, "evaluate EXPR and exit (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--format", args->format, "output format: table, json or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    cmd->add_flag("--sandbox", args->sandbox,
                  "run the session in one transaction rolled back on exit");
    return [args](CommandContext& ctx) { return run_shell(*args, ctx); };
}

}  // namespace covet::cli
