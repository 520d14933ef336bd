#include <algorithm>
#include <memory>

#include "commands.h"
#include "covet/error.h"
#include "covet/operation.h"
#include "covet/schema_drift.h"
#include "migration_status.h"
#include "util/json_writer.h"

namespace covet::cli {

namespace {

// Modified, partial and missing migrations of the recorded history.
void status_findings(const std::vector<MigrationStatusRow>& rows,
                     std::vector<std::string>& findings) {
    for (const auto& row : rows) {
        if (row.status == MigrationStatus::Modified)
            findings.push_back("modified: " + row.key.to_string() + " has checksum " +
                               row.checksum + " but " + row.recorded_checksum +
                               " was recorded when it was applied");
        if (row.status == MigrationStatus::Partial)
            findings.push_back("partial: " + row.key.to_string() +
                               " was interrupted half-applied; `covet migrate` reverts it "
                               "(or `--resume` finishes it)");
        if (row.status == MigrationStatus::Missing)
            findings.push_back("missing: " + row.key.to_string() +
                               " is recorded as applied but has no migration file");
    }
}

// Applied migrations whose dependencies are not: the history contradicts the graph.
void consistency_findings(CommandContext& ctx, const std::set<MigrationKey>& applied,
                          std::vector<std::string>& findings) {
    for (const Migration* m : ctx.graph().order()) {
        if (!applied.count(m->key())) continue;
        for (const auto& dep : m->dependencies)
            if (!applied.count(dep))
                findings.push_back("inconsistent history: " + m->key().to_string() +
                                   " is applied but its dependency " + dep.to_string() + " is not");
    }
}

// Tables some migration names (created, altered, renamed to, or a through
// table of the full state): drift when live outside the state. Any other
// live table (a run_sql's) is covet's business only with --strict.
std::set<std::string> managed_tables(CommandContext& ctx) {
    std::set<MigrationKey> all;
    for (const Migration* m : ctx.graph().order())
        all.insert(m->key());
    std::set<std::string> tables = state_tables(ctx.state_at(all));
    for (const Migration* m : ctx.graph().order())
        for (const auto& op : m->operations) {
            if (std::string table = op->table_name(); !table.empty()) tables.insert(table);
            if (auto rename = dynamic_cast<const RenameTable*>(op.get()))
                tables.insert(rename->new_name);
        }
    return tables;
}

struct CheckReport {
    std::vector<std::string> findings;  // one line each, drift included
    std::vector<DriftFinding> drift;
};

CheckReport check_findings(CommandContext& ctx, bool strict) {
    CheckReport report;
    std::vector<std::string>& findings = report.findings;
    try {
        auto rows = migration_statuses(ctx);
        std::set<MigrationKey> applied;
        for (const auto& row : rows)
            if (row.status != MigrationStatus::Pending) applied.insert(row.key);
        status_findings(rows, findings);
        consistency_findings(ctx, applied, findings);
        bool history_known = std::none_of(rows.begin(), rows.end(), [](const auto& r) {
            return r.status == MigrationStatus::Missing || r.status == MigrationStatus::Partial;
        });
        // Drift: the live schema against what the applied migrations build.
        if (history_known) {
            DriftOptions options;
            options.managed_tables = managed_tables(ctx);
            options.strict = strict;
            const ProjectState& state = ctx.state_at(applied);
            report.drift = find_drift(state, ctx.connection(), options);
            for (const auto& d : report.drift)
                findings.push_back("drift: " + d.message());
        }
    } catch (const LoadError& e) {
        findings.push_back(std::string("graph: ") + e.what());
    } catch (const MigrationError& e) {
        findings.push_back(std::string("graph: ") + e.what());
    }
    return report;
}

void write_drift_json(JsonWriter& json, const std::vector<DriftFinding>& drift) {
    json.key("drift").begin_array();
    for (const auto& d : drift) {
        json.begin_object().key("kind").string(d.kind).key("table").string(d.table);
        json.key("column").string(d.column).key("expected").string(d.expected);
        json.key("actual").string(d.actual);
        // The index or constraint a finding is about ("" for tables and columns).
        json.key("name").string(d.subject).end_object();
    }
    json.end_array();
}

}  // namespace

CommandRun add_check_command(CLI::App& app) {
    auto strict = std::make_shared<bool>(false);
    CLI::App* cmd = app.add_subcommand(
        "check", "Verify checksums, missing files, the graph and the recorded history");
    cmd->add_flag("--strict", *strict, "also report tables no migration manages");
    return [strict](CommandContext& ctx) {
        const CheckReport report = check_findings(ctx, *strict);
        const std::vector<std::string>& findings = report.findings;
        if (ctx.json()) {
            // "findings" as before (every line); "drift" the same drift as objects.
            JsonWriter json;
            json.begin_object().key("findings").begin_array();
            for (const auto& f : findings)
                json.string(f);
            json.end_array();
            write_drift_json(json, report.drift);
            json.end_object();
            ctx.out() << json.str() << "\n";
        } else if (findings.empty()) {
            if (!ctx.quiet()) ctx.out() << "No issues found.\n";
        } else {
            for (const auto& f : findings)
                ctx.out() << f << "\n";
        }
        return findings.empty() ? kExitOk : kExitFinding;
    };
}

}  // namespace covet::cli
