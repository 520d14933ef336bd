#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <vector>

#include "commands.h"
#include "covet/cli.h"
#include "covet/database_url.h"
#include "covet/error.h"
#include "registry.h"
#include "util/edit_distance.h"
#include "util/heap_warmup.h"
#include "util/secret_mask.h"

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
        line = mask_secret(line, password);
    }
    std::cerr << "covet: error: " << line << std::endl;
}

// The first word that is neither an option nor an option's value is the
// command; when it is not one, say so instead of CLI11's generic message.
std::string unknown_command(int argc, char** argv, CLI::App& app) {
    static const std::vector<std::string> with_value = {
        "-d", "--database", "-m", "--migrations", "-c", "--config", "--format"};
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.starts_with("-")) {
            if (std::find(with_value.begin(), with_value.end(), arg) != with_value.end()) ++i;
            continue;
        }
        std::vector<std::string> names;
        for (const auto* sub : app.get_subcommands({}))
            names.push_back(sub->get_name());
        if (std::find(names.begin(), names.end(), arg) != names.end()) return "";
        std::string best;
        std::size_t best_distance = 3;
        for (const auto& name : names) {
            std::size_t d = edit_distance(arg, name);
            if (d < best_distance || (arg.size() >= 3 && name.starts_with(arg))) {
                best = name;
                best_distance = std::min(d, best_distance);
            }
        }
        std::string list;
        for (const auto& name : names)
            list += (list.empty() ? "" : ", ") + name;
        return "unknown command '" + arg + "'" +
               (best.empty() ? "" : " (did you mean '" + best + "'?)") + "; commands: " + list;
    }
    return "";
}

// The options every command takes, before the command name.
void add_global_options(CLI::App& app, GlobalOptions& options) {
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
}

}  // namespace

int main(int argc, char** argv, const MigrationRegistry& registry) {
    // One command, then the process ends: tune the heap for that (util/heap_warmup.h).
    enable_heap_warmup();
    install_dialect_registry();
    CLI::App app{"covet: schema migrations and a Django-style ORM", "covet"};
    app.set_version_flag("--version", "covet " COVET_VERSION);
    app.require_subcommand(1);
    app.fallthrough();
    GlobalOptions options;
    add_global_options(app, options);

    std::vector<std::pair<CLI::App*, CommandRun>> commands;
    auto add = [&](CommandRun run) { commands.emplace_back(app.get_subcommands({}).back(), run); };
    add(add_migrate_command(app));
    add(add_rollback_command(app));
    add(add_showmigrations_command(app));
    add(add_sqlmigrate_command(app));
    add(add_check_command(app));
    add(add_shell_command(app));
    add(add_makemigrations_command(app));
    add(add_inspectdb_command(app));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string unknown = unknown_command(argc, argv, app);
        print_error(unknown.empty() ? std::string(e.what()) + " (see 'covet --help')" : unknown,
                    options);
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
