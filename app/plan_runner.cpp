#include "plan_runner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>

#include "commands.h"
#include "covet/error.h"
#include "covet/recorder.h"
#include "util/json_writer.h"

namespace covet::cli {

namespace {

std::set<MigrationKey> key_set(const std::map<MigrationKey, AppliedMigration>& applied) {
    std::set<MigrationKey> out;
    for (const auto& [key, record] : applied)
        out.insert(key);
    return out;
}

void write_steps(JsonWriter& json, const std::vector<StepResult>& steps, bool backwards) {
    json.begin_array();
    for (const auto& s : steps) {
        if (s.backwards != backwards) continue;
        json.begin_object()
            .key("app")
            .string(s.key.app)
            .key("name")
            .string(s.key.name)
            .key("duration_ms")
            .number(s.duration_ms)
            .end_object();
    }
    json.end_array();
}

}  // namespace

std::vector<MigrationKey> application_order(
    const std::map<MigrationKey, AppliedMigration>& history) {
    std::vector<std::pair<std::int64_t, MigrationKey>> by_id;
    for (const auto& [key, record] : history)
        by_id.emplace_back(record.id, key);
    std::sort(by_id.begin(), by_id.end());
    std::vector<MigrationKey> out;
    for (auto& [id, key] : by_id)
        out.push_back(std::move(key));
    return out;
}

std::vector<MigrationKey> application_order(CommandContext& ctx) {
    return application_order(MigrationRecorder(ctx.connection()).applied());
}

std::set<MigrationKey> applied_keys(CommandContext& ctx) {
    return key_set(MigrationRecorder(ctx.connection()).applied());
}

int run_plan_locked(CommandContext& ctx, const PlanBuilder& build, const RunOptions& options) {
    const MigrationGraph& graph = ctx.graph();
    Connection& connection = ctx.connection();
    auto timeout = std::chrono::milliseconds(
        static_cast<std::int64_t>(std::llround(options.lock_timeout_seconds * 1000)));
    connection.acquire_migration_lock(timeout);

    std::vector<StepResult> done;
    bool plan_is_recovery = false;
    auto report = [&] {
        if (!ctx.json()) return;
        JsonWriter json;
        json.begin_object().key("applied");
        write_steps(json, done, false);
        json.key("rolled_back");
        write_steps(json, done, true);
        json.end_object();
        ctx.out() << json.str() << "\n";
    };
    try {
        MigrationRecorder recorder(connection);
        recorder.ensure_schema();
        MigrationExecutor executor(graph, connection.dialect(), &ctx.states());
        ExecutorOptions run_options;
        run_options.fake = options.fake;
        run_options.ddl_lock_timeout = std::chrono::milliseconds(
            static_cast<std::int64_t>(std::llround(options.ddl_lock_timeout_seconds * 1000)));
        // A run killed inside a migration on a database whose DDL commits
        // left a journal: put that migration back in order first.
        auto partial = MigrationJournal(connection).read();
        bool reverts_apply = reverts_partial_apply(partial, options.resume);
        if (partial && !options.fake) {
            // Nothing, not even the partial migration's revert, runs before
            // the plan is known to be reversible.
            auto after =
                applied_after_recovery(key_set(recorder.applied()), partial, options.resume);
            MigrationPlanner ahead(graph, after);
            ahead.set_application_order(application_order(recorder.applied()));
            Plan planned = build({ahead, reverts_apply});
            executor.check_reversible(planned, executor.states_before(planned, after));
        }
        std::string recovered = executor.recover_partial(connection, options.resume, run_options);
        if (!recovered.empty() && !ctx.json()) std::cerr << recovered << std::endl;
        auto history = recorder.applied();
        std::set<MigrationKey> applied = key_set(history);
        MigrationPlanner planner(graph, applied);
        planner.allow_missing_files(options.fake);
        planner.set_application_order(application_order(history));
        Plan plan = build({planner, reverts_apply});
        if (plan.empty() && !recovered.empty()) plan_is_recovery = true;
        if (plan.empty() && !plan_is_recovery && !ctx.json() && !ctx.quiet())
            ctx.out() << options.nothing_to_do << "\n";
        executor.run(connection, plan, applied, run_options, [&](const StepResult& step) {
            done.push_back(step);
            if (ctx.json() || ctx.quiet()) return;
            ctx.out() << (step.backwards ? "Unapplying " : "Applying ") << step.key.to_string()
                      << "..." << (options.fake ? " FAKED" : " OK") << " ("
                      << static_cast<long long>(std::llround(step.duration_ms)) << " ms)"
                      << std::endl;
        });
        connection.release_migration_lock(true);
    } catch (...) {
        // Keep what earlier migrations of this run did; the failed one is undone.
        try {
            connection.release_migration_lock(true);
        } catch (const Error&) {
        }
        report();
        throw;
    }
    report();
    return kExitOk;
}

std::set<MigrationKey> applied_after_recovery(std::set<MigrationKey> applied,
                                              const std::optional<JournalEntry>& partial,
                                              bool resume) {
    if (partial && resume) {
        if (partial->backwards)
            applied.erase(partial->key);
        else
            applied.insert(partial->key);
    }
    return applied;
}

std::optional<JournalEntry> pending_partial(CommandContext& ctx) {
    Connection& connection = ctx.connection();
    // Any back end can have one: atomic: false migrations are journaled too.
    return MigrationJournal(connection).read();
}

namespace {

// The operations of a partial migration that its revert (or resume) touches,
// in the order it does so.
std::vector<std::string> partial_operations(const Migration* m, const JournalEntry& entry,
                                            bool resume) {
    std::vector<std::string> out;
    auto describe = [&](std::size_t k) {
        if (m && k == m->operations.size())
            return std::string("the final drops of what it set aside");
        if (!m || k > m->operations.size()) return "operation " + std::to_string(k + 1);
        return m->operations[entry.backwards ? m->operations.size() - 1 - k : k]->describe();
    };
    if (resume) {
        for (const auto& op : entry.operations)
            if (!op.finished()) out.push_back(describe(static_cast<std::size_t>(op.index)));
        return out;
    }
    for (std::size_t k = entry.revert_count(); k-- > 0;)
        out.push_back((entry.operations[k].undo_known ? "" : "(cannot be undone) ") + describe(k));
    return out;
}

std::string partial_label(const JournalEntry& entry, bool resume) {
    return resume
               ? (entry.backwards ? "finish the partial rollback" : "finish the partial migration")
               : (entry.backwards ? "revert the partial rollback" : "revert the partial migration");
}

// The SQL a partial migration's revert (or resume) runs, in order.
std::vector<std::string> partial_statements(const JournalEntry& entry, bool resume) {
    if (!resume) return entry.revert_statements();
    std::vector<std::string> out;
    for (const auto& op : entry.operations)
        for (std::size_t j = 0; j < op.statements.size(); ++j)
            if (!op.done[j]) out.push_back(op.statements[j]);
    return out;
}

// Whether a backwards step would fail for want of a reverse (run_sql without reverse_sql).
bool irreversible(const PlanStep& step) {
    if (!step.backwards || !step.migration) return false;
    for (const auto& op : step.migration->operations)
        if (!op->reversible()) return true;
    return false;
}

// Opens the JSON object of a partial migration's revert (or resume) step.
JsonWriter& begin_partial_json(JsonWriter& json, const JournalEntry& partial, bool resume) {
    return json.begin_object()
        .key("app")
        .string(partial.key.app)
        .key("name")
        .string(partial.key.name)
        .key("backwards")
        .boolean(resume ? partial.backwards : !partial.backwards)
        .key("partial")
        .string(resume ? "resume" : "revert");
}

void write_plan_json(CommandContext& ctx, const Plan& plan,
                     const std::optional<JournalEntry>& partial, bool resume) {
    JsonWriter json;
    json.begin_object().key("plan").begin_array();
    if (partial) {
        const Migration* m = ctx.graph().find(partial->key);
        begin_partial_json(json, *partial, resume).key("operations").begin_array();
        for (const auto& text : partial_operations(m, *partial, resume))
            json.string(text);
        json.end_array().end_object();
    }
    for (const auto& step : plan) {
        json.begin_object()
            .key("app")
            .string(step.key().app)
            .key("name")
            .string(step.key().name)
            .key("backwards")
            .boolean(step.backwards)
            .key("irreversible")
            .boolean(irreversible(step))
            .key("operations")
            .begin_array();
        if (step.migration)
            for (const auto& op : step.migration->operations)
                json.string(op->describe());
        json.end_array().end_object();
    }
    json.end_array().end_object();
    ctx.out() << json.str() << "\n";
}

}  // namespace

int print_plan(CommandContext& ctx, const Plan& plan, const std::optional<JournalEntry>& partial,
               bool resume) {
    if (ctx.json()) {
        write_plan_json(ctx, plan, partial, resume);
        return kExitOk;
    }
    if (plan.empty() && !partial) {
        ctx.out() << "No planned migration operations.\n";
        return kExitOk;
    }
    ctx.out() << "Planned operations:\n";
    if (partial) {
        ctx.out() << partial->key.to_string() << " (" << partial_label(*partial, resume) << ")\n";
        for (const auto& text :
             partial_operations(ctx.graph().find(partial->key), *partial, resume))
            ctx.out() << "    " << (resume ? "" : "Undo ") << text << "\n";
    }
    for (const auto& step : plan) {
        ctx.out() << step.key().to_string() << (step.backwards ? " (backwards)" : "")
                  << (step.migration ? "" : " (file missing: only --fake removes its record)")
                  << "\n";
        if (!step.migration) continue;
        const auto& ops = step.migration->operations;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const auto& op = step.backwards ? ops[ops.size() - 1 - i] : ops[i];
            ctx.out() << "    " << (step.backwards ? "Undo " : "") << op->describe()
                      << (step.backwards && !op->reversible() ? " -> IRREVERSIBLE" : "") << "\n";
        }
    }
    return kExitOk;
}

std::string trimmed_statement(const std::string& sql) {
    std::size_t end = sql.find_last_not_of(" \t\r\n");
    return end == std::string::npos ? "" : sql.substr(0, end + 1);
}

void print_statement(std::ostream& out, const std::string& sql) {
    std::string text = trimmed_statement(sql);
    if (text.empty()) return;
    if (text.back() == ';') {
        out << text << "\n";
        return;
    }
    std::size_t line_start = text.rfind('\n');
    bool ends_in_comment =
        text.find("--", line_start == std::string::npos ? 0 : line_start) != std::string::npos;
    out << text << (ends_in_comment ? "\n;\n" : ";\n");
}

int print_plan_sql(CommandContext& ctx, const Plan& plan, const std::set<MigrationKey>& applied,
                   const Dialect& dialect, const std::optional<JournalEntry>& partial,
                   bool resume) {
    MigrationExecutor executor(ctx.graph(), dialect, &ctx.states());
    auto states = executor.states_before(plan, applied);
    std::vector<CompiledStep> compiled;
    for (const auto& step : plan)
        compiled.push_back(step.migration ? executor.compile(step, states.at(step.key()))
                                          : CompiledStep{});
    print_compiled_sql(ctx, plan, compiled, partial, resume);
    return kExitOk;
}

void print_compiled_sql(CommandContext& ctx, const Plan& plan,
                        const std::vector<CompiledStep>& compiled,
                        const std::optional<JournalEntry>& partial, bool resume) {
    if (ctx.json()) {
        JsonWriter json;
        json.begin_object().key("migrations").begin_array();
        if (partial) {
            begin_partial_json(json, *partial, resume).key("statements").begin_array();
            for (const auto& sql : partial_statements(*partial, resume))
                if (std::string text = trimmed_statement(sql); !text.empty()) json.string(text);
            json.end_array().end_object();
        }
        for (std::size_t i = 0; i < plan.size(); ++i) {
            json.begin_object()
                .key("app")
                .string(plan[i].key().app)
                .key("name")
                .string(plan[i].key().name)
                .key("backwards")
                .boolean(plan[i].backwards)
                .key("statements")
                .begin_array();
            for (const auto& statements : compiled[i].statements)
                for (const auto& sql : statements)
                    if (std::string text = trimmed_statement(sql); !text.empty()) json.string(text);
            json.end_array().end_object();
        }
        json.end_array().end_object();
        ctx.out() << json.str() << "\n";
        return;
    }
    if (partial) {
        ctx.out() << "-- " << partial_label(*partial, resume) << " " << partial->key.to_string()
                  << "\n";
        for (const auto& sql : partial_statements(*partial, resume))
            print_statement(ctx.out(), sql);
    }
    for (std::size_t i = 0; i < plan.size(); ++i) {
        ctx.out() << "-- migration " << plan[i].key().to_string()
                  << (plan[i].backwards ? " (backwards)" : "") << "\n";
        for (const auto& statements : compiled[i].statements)
            for (const auto& sql : statements)
                print_statement(ctx.out(), sql);
    }
}

int print_unapplied(CommandContext& ctx, const Plan& plan,
                    const std::optional<JournalEntry>& partial) {
    const bool nothing = plan.empty() && !partial;
    if (ctx.json()) {
        JsonWriter json;
        json.begin_object().key("unapplied").begin_array();
        if (partial)
            json.begin_object()
                .key("app")
                .string(partial->key.app)
                .key("name")
                .string(partial->key.name)
                .key("backwards")
                .boolean(partial->backwards)
                .key("partial")
                .boolean(true)
                .end_object();
        for (const auto& step : plan)
            json.begin_object()
                .key("app")
                .string(step.key().app)
                .key("name")
                .string(step.key().name)
                .key("backwards")
                .boolean(step.backwards)
                .end_object();
        json.end_array().end_object();
        ctx.out() << json.str() << "\n";
        return nothing ? kExitOk : kExitFinding;
    }
    if (nothing) {
        if (!ctx.quiet()) ctx.out() << "No migrations to apply.\n";
        return kExitOk;
    }
    ctx.out() << "Unapplied migrations:\n";
    if (partial) ctx.out() << "  " << partial->key.to_string() << " (partial)\n";
    for (const auto& step : plan)
        ctx.out() << "  " << step.key().to_string()
                  << (step.backwards ? " (would be rolled back)" : "") << "\n";
    return kExitFinding;
}

}  // namespace covet::cli
