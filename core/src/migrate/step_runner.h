// Running one compiled migration step: each statement with the DDL lock
// timeout and retries, journaled where statements commit one by one, and
// undone statement by statement when one fails there. Shared by the
// executor and the recovery of a partial migration.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/executor.h"
#include "covet/journal.h"

namespace covet {

// What a migration's statements run in: one transaction, nothing (each
// commits on its own because DDL does), or autocommit asked of the lock (an
// atomic: false migration).
enum class Bracket { transaction, none, autocommit };

// Runs `body` (the statements and the history row of one migration) in `bracket`.
// A foreign-key check that fails at the end is a MigrationError naming `what`.
void run_migration_body(Connection& connection, Bracket bracket, const std::string& what,
                        const std::function<void()>& body);

// Runs one DDL statement, giving up on table locks after the DDL lock
// timeout and retrying with doubling backoff.
void execute_ddl(Connection& connection, const std::string& sql, const Operation& op,
                 const ExecutorOptions& options);

// Reverts operations [0, count), newest first; "" when all were reverted,
// else what is still applied. Marks each reverted operation in `journal`.
std::string undo_operations(Connection& connection,
                            const std::vector<std::optional<std::vector<std::string>>>& undo,
                            std::size_t count, bool last_is_partial,
                            const std::function<std::string(std::size_t)>& describe,
                            MigrationJournal* journal = nullptr);

// A journal entry holding every statement of a compiled step and its undo.
JournalEntry journal_entry_of(const MigrationKey& key, bool backwards,
                              const CompiledStep& compiled);

struct StepRun {
    Connection& connection;
    const CompiledStep& compiled;
    const ExecutorOptions& options;
    MigrationJournal* journal;  // null: not journaled
    bool ddl_commits;           // statements commit one by one: undo by hand
    bool drops_set_aside;       // the dialect renames dropped objects aside
    bool backwards;
};

// Runs a compiled step's statements in order. Where statements commit one
// by one, a failure undoes what ran and the MigrationError says what is left.
void run_statements(const StepRun& run, const std::string& what,
                    const std::function<std::string(std::size_t)>& describe_step);

}  // namespace covet
