// --plan, --sql, sqlmigrate and --check output: what a plan would do, as
// text or JSON, with a partial migration's revert (or resume) first.
#include "plan_output.h"

#include "commands.h"
#include "util/json_writer.h"

namespace covet::cli {

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
