// makemigrations (SPEC.md §3): the desired models against the state the
// migrations build; writes the migration that closes the gap.
#include <unistd.h>
#include <algorithm>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "covet/error.h"
#include "covet/loader.h"
#include "covet/models_file.h"
#include "covet/state_diff.h"
#include "covet/state_yaml.h"
#include "migration_placement.h"

namespace covet::cli {

namespace {

namespace fs = std::filesystem;

struct MakemigrationsArgs {
    std::string models;
    std::string name;
    bool empty = false;
    bool check = false;
    bool dry_run = false;
    std::vector<std::string> renames;
    bool initial_from_db = false;
    std::vector<std::string> exclude;  // tables, with --initial-from-db
};

// --rename OLD=NEW (a table) or TABLE.OLD=NEW (a column).
RenameChoice parse_rename(const std::string& text) {
    auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw UsageError("--rename takes OLD=NEW or TABLE.OLD=NEW, not '" + text + "'");
    RenameChoice choice;
    std::string old_part = text.substr(0, equals);
    choice.new_name = text.substr(equals + 1);
    auto dot = old_part.find('.');
    if (dot == std::string::npos) {
        choice.old_name = old_part;
    } else {
        choice.table = old_part.substr(0, dot);
        choice.old_name = old_part.substr(dot + 1);
        if (choice.table.empty() || choice.old_name.empty())
            throw UsageError("--rename takes OLD=NEW or TABLE.OLD=NEW, not '" + text + "'");
    }
    return choice;
}

// y/N on a terminal; anywhere else a rename is never guessed.
bool confirm_rename(const RenameChoice& choice) {
    if (!isatty(STDIN_FILENO))
        throw MigrationError("ambiguous rename: " + choice.describe() +
                             "? Confirm it with --rename " + choice.flag() +
                             ", or drop and add in two separate migrations");
    const std::string old_name = choice.is_table()
                                     ? "table '" + choice.old_name + "'"
                                     : "column '" + choice.table + "." + choice.old_name + "'";
    std::cout << "Was " << old_name << " renamed to '" << choice.new_name << "'? [y/N] "
              << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return false;
    return answer == "y" || answer == "Y" || answer == "yes";
}

std::string models_path(const MakemigrationsArgs& args, const GlobalOptions& options) {
    if (!args.models.empty()) return args.models;
    if (!options.models.empty()) return options.models;
    return "models.yaml";
}

std::string utc_timestamp() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%d_%H%M", &utc);
    return text;
}

// Apps other than `app` whose tables the operations' relations point at.
std::set<std::string> referenced_apps(const std::vector<OperationPtr>& ops,
                                      const ProjectState& before, const std::string& app) {
    std::set<std::string> apps;
    auto note = [&](const Field& f) {
        if (!f.is_relation()) return;
        const ModelState* target = before.find_table(f.to);
        if (!target) target = before.find_model(f.to);
        if (target && target->app != app) apps.insert(target->app);
    };
    for (const OperationPtr& op : ops) {
        if (auto* create = dynamic_cast<const CreateTable*>(op.get()))
            for (const Field& f : create->fields)
                note(f);
        if (auto* add = dynamic_cast<const AddColumn*>(op.get())) note(add->field);
        if (auto* alter = dynamic_cast<const AlterColumn*>(op.get())) note(alter->field);
    }
    return apps;
}

void print_summary(std::ostream& out, const Migration& migration, const std::string& path) {
    out << "Migrations for '" << migration.app << "':\n  " << path << "\n";
    for (const OperationPtr& op : migration.operations)
        out << "    - " << op->describe() << "\n";
}

void write_file(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    if (fs::exists(path)) throw Error("migration file '" + path + "' already exists");
    std::ofstream file(path, std::ios::binary);
    file << text;
    if (!file.flush()) throw Error("cannot write '" + path + "'");
}

// The state the migrations build (empty without a migrations directory).
ProjectState current_state(CommandContext& ctx, const MigrationGraph* graph) {
    if (!graph) return {};
    std::set<MigrationKey> all;
    for (const Migration* m : graph->order())
        all.insert(m->key());
    return ctx.state_at(all);
}

Migration new_migration(const MakemigrationsArgs& args, const Placement& place,
                        std::vector<OperationPtr> ops) {
    Migration migration;
    migration.app = place.app;
    migration.dependencies = place.dependencies;
    char number[16];
    std::snprintf(number, sizeof number, "%04d_", place.number);
    std::string suffix = !args.name.empty() ? args.name
                         : args.empty
                             ? "auto_" + utc_timestamp()
                             : suggest_migration_name(ops, place.initial(), utc_timestamp());
    migration.name = number + suffix;
    migration.operations = std::move(ops);
    return migration;
}

// Writes (or, with --check and --dry-run, only shows) the migration.
int deliver(const MakemigrationsArgs& args, CommandContext& ctx, const Migration& migration,
            const std::string& path) {
    const std::string text = migration_yaml(migration, "Generated by covet makemigrations");
    // What is written must read back as what was meant.
    Migration again = parse_migration_file(path, text, migration.app);
    if (again.canonical() != migration.canonical())
        throw Error("internal error: the written migration does not read back as generated");
    if (args.check) {
        if (!ctx.quiet()) print_summary(ctx.out(), migration, path);
        return kExitFinding;
    }
    if (args.dry_run) {
        print_summary(ctx.out(), migration, path);
        ctx.out() << "\n" << text;
        return kExitOk;
    }
    write_file(path, text);
    if (!ctx.quiet()) print_summary(ctx.out(), migration, path);
    return kExitOk;
}

// The models file describes the apps it names (`app:`, else the only app):
// the other apps' tables are kept as the migrations build them, never
// dropped because the file leaves them out.
ProjectState desired_models(const MakemigrationsArgs& args, CommandContext& ctx,
                            const MigrationGraph* graph, const ProjectState& current,
                            std::string& app) {
    const std::string path = models_path(args, ctx.options());
    const std::set<std::string> apps = graph ? graph->apps() : std::set<std::string>{};
    const std::string unnamed = "\x01";  // no app name can be this
    ProjectState desired = load_models_file(path, apps.size() > 1 ? unnamed : only_app(graph));
    std::set<std::string> described;
    for (const ModelState* model : desired.models())
        described.insert(model->app);
    if (described.count(unnamed)) {
        std::string names;
        for (const std::string& a : apps)
            names += (names.empty() ? "" : ", ") + a;
        throw Error(path + ": the models file names no app, and the migrations have several (" +
                    names + "); add `app: NAME` to say which app it describes");
    }
    if (!described.empty()) app = *described.begin();
    for (const ModelState* model : current.models())
        if (!described.count(model->app) && !desired.find_table(model->table)) desired.put(*model);
    return desired;
}

// --initial-from-db: the live schema is what a first migration must create
// (adopting a database; `migrate --fake` then records it).
ProjectState live_models(const MakemigrationsArgs& args, CommandContext& ctx,
                         const MigrationGraph* graph) {
    if (graph && !graph->order().empty())
        throw UsageError("--initial-from-db writes a first migration, but " +
                         ctx.options().migrations + " has migrations already");
    LiveStateOptions options;
    options.exclude = {args.exclude.begin(), args.exclude.end()};
    return inspect_live_models(ctx, options);
}

// A name becomes part of a file name and a migration key: letters, digits
// and underscores only (as a Python identifier in Django's migrations).
void check_migration_name(const std::string& name) {
    const bool ok = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
    if (!ok)
        throw UsageError("--name '" + name +
                         "': a migration name has only letters, digits and underscores");
}

int run(const MakemigrationsArgs& args, CommandContext& ctx) {
    if (!args.name.empty()) check_migration_name(args.name);
    std::vector<RenameChoice> renames;
    for (const std::string& text : args.renames)
        renames.push_back(parse_rename(text));
    const bool have_migrations = fs::exists(ctx.options().migrations);
    const MigrationGraph* graph = have_migrations ? &ctx.graph() : nullptr;
    ProjectState current = current_state(ctx, graph);
    std::string app = only_app(graph);
    ProjectState desired;
    if (args.initial_from_db) {
        desired = live_models(args, ctx, graph);
        for (const ModelState* model : desired.models())
            app = model->app;
    } else if (!args.empty) {
        desired = desired_models(args, ctx, graph, current, app);
    }
    std::vector<OperationPtr> ops;
    if (args.initial_from_db)
        ops = initial_migration(desired, app).operations;  // through models after their tables
    else if (!args.empty)
        ops = diff_states(current, desired, {renames, confirm_rename});
    if (ops.empty() && !args.empty) {
        if (!ctx.quiet()) ctx.out() << "No changes detected\n";
        return kExitOk;
    }
    Placement place =
        place_migration(graph, ctx.options().migrations, app, referenced_apps(ops, current, app));
    Migration migration = new_migration(args, place, std::move(ops));
    // The tables exist already: say so, for `migrate --fake-initial`.
    if (args.initial_from_db) migration.initial = true;
    return deliver(args, ctx, migration,
                   (fs::path(place.directory) / (migration.name + ".yaml")).string());
}

}  // namespace

CommandRun add_makemigrations_command(CLI::App& app) {
    auto args = std::make_shared<MakemigrationsArgs>();
    CLI::App* cmd = app.add_subcommand(
        "makemigrations", "Write the migration that takes the migrations' state to the models");
    cmd->add_option("--models", args->models, "desired models YAML (default models.yaml)");
    cmd->add_option("--name", args->name, "name of the migration after its number");
    cmd->add_flag("--empty", args->empty, "write an empty migration");
    cmd->add_flag("--check", args->check, "exit 3 when a migration would be written; write none");
    cmd->add_flag("--dry-run", args->dry_run, "print the migration instead of writing it");
    cmd->add_flag("--initial-from-db", args->initial_from_db,
                  "write the first migration from the live schema (to adopt a database)");
    cmd->add_option("--exclude", args->exclude,
                    "with --initial-from-db: leave this table out (repeatable)");
    cmd->add_option("--rename", args->renames,
                    "OLD=NEW (table) or TABLE.OLD=NEW (column): a rename, not a drop and add")
        ->allow_extra_args(false);
    return [args](CommandContext& ctx) { return run(*args, ctx); };
}

}  // namespace covet::cli
