#include "covet/executor.h"

#include <chrono>

#include "covet/error.h"
#include "covet/recorder.h"
#include "covet/schema_editor.h"

namespace covet {

std::string describe_operation(const Migration& migration, std::size_t index) {
    const Operation& op = *migration.operations[index];
    std::string where = op.location.to_string();
    return "operation " + std::to_string(index + 1) + " (" + op.kind() +
           (where.empty() ? "" : " at " + where) + ": " + op.describe() + ")";
}

ProjectState replay_all(const MigrationGraph& graph) {
    ProjectState state;
    for (const Migration* m : graph.order()) {
        for (std::size_t i = 0; i < m->operations.size(); ++i) {
            const Operation& op = *m->operations[i];
            try {
                op.state_forwards(m->app, state);
            } catch (const MigrationError& e) {
                if (op.location.file.empty())
                    throw MigrationError("migration " + m->key().to_string() + ", " +
                                         describe_operation(*m, i) + ": " + e.what());
                throw LoadError(op.location.file, op.location.line, op.location.column,
                                op.kind() + ": " + e.what());
            }
        }
    }
    return state;
}

std::map<MigrationKey, ProjectState> MigrationExecutor::states_before(
    const Plan& plan, const std::set<MigrationKey>& applied) const {
    std::set<MigrationKey> planned_forwards;
    std::set<MigrationKey> wanted;
    for (const auto& step : plan) {
        wanted.insert(step.migration->key());
        if (!step.backwards) planned_forwards.insert(step.migration->key());
    }
    std::map<MigrationKey, ProjectState> out;
    ProjectState state;
    for (const Migration* m : graph_.order()) {
        const MigrationKey key = m->key();
        if (!applied.count(key) && !planned_forwards.count(key)) continue;
        if (wanted.count(key)) out.emplace(key, state);
        for (const auto& op : m->operations) op->state_forwards(m->app, state);
    }
    return out;
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
    auto compile_one = [&](std::size_t i) {
        const Operation& op = *m.operations[i];
        try {
            if (step.backwards)
                op.database_backwards(*editor, states[i], states[i + 1]);
            else
                op.database_forwards(*editor, states[i], states[i + 1]);
        } catch (const IrreversibleError& e) {
            throw IrreversibleError("cannot roll back migration " + m.key().to_string() + ": " +
                                    describe_operation(m, i) + " is irreversible: " + e.what());
        } catch (const MigrationError& e) {
            throw MigrationError("migration " + m.key().to_string() + ", " +
                                 describe_operation(m, i) + ": " + e.what());
        }
        compiled.statements.push_back(editor->take_statements());
        compiled.operations.push_back(&op);
    };
    if (step.backwards) {
        for (std::size_t i = m.operations.size(); i-- > 0;) compile_one(i);
    } else {
        for (std::size_t i = 0; i < m.operations.size(); ++i) compile_one(i);
    }
    return compiled;
}

void MigrationExecutor::run(Connection& connection, const Plan& plan,
                            const std::set<MigrationKey>& applied, bool fake,
                            const std::function<void(const StepResult&)>& on_step) const {
    auto states = states_before(plan, applied);
    MigrationRecorder recorder(connection);
    for (const auto& step : plan) {
        const Migration& m = *step.migration;
        auto started = std::chrono::steady_clock::now();
        // Compiling first means an irreversible step fails before any change.
        CompiledStep compiled = compile(step, states.at(m.key()));
        connection.begin_migration(m.atomic);
        try {
            if (!fake) {
                for (std::size_t i = 0; i < compiled.statements.size(); ++i) {
                    for (const auto& sql : compiled.statements[i]) {
                        try {
                            connection.execute(sql);
                        } catch (const Error& e) {
                            std::size_t index = step.backwards ? m.operations.size() - 1 - i : i;
                            throw MigrationError(
                                std::string(step.backwards ? "rolling back" : "applying") +
                                " migration " + m.key().to_string() + " failed in " +
                                describe_operation(m, index) + ": " + e.what());
                        }
                    }
                }
            }
            if (step.backwards)
                recorder.record_unapplied(m.key());
            else
                recorder.record_applied(m.key(), m.checksum());
            connection.commit_migration();
        } catch (...) {
            connection.rollback_migration();
            throw;
        }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                              started)
                        .count();
        if (on_step) on_step({m.key(), step.backwards, ms});
    }
}

}  // namespace covet
