#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "commands.h"
#include "covet/cli.h"
#include "covet/database_url.h"
#include "covet/error.h"

namespace covet::cli {

namespace {

// Errors are one line; a password that a driver echoed is masked.
void print_error(const std::string& message, const GlobalOptions& options) {
    std::string line = message;
    for (auto& c : line)
        if (c == '\n') c = ' ';
    if (!options.database.empty()) {
        std::string password;
        try {
            password = parse_database_url(options.database).password;
        } catch (const Error&) {
        }
        if (!password.empty())
            for (std::size_t pos; (pos = line.find(password)) != std::string::npos;)
                line.replace(pos, password.size(), "***");
    }
    std::cerr << "covet: error: " << line << std::endl;
}

}  // namespace

int main(int argc, char** argv, const MigrationRegistry& registry) {
    CLI::App app{"covet: schema migrations and a Django-style ORM", "covet"};
    app.set_version_flag("--version", "covet 0.1.0");
    app.require_subcommand(1);
    app.fallthrough();
    GlobalOptions options;
    app.add_option("-d,--database", options.database, "database URL (default sqlite:///covet.db)")
        ->envname("COVET_DATABASE_URL");
    app.add_option("-m,--migrations", options.migrations,
                   "migrations directory (default ./migrations)")
        ->envname("COVET_MIGRATIONS");
    app.add_option("-c,--config", options.config, "config file (default ./covet.yaml if present)");
    app.add_option("--format", options.format, "output format: text or json")
        ->check(CLI::IsMember({"text", "json"}));
    app.add_flag("-v,--verbose", options.verbose, "log every SQL statement with its duration");
    app.add_flag("-q,--quiet", options.quiet, "print only errors and requested data");

    std::vector<std::pair<CLI::App*, CommandRun>> commands;
    auto add = [&](CommandRun run) { commands.emplace_back(app.get_subcommands({}).back(), run); };
    add(add_migrate_command(app));
    add(add_rollback_command(app));
    add(add_showmigrations_command(app));
    add(add_sqlmigrate_command(app));
    add(add_check_command(app));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        print_error(e.what(), options);
        std::cerr << "Run 'covet --help' for usage." << std::endl;
        return kExitUsage;
    }

    try {
        apply_config_and_defaults(options);
        CommandContext ctx(options, registry);
        for (auto& [sub, run] : commands)
            if (sub->parsed()) return run(ctx);
        print_error("no command given", options);
        return kExitUsage;
    } catch (const UsageError& e) {
        print_error(e.what(), options);
        return kExitUsage;
    } catch (const Error& e) {
        print_error(e.what(), options);
        return kExitError;
    } catch (const std::exception& e) {
        print_error(std::string("unexpected failure: ") + e.what(), options);
        return kExitError;
    }
}

}  // namespace covet::cli
