// Running a compiled migration step statement by statement, and undoing
// what ran when a statement fails where DDL commits (see step_runner.h).
#include "migrate/step_runner.h"

#include <chrono>
#include <thread>

#include "covet/error.h"
#include "covet/introspector.h"
#include "covet/migration_lock.h"
#include "covet/transaction.h"
#include "migrate/schema_statement.h"

namespace covet {

// Runs one DDL statement, giving up on table locks after the DDL lock
// timeout and retrying with doubling backoff, so that a migration queued
// behind a long transaction never blocks the application's traffic for long.
void execute_ddl(Connection& connection, const std::string& sql, const Operation& op,
                 const ExecutorOptions& options) {
    auto backoff = options.first_backoff;
    for (int attempt = 0;; ++attempt) {
        try {
            run_schema_statement(connection, sql);
            return;
        } catch (const LockTimeoutError& e) {
            if (attempt >= options.ddl_lock_retries) {
                std::string table = op.table_name();
                std::string holders =
                    table.empty() ? "" : migration_lock_of(connection).describe_lock_holders(table);
                throw LockTimeoutError(
                    "gave up after " + std::to_string(attempt + 1) + " attempts waiting " +
                    std::to_string(options.ddl_lock_timeout.count()) + " ms each for a lock" +
                    (table.empty() ? "" : " on table '" + table + "'") +
                    (holders.empty() ? "" : ", blocked by " + holders) + ": " + e.what());
            }
            std::this_thread::sleep_for(backoff);
            backoff *= 2;
        }
    }
}

namespace {

void check_precondition(Connection& connection, const std::optional<Precondition>& condition) {
    if (!condition) return;
    const std::string& table = condition->table_must_be_empty;
    if (!introspector_of(connection).table_exists(table)) return;
    ResultSet rows =
        connection.query("SELECT 1 FROM " + connection.dialect().quote_name(table) + " LIMIT 1");
    if (!rows.rows.empty()) throw MigrationError(condition->message);
}

}  // namespace

// Reverts operations [0, count) of a journal or compiled step, newest first.
// Returns the indexes of operations that could not be reverted (and all
// before them, which stay applied too).
std::string undo_operations(Connection& connection,
                            const std::vector<std::optional<std::vector<std::string>>>& undo,
                            std::size_t count, bool last_is_partial,
                            const std::function<std::string(std::size_t)>& describe,
                            MigrationJournal* journal) {
    for (std::size_t i = count; i-- > 0;) {
        if (!undo[i]) {
            std::string still;
            for (std::size_t k = 0; k <= i; ++k)
                still += (k ? "; " : "") + describe(k);
            return "cannot be undone automatically; still applied: " + still;
        }
        bool partial = last_is_partial && i + 1 == count;
        for (const auto& sql : *undo[i]) {
            try {
                run_schema_statement(connection, sql);
            } catch (const Error& e) {
                // A half-run operation's undo meets objects that were never made.
                if (partial) continue;
                std::string still;
                for (std::size_t k = 0; k <= i; ++k)
                    still += (k ? "; " : "") + describe(k);
                return "undo failed (" + std::string(e.what()) + "); still applied: " + still;
            }
        }
        if (journal) journal->mark_undone(static_cast<int>(i));
    }
    return "";
}

// A journal entry holding every statement of a compiled step and its undo.
JournalEntry journal_entry_of(const MigrationKey& key, bool backwards,
                              const CompiledStep& compiled) {
    JournalEntry entry{key, backwards, {}};
    for (std::size_t i = 0; i < compiled.statements.size(); ++i) {
        JournalOperation op;
        op.index = static_cast<int>(i);
        op.statements = compiled.statements[i];
        op.done.assign(op.statements.size(), false);
        op.undo_known = compiled.undo[i].has_value();
        if (op.undo_known) op.undo = *compiled.undo[i];
        entry.operations.push_back(std::move(op));
    }
    return entry;
}

namespace {

// The operations among the first `count` whose values an undo cannot bring
// back, described; "" when there are none.
std::string lost_by_undo(const StepRun& run, std::size_t count,
                         const std::function<std::string(std::size_t)>& describe_step) {
    if (run.drops_set_aside) return "";
    std::string lost;
    for (std::size_t k = 0; k < count && k < run.compiled.operations.size(); ++k)
        if (run.compiled.operations[k]->destroys_values(run.backwards))
            lost += (lost.empty() ? "" : "; ") + describe_step(k);
    return lost;
}

}  // namespace

// Runs a compiled step's statements in order. Where DDL commits, a failure
// undoes what ran and the MigrationError says whether anything is left.
void run_statements(const StepRun& run, const std::string& what,
                    const std::function<std::string(std::size_t)>& describe_step) {
    const CompiledStep& compiled = run.compiled;
    for (std::size_t i = 0; i < compiled.statements.size(); ++i) {
        for (std::size_t j = 0; j < compiled.statements[i].size(); ++j) {
            try {
                if (j == 0) check_precondition(run.connection, compiled.preconditions[i]);
                execute_ddl(run.connection, compiled.statements[i][j], *compiled.operations[i],
                            run.options);
            } catch (const Error& e) {
                std::string message = what + " failed in " + describe_step(i) + ": " + e.what();
                if (!run.ddl_commits) throw MigrationError(message);
                const std::size_t ran = j > 0 ? i + 1 : i;
                // Never "undone" when the undo would bring back a schema
                // without its values: the migration stays partial instead.
                if (std::string lost = lost_by_undo(run, ran, describe_step); !lost.empty())
                    throw MigrationError(message + "; its earlier operations " + lost +
                                         " destroyed values an undo cannot bring back, so they "
                                         "are left as they are (see `covet showmigrations`: "
                                         "partial; `covet migrate --resume` finishes it once "
                                         "fixed)");
                std::string left = undo_operations(run.connection, compiled.undo, j > 0 ? i + 1 : i,
                                                   j > 0, describe_step, run.journal);
                if (!left.empty())
                    throw MigrationError(message + "; its earlier operations " + left +
                                         " (see `covet showmigrations`: partial)");
                if (run.journal) run.journal->clear();
                throw MigrationError(message + " (its earlier operations were undone)");
            }
            if (run.journal) run.journal->mark_done(static_cast<int>(i), static_cast<int>(j));
        }
    }
}

void run_migration_body(Connection& connection, Bracket bracket, const std::string& what,
                        const std::function<void()>& body) {
    // A back end that checks foreign keys when the migration ends fails there.
    auto ended = [&](const std::function<void()>& end) {
        try {
            end();
        } catch (const IntegrityError& e) {
            throw MigrationError(what + " failed: " + e.what());
        }
    };
    if (bracket == Bracket::transaction) {
        Transaction transaction(connection);
        body();
        ended([&] { transaction.commit(); });
        return;
    }
    if (bracket == Bracket::none) {
        body();
        return;
    }
    MigrationLock& lock = migration_lock_of(connection);
    lock.enter_autocommit();
    try {
        body();
    } catch (...) {
        lock.leave_autocommit(false);
        throw;
    }
    ended([&] { lock.leave_autocommit(true); });
}

}  // namespace covet
