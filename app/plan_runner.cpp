#include "plan_runner.h"

#include <chrono>
#include <cmath>
#include <iostream>

#include "commands.h"
#include "covet/error.h"
#include "covet/recorder.h"
#include "json_writer.h"

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

std::set<MigrationKey> applied_keys(CommandContext& ctx) {
    MigrationRecorder recorder(ctx.connection());
    return key_set(recorder.applied());
}

int run_plan_locked(CommandContext& ctx, const PlanBuilder& build, const RunOptions& options) {
    const MigrationGraph& graph = ctx.graph();
    Connection& connection = ctx.connection();
    auto timeout = std::chrono::milliseconds(
        static_cast<std::int64_t>(std::llround(options.lock_timeout_seconds * 1000)));
    connection.acquire_migration_lock(timeout);

    std::vector<StepResult> done;
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
        MigrationExecutor executor(graph, connection.dialect());
        ExecutorOptions run_options;
        run_options.fake = options.fake;
        run_options.ddl_lock_timeout = std::chrono::milliseconds(
            static_cast<std::int64_t>(std::llround(options.ddl_lock_timeout_seconds * 1000)));
        // A run killed inside a migration on a database whose DDL commits
        // left a journal: put that migration back in order first.
        std::string recovered = executor.recover_partial(connection, options.resume, run_options);
        if (!recovered.empty() && !ctx.json()) std::cerr << recovered << std::endl;
        std::set<MigrationKey> applied = key_set(recorder.applied());
        Plan plan = build(MigrationPlanner(graph, applied));
        if (plan.empty() && !ctx.json() && !ctx.quiet()) ctx.out() << options.nothing_to_do << "\n";
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

int print_plan(CommandContext& ctx, const Plan& plan) {
    if (ctx.json()) {
        JsonWriter json;
        json.begin_object().key("plan").begin_array();
        for (const auto& step : plan) {
            json.begin_object()
                .key("app")
                .string(step.migration->app)
                .key("name")
                .string(step.migration->name)
                .key("backwards")
                .boolean(step.backwards)
                .key("operations")
                .begin_array();
            for (const auto& op : step.migration->operations)
                json.string(op->describe());
            json.end_array().end_object();
        }
        json.end_array().end_object();
        ctx.out() << json.str() << "\n";
        return kExitOk;
    }
    if (plan.empty()) {
        ctx.out() << "No planned migration operations.\n";
        return kExitOk;
    }
    ctx.out() << "Planned operations:\n";
    for (const auto& step : plan) {
        ctx.out() << step.migration->key().to_string() << (step.backwards ? " (backwards)" : "")
                  << "\n";
        const auto& ops = step.migration->operations;
        for (std::size_t i = 0; i < ops.size(); ++i) {
            const auto& op = step.backwards ? ops[ops.size() - 1 - i] : ops[i];
            ctx.out() << "    " << (step.backwards ? "Undo " : "") << op->describe() << "\n";
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
                   const Dialect& dialect) {
    MigrationExecutor executor(ctx.graph(), dialect);
    auto states = executor.states_before(plan, applied);
    std::vector<CompiledStep> compiled;
    for (const auto& step : plan)
        compiled.push_back(executor.compile(step, states.at(step.migration->key())));
    print_compiled_sql(ctx, plan, compiled);
    return kExitOk;
}

void print_compiled_sql(CommandContext& ctx, const Plan& plan,
                        const std::vector<CompiledStep>& compiled) {
    if (ctx.json()) {
        JsonWriter json;
        json.begin_object().key("migrations").begin_array();
        for (std::size_t i = 0; i < plan.size(); ++i) {
            json.begin_object()
                .key("app")
                .string(plan[i].migration->app)
                .key("name")
                .string(plan[i].migration->name)
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
    for (std::size_t i = 0; i < plan.size(); ++i) {
        ctx.out() << "-- migration " << plan[i].migration->key().to_string()
                  << (plan[i].backwards ? " (backwards)" : "") << "\n";
        for (const auto& statements : compiled[i].statements)
            for (const auto& sql : statements)
                print_statement(ctx.out(), sql);
    }
}

int print_unapplied(CommandContext& ctx, const Plan& plan) {
    if (ctx.json()) {
        JsonWriter json;
        json.begin_object().key("unapplied").begin_array();
        for (const auto& step : plan)
            json.begin_object()
                .key("app")
                .string(step.migration->app)
                .key("name")
                .string(step.migration->name)
                .key("backwards")
                .boolean(step.backwards)
                .end_object();
        json.end_array().end_object();
        ctx.out() << json.str() << "\n";
        return plan.empty() ? kExitOk : kExitFinding;
    }
    if (plan.empty()) {
        if (!ctx.quiet()) ctx.out() << "No migrations to apply.\n";
        return kExitOk;
    }
    ctx.out() << "Unapplied migrations:\n";
    for (const auto& step : plan)
        ctx.out() << "  " << step.migration->key().to_string()
                  << (step.backwards ? " (would be rolled back)" : "") << "\n";
    return kExitFinding;
}

}  // namespace covet::cli
