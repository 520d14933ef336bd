// find_drift: the tables of the state against the live ones; each table's
// columns and indexes are compared in drift_columns.cpp and drift_indexes.cpp.
#include "covet/schema_drift.h"

#include <map>

#include "covet/dialect.h"
#include "covet/introspector.h"
#include "covet/journal.h"
#include "covet/recorder.h"
#include "migrate/drift_compare.h"

namespace covet {

namespace {

// Each table of the state with its model, through tables included.
std::map<std::string, ModelState> expected_models(const ProjectState& state) {
    std::map<std::string, ModelState> expected;
    for (const ModelState* model : state.models()) {
        expected.emplace(model->table, *model);
        for (const auto& f : model->fields)
            if (f.is_many_to_many() && f.through.empty()) {
                ModelState through = state.through_model(*model, f);
                expected.emplace(through.table, std::move(through));
            }
    }
    return expected;
}

void report_unexpected_tables(const std::set<std::string>& live,
                              const std::map<std::string, ModelState>& expected,
                              const DriftOptions& options, std::vector<DriftFinding>& out) {
    // The database's own bookkeeping tables never reach here:
    // each dialect's table_names() leaves them out.
    const std::set<std::string> own = {MigrationRecorder::kTable, MigrationJournal::kTable};
    for (const auto& table : live) {
        if (expected.count(table) || own.count(table)) continue;
        const bool managed = !options.managed_tables || options.managed_tables->count(table);
        if (managed)
            out.push_back({"extra_table", table, "", "", table, ""});
        else if (options.strict)
            out.push_back({"unmanaged_table", table, "", "", table, ""});
    }
}

}  // namespace

std::set<std::string> state_tables(const ProjectState& state) {
    std::set<std::string> tables;
    for (const auto& [table, model] : expected_models(state))
        tables.insert(table);
    return tables;
}

std::vector<DriftFinding> find_drift(const ProjectState& state, Connection& connection,
                                     const DriftOptions& options) {
    std::vector<DriftFinding> out;
    auto editor = connection.dialect().schema_editor();
    std::map<std::string, ModelState> expected = expected_models(state);
    // Through models reference models by name: compare within a state holding them.
    ProjectState with_through = state;
    for (const auto& [table, model] : expected)
        if (model.auto_created) with_through.put(model);
    Introspector& introspector = introspector_of(connection);
    std::set<std::string> live;
    for (const auto& name : introspector.table_names())
        live.insert(name);
    DriftContext ctx{with_through, *editor, out};
    for (const auto& [table, model] : expected) {
        if (options.only_tables && !options.only_tables->count(table)) continue;
        if (!live.count(table)) {
            out.push_back({"missing_table", table, "", table, "", ""});
            continue;
        }
        IntrospectedTable described = introspector.describe_table(table);
        compare_columns(model, described, ctx);
        compare_indexes(model, described, ctx);
    }
    if (!options.only_tables) report_unexpected_tables(live, expected, options, out);
    return out;
}

}  // namespace covet
