#include <algorithm>
#include <memory>

#include "commands.h"
#include "covet/error.h"
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

std::vector<std::string> check_findings(CommandContext& ctx) {
    std::vector<std::string> findings;
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
            const ProjectState& state = ctx.state_at(applied);
            for (const auto& d : find_schema_drift(state, ctx.connection()))
                findings.push_back("drift: " + d);
        }
    } catch (const LoadError& e) {
        findings.push_back(std::string("graph: ") + e.what());
    } catch (const MigrationError& e) {
        findings.push_back(std::string("graph: ") + e.what());
    }
    return findings;
}

}  // namespace

CommandRun add_check_command(CLI::App& app) {
    app.add_subcommand("check",
                       "Verify checksums, missing files, the graph and the recorded history");
    return [](CommandContext& ctx) {
        const std::vector<std::string> findings = check_findings(ctx);
        if (ctx.json()) {
            JsonWriter json;
            json.begin_object().key("findings").begin_array();
            for (const auto& f : findings)
                json.string(f);
            json.end_array().end_object();
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
