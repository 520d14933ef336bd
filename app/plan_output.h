// What migrate and rollback print instead of running (--plan, --sql,
// --check), and sqlmigrate's SQL.
#pragma once

#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "command_context.h"
#include "covet/executor.h"
#include "covet/journal.h"

namespace covet::cli {

// --plan and --sql output, which run nothing. A partial migration is shown
// first: reverted, or finished with `resume`.
int print_plan(CommandContext& ctx, const Plan& plan, const std::optional<JournalEntry>& partial,
               bool resume = false);
// Writes one statement of --sql / sqlmigrate output with its terminating
// semicolon: not doubled when a run_sql already ends with one, and on a line
// of its own after a trailing -- comment.
void print_statement(std::ostream& out, const std::string& sql);
// A statement without trailing blanks, as the JSON forms list it.
std::string trimmed_statement(const std::string& sql);

// --sql (migrate, rollback) and sqlmigrate output. Text: each step under a
// "-- migration" comment. JSON: {"migrations":[{"app":..,"name":..,
// "backwards":..,"statements":["...", ...]}]}.
int print_plan_sql(CommandContext& ctx, const Plan& plan, const std::set<MigrationKey>& applied,
                   const Dialect& dialect, const std::optional<JournalEntry>& partial,
                   bool resume = false);
void print_compiled_sql(CommandContext& ctx, const Plan& plan,
                        const std::vector<CompiledStep>& compiled,
                        const std::optional<JournalEntry>& partial = std::nullopt,
                        bool resume = false);
// migrate --check: exit 3 when the plan (or a partial migration) is not
// empty. JSON: {"unapplied":[{"app":..,"name":..,"backwards":..}]}.
int print_unapplied(CommandContext& ctx, const Plan& plan,
                    const std::optional<JournalEntry>& partial);

}  // namespace covet::cli
