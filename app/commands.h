// One function per subcommand: each adds its CLI11 subcommand and returns
// the code that runs it once the command line is parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "command_context.h"
#include "covet/live_state.h"

namespace covet::cli {

using CommandRun = std::function<int(CommandContext&)>;

CommandRun add_migrate_command(CLI::App& app);
CommandRun add_rollback_command(CLI::App& app);
CommandRun add_showmigrations_command(CLI::App& app);
CommandRun add_sqlmigrate_command(CLI::App& app);
CommandRun add_check_command(CLI::App& app);
CommandRun add_shell_command(CLI::App& app);
CommandRun add_makemigrations_command(CLI::App& app);
CommandRun add_inspectdb_command(CLI::App& app);

// The live schema as models (inspectdb, makemigrations --initial-from-db):
// read_live_state, with the digits a database does not keep guessed (and
// a warning on stderr for each).
ProjectState inspect_live_models(CommandContext& ctx, const LiveStateOptions& options);

// Exit codes of SPEC.md §3.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFinding = 3;

}  // namespace covet::cli
