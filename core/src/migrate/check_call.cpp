// covet::check: what `covet check` reports, as data. The messages are the
// lines the command prints.
#include <algorithm>

#include "covet/error.h"
#include "covet/journal.h"
#include "covet/migrate.h"
#include "covet/recorder.h"
#include "covet/schema_drift.h"
#include "migrate/loaded_migrations.h"

namespace covet {

namespace {

using Kind = CheckFinding::Kind;
using History = std::map<MigrationKey, AppliedMigration>;

// Modified and missing migrations of the recorded history.
void history_findings(const MigrationGraph& graph, const History& history,
                      std::vector<CheckFinding>& findings) {
    for (const Migration* m : graph.order()) {
        auto it = history.find(m->key());
        if (it == history.end() || it->second.checksum == m->checksum()) continue;
        findings.push_back({Kind::Modified, "modified: " + m->key().to_string() + " has checksum " +
                                                m->checksum() + " but " + it->second.checksum +
                                                " was recorded when it was applied"});
    }
    for (const auto& [key, record] : history)
        if (!graph.contains(key))
            findings.push_back({Kind::Missing, "missing: " + key.to_string() +
                                                   " is recorded as applied but has no "
                                                   "migration file"});
}

// Applied migrations whose dependencies are not: the history contradicts the graph.
void consistency_findings(const MigrationGraph& graph, const std::set<MigrationKey>& applied,
                          std::vector<CheckFinding>& findings) {
    for (const Migration* m : graph.order()) {
        if (!applied.count(m->key())) continue;
        for (const auto& dep : m->dependencies)
            if (!applied.count(dep))
                findings.push_back(
                    {Kind::InconsistentHistory, "inconsistent history: " + m->key().to_string() +
                                                    " is applied but its dependency " +
                                                    dep.to_string() + " is not"});
    }
}

void findings_of(const Database& db, const MigrationSource& source,
                 std::vector<CheckFinding>& findings) {
    LoadedMigrations loaded(source, db.dialect());
    History history = MigrationRecorder(db.connection()).applied();
    std::set<MigrationKey> applied;
    for (const auto& [key, record] : history)
        applied.insert(key);
    history_findings(loaded.graph(), history, findings);
    auto partial = MigrationJournal(db.connection()).read();
    if (partial)
        findings.push_back({Kind::Partial, "partial: " + partial->key.to_string() +
                                               " was interrupted half-applied; `covet migrate` "
                                               "reverts it (or `--resume` finishes it)"});
    consistency_findings(loaded.graph(), applied, findings);
    bool history_known =
        !partial && std::none_of(findings.begin(), findings.end(),
                                 [](const CheckFinding& f) { return f.kind == Kind::Missing; });
    // Drift: the live schema against what the applied migrations build.
    if (history_known)
        for (const auto& d : find_schema_drift(loaded.states().at(applied), db.connection()))
            findings.push_back({Kind::Drift, "drift: " + d});
}

}  // namespace

std::vector<CheckFinding> check(const Database& db, const MigrationSource& source) {
    std::vector<CheckFinding> findings;
    try {
        findings_of(db, source, findings);
    } catch (const LoadError& e) {
        findings.push_back({Kind::Graph, std::string("graph: ") + e.what()});
    } catch (const MigrationError& e) {
        findings.push_back({Kind::Graph, std::string("graph: ") + e.what()});
    }
    return findings;
}

}  // namespace covet
