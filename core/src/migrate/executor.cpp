#include "covet/executor.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "covet/error.h"
#include "covet/journal.h"
#include "covet/recorder.h"
#include "covet/schema_editor.h"
#include "covet/state_at.h"
#include "migrate/identifier_limits.h"
#include "migrate/schema_statement.h"

namespace covet {

std::string describe_operation(const Migration& migration, std::size_t index) {
    const Operation& op = *migration.operations[index];
    std::string where = op.location.to_string();
    return "operation " + std::to_string(index + 1) + " (" + op.kind() +
           (where.empty() ? "" : " at " + where) + ": " + op.describe() + ")";
}

ProjectState replay_all(const MigrationGraph& graph, const Dialect* dialect) {
    ProjectState state;
    if (dialect) state.track_changed_tables(true);
    for (const Migration* m : graph.order()) {
        for (std::size_t i = 0; i < m->operations.size(); ++i) {
            const Operation& op = *m->operations[i];
            try {
                state.take_changed_tables();
                op.state_forwards(m->app, state);
                if (dialect)
                    if (auto problem =
                            name_over_limit(state, *dialect, state.take_changed_tables());
                        !problem.empty())
                        throw MigrationError(problem);
            } catch (const MigrationError& e) {
                if (op.location.file.empty())
                    throw MigrationError("migration " + m->key().to_string() + ", " +
                                         describe_operation(*m, i) + ": " + e.what());
                throw LoadError(op.location.file, op.location.line, op.location.column,
                                op.kind() + ": " + e.what());
            }
        }
    }
    state.track_changed_tables(false);
    return state;
}

std::map<MigrationKey, ProjectState> MigrationExecutor::states_before(
    const Plan& plan, const std::set<MigrationKey>& applied) const {
    std::map<MigrationKey, ProjectState> out;
    // Forwards, as Django: everything applied (a sibling branch that comes
    // later in the file order included), then each planned step in turn.
    ProjectState state = state_at(graph_, applied);
    for (const auto& step : plan) {
        if (!step.migration || step.backwards) continue;
        out.emplace(step.key(), state);
        apply_forwards(*step.migration, state);
    }
    states_before_backwards(plan, applied, out);
    return out;
}

void MigrationExecutor::states_before_backwards(const Plan& plan,
                                                const std::set<MigrationKey>& applied,
                                                std::map<MigrationKey, ProjectState>& out) const {
    std::set<MigrationKey> leaving;
    for (const auto& step : plan)
        if (step.migration && step.backwards) leaving.insert(step.key());
    if (leaving.empty()) return;
    // The migrations that stay applied and come last in the file order: a
    // step before them needs them in its state (their columns exist).
    std::size_t last_kept = 0;
    bool any_kept = false;
    for (const auto& key : applied)
        if (!leaving.count(key) && graph_.contains(key)) {
            last_kept = std::max(last_kept, graph_.position(key));
            any_kept = true;
        }
    // One pass in file order gives each step the state of what is applied
    // before it, which is exact unless something kept comes after it.
    ProjectState prefix;
    std::set<MigrationKey> gone;  // un-applied by the steps before, in plan order
    for (const Migration* m : graph_.order()) {
        const MigrationKey key = m->key();
        if (!applied.count(key)) continue;
        if (leaving.count(key)) out.emplace(key, prefix);
        apply_forwards(*m, prefix);
    }
    for (const auto& step : plan) {
        if (!step.migration || !step.backwards) continue;
        if (any_kept && last_kept > graph_.position(step.key())) {
            std::set<MigrationKey> now;
            for (const auto& key : applied)
                if (!gone.count(key) && key != step.key()) now.insert(key);
            out[step.key()] = state_at(graph_, now);
        }
        gone.insert(step.key());
    }
}

CompiledStep MigrationExecutor::compile(const PlanStep& step, const ProjectState& before) const {
    const Migration& m = *step.migration;
    CompiledStep compiled;
    // States around each operation: states[i] before operation i.
    std::vector<ProjectState> states;
    states.reserve(m.operations.size() + 1);
    states.push_back(before);
    for (const auto& op : m.operations) {
        ProjectState next = states.back();
        op->state_forwards(m.app, next);
        states.push_back(std::move(next));
    }
    auto editor = dialect_.schema_editor();
    auto sql_of = [&](std::size_t i, bool backwards) {
        const Operation& op = *m.operations[i];
        if (backwards)
            op.database_backwards(*editor, states[i], states[i + 1]);
        else
            op.database_forwards(*editor, states[i], states[i + 1]);
        return editor->take_statements();
    };
    bool rows_written = false;
    auto compile_one = [&](std::size_t i) {
        const Operation& op = *m.operations[i];
        try {
            std::vector<std::string> statements = sql_of(i, step.backwards);
            // DDL after data changes: run the deferred checks of those rows first.
            if (rows_written && !op.may_write_rows() && !statements.empty()) {
                std::vector<std::string> flush = dialect_.flush_deferred_checks();
                statements.insert(statements.begin(), flush.begin(), flush.end());
                rows_written = false;
            }
            if (op.may_write_rows()) rows_written = true;
            compiled.statements.push_back(std::move(statements));
        } catch (const IrreversibleError& e) {
            throw IrreversibleError("cannot roll back migration " + m.key().to_string() + ": " +
                                    describe_operation(m, i) + " is irreversible: " + e.what());
        } catch (const MigrationError& e) {
            throw MigrationError("migration " + m.key().to_string() + ", " +
                                 describe_operation(m, i) + ": " + e.what());
        }
        editor->set_restoring(true);
        try {
            compiled.undo.emplace_back(sql_of(i, !step.backwards));
        } catch (const MigrationError&) {
            compiled.undo.emplace_back(std::nullopt);
        }
        editor->set_restoring(false);
        compiled.operations.push_back(m.operations[i].get());
        compiled.preconditions.push_back(op.precondition(step.backwards, states[i], states[i + 1]));
    };
    if (step.backwards) {
        for (std::size_t i = m.operations.size(); i-- > 0;)
            compile_one(i);
    } else {
        for (std::size_t i = 0; i < m.operations.size(); ++i)
            compile_one(i);
    }
    // What the operations set aside is dropped last, as one more step that
    // runs once nothing else can fail (and has nothing to undo).
    if (std::vector<std::string> final_drops = editor->take_deferred(); !final_drops.empty()) {
        compiled.statements.push_back(std::move(final_drops));
        compiled.undo.emplace_back(std::vector<std::string>{});
        compiled.operations.push_back(compiled.operations.back());
        compiled.preconditions.emplace_back(std::nullopt);
        compiled.final_drops = true;
    }
    return compiled;
}

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

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
                std::string holders = table.empty() ? "" : connection.describe_lock_holders(table);
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

void check_precondition(Connection& connection, const std::optional<Precondition>& condition) {
    if (!condition) return;
    const std::string& table = condition->table_must_be_empty;
    if (!connection.table_exists(table)) return;
    ResultSet rows =
        connection.query("SELECT 1 FROM " + connection.dialect().quote_name(table) + " LIMIT 1");
    if (!rows.rows.empty()) throw MigrationError(condition->message);
}

// Reverts operations [0, count) of a journal or compiled step, newest first.
// Returns the indexes of operations that could not be reverted (and all
// before them, which stay applied too).
std::string undo_operations(Connection& connection,
                            const std::vector<std::optional<std::vector<std::string>>>& undo,
                            std::size_t count, bool last_is_partial,
                            const std::function<std::string(std::size_t)>& describe,
                            MigrationJournal* journal = nullptr) {
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

struct StepRun {
    Connection& connection;
    const CompiledStep& compiled;
    const ExecutorOptions& options;
    MigrationJournal* journal;  // null: not journaled
    bool ddl_commits;           // statements commit one by one: undo by hand
    bool drops_set_aside;       // the dialect renames dropped objects aside
    bool backwards;
};

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

}  // namespace

void MigrationExecutor::run(Connection& connection, const Plan& plan,
                            const std::set<MigrationKey>& applied, const ExecutorOptions& options,
                            const std::function<void(const StepResult&)>& on_step) const {
    auto states = states_before(plan, applied);
    MigrationRecorder recorder(connection);
    MigrationJournal journal(connection);
    const bool ddl_commits = !dialect_.features().can_rollback_ddl;
    if (!options.fake) {
        check_reversible(plan, states);
        connection.set_ddl_lock_timeout(options.ddl_lock_timeout);
    }
    for (const auto& step : plan) {
        auto started = std::chrono::steady_clock::now();
        if (!step.migration) {
            if (!options.fake)
                throw MigrationError("cannot roll back " + step.key().to_string() +
                                     ": its migration file is missing");
            recorder.record_unapplied(step.key());
            if (on_step) on_step({step.key(), true, elapsed_ms(started)});
            continue;
        }
        const Migration& m = *step.migration;
        // Compiling first means an irreversible step fails before any change.
        // A fake step runs no SQL, so it need not be reversible.
        CompiledStep compiled = options.fake ? CompiledStep{} : compile(step, states.at(m.key()));
        auto describe_step = [&](std::size_t i) {
            if (i >= m.operations.size())
                return std::string("the final drops of what it set aside");
            return describe_operation(m, step.backwards ? m.operations.size() - 1 - i : i);
        };
        // Where each statement commits on its own (MySQL DDL, or any
        // atomic: false migration), a failure is undone statement by statement
        // and a killed run leaves a journal to revert or resume from.
        const bool commits_each = ddl_commits || !m.atomic;
        bool journaled = commits_each && !options.fake;
        if (journaled) journal.begin(journal_entry_of(m.key(), step.backwards, compiled));
        connection.begin_migration(m.atomic);
        try {
            if (!options.fake) {
                std::string what = std::string(step.backwards ? "rolling back" : "applying") +
                                   " migration " + m.key().to_string();
                StepRun run{
                    connection,   compiled,    options,       journaled ? &journal : nullptr,
                    commits_each, ddl_commits, step.backwards};
                run_statements(run, what, describe_step);
            }
            if (step.backwards)
                recorder.record_unapplied(m.key());
            else
                recorder.record_applied(m.key(), m.checksum());
            if (journaled) journal.clear();
            try {
                connection.commit_migration();
            } catch (const IntegrityError& e) {
                // SQLite's deferred foreign-key check fails at the commit.
                throw MigrationError(std::string(step.backwards ? "rolling back" : "applying") +
                                     " migration " + m.key().to_string() + " failed: " + e.what());
            }
        } catch (...) {
            connection.rollback_migration();
            throw;
        }
        if (on_step) on_step({m.key(), step.backwards, elapsed_ms(started)});
    }
}

void MigrationExecutor::check_reversible(const Plan& plan,
                                         const std::map<MigrationKey, ProjectState>& states) const {
    // An irreversible step stops the run before anything has changed, not
    // after the steps ahead of it were un-applied.
    for (const auto& step : plan)
        if (step.backwards && step.migration) compile(step, states.at(step.key()));
}

std::string MigrationExecutor::recover_partial(Connection& connection, bool resume,
                                               const ExecutorOptions& options) const {
    MigrationJournal journal(connection);
    std::optional<JournalEntry> entry = journal.read();
    if (!entry) return "";
    const std::string name = entry->key.to_string();
    if (options.fake) {
        // --fake runs no SQL: the schema is the user's to vouch for.
        journal.clear();
        return "Cleared the journal of the partial migration " + name + " without running SQL.";
    }
    const Migration* m = graph_.find(entry->key);
    auto describe = [&](std::size_t k) {
        if (m && k == m->operations.size())
            return std::string("the final drops of what it set aside");
        if (!m || k > m->operations.size()) return "operation " + std::to_string(k + 1);
        return describe_operation(*m, entry->backwards ? m->operations.size() - 1 - k : k);
    };
    if (resume) {
        if (!m) throw MigrationError("cannot resume " + name + ": its migration file is missing");
        connection.set_ddl_lock_timeout(options.ddl_lock_timeout);
        for (const auto& op : entry->operations)
            for (std::size_t j = 0; j < op.statements.size(); ++j) {
                if (op.done[j]) continue;
                execute_ddl(connection, op.statements[j],
                            *m->operations[entry->backwards ? m->operations.size() - 1 - op.index
                                                            : op.index],
                            options);
                journal.mark_done(op.index, static_cast<int>(j));
            }
        MigrationRecorder recorder(connection);
        if (entry->backwards)
            recorder.record_unapplied(entry->key);
        else
            recorder.record_applied(entry->key, m->checksum());
        journal.clear();
        return "Resumed the partial migration " + name + " from its journal.";
    }
    bool in_flight = false;
    const std::size_t count = entry->revert_count(&in_flight);
    // Where drops are not set aside (an atomic: false migration on a
    // transactional back end), reverting one would bring back an empty table.
    if (m && dialect_.features().can_rollback_ddl)
        for (std::size_t k = 0; k < count && k < m->operations.size(); ++k) {
            std::size_t index = entry->backwards ? m->operations.size() - 1 - k : k;
            if (m->operations[index]->destroys_values(entry->backwards))
                throw MigrationError("the partial migration " + name +
                                     " cannot be reverted: " + describe(k) +
                                     " destroyed values that an undo cannot bring back; fix the "
                                     "schema by hand, then run `covet migrate --resume` or "
                                     "delete the rows of " +
                                     MigrationJournal::kTable);
        }
    std::vector<std::optional<std::vector<std::string>>> undo;
    for (const auto& op : entry->operations)
        undo.push_back(op.undo_known ? std::optional(op.undo) : std::nullopt);
    std::string left = undo_operations(connection, undo, count, in_flight, describe, &journal);
    if (!left.empty())
        throw MigrationError("the partial migration " + name + " " + left +
                             "; fix the schema by hand, then run `covet migrate --resume` or "
                             "delete the rows of " +
                             MigrationJournal::kTable);
    journal.clear();
    return "Reverted the partial migration " + name + " from its journal.";
}

}  // namespace covet
