#include "covet/executor.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "covet/error.h"
#include "covet/journal.h"
#include "covet/migration_lock.h"
#include "covet/recorder.h"
#include "covet/schema_editor.h"
#include "covet/state_at.h"
#include "migrate/identifier_limits.h"
#include "migrate/step_runner.h"
#include "util/elapsed_ms.h"

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
    ProjectState state = states_ ? states_->at(applied) : state_at(graph_, applied);
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

namespace {

// The states around each operation: states[i] before operation i.
std::vector<ProjectState> states_around(const Migration& m, const ProjectState& before) {
    std::vector<ProjectState> states;
    states.reserve(m.operations.size() + 1);
    states.push_back(before);
    for (const auto& op : m.operations) {
        ProjectState next = states.back();
        op->state_forwards(m.app, next);
        states.push_back(std::move(next));
    }
    return states;
}

void append_final_drops(std::vector<std::string> final_drops, CompiledStep& compiled) {
    if (final_drops.empty()) return;
    compiled.statements.push_back(std::move(final_drops));
    compiled.undo.emplace_back(std::nullopt);
    compiled.operations.push_back(compiled.operations.back());
    compiled.preconditions.emplace_back(std::nullopt);
    compiled.final_drops = true;
}

}  // namespace

CompiledStep MigrationExecutor::compile(const PlanStep& step, const ProjectState& before) const {
    const Migration& m = *step.migration;
    CompiledStep compiled;
    const std::vector<ProjectState> states = states_around(m, before);
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
    // runs once nothing else can fail. Once one of its drops ran there is no
    // way back, only forwards: it has no undo, so a failure or a kill after
    // that leaves the migration partial for `--resume` to finish.
    append_final_drops(editor->take_deferred(), compiled);
    return compiled;
}

void MigrationExecutor::run(Connection& connection, const Plan& plan,
                            const std::set<MigrationKey>& applied, const ExecutorOptions& options,
                            const std::function<void(const StepResult&)>& on_step) const {
    auto states = states_before(plan, applied);
    MigrationRecorder recorder(connection);
    MigrationJournal journal(connection);
    const bool ddl_commits = !dialect_.features().can_rollback_ddl;
    if (!options.fake) {
        check_reversible(plan, states);
        migration_lock_of(connection).set_ddl_lock_timeout(options.ddl_lock_timeout);
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
        const std::string what = std::string(step.backwards ? "rolling back" : "applying") +
                                 " migration " + m.key().to_string();
        auto body = [&] {
            if (!options.fake) {
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
        };
        run_migration_body(connection,
                           !m.atomic     ? Bracket::autocommit
                           : ddl_commits ? Bracket::none
                                         : Bracket::transaction,
                           what, body);
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

}  // namespace covet
