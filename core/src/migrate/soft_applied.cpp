#include "covet/soft_applied.h"

#include <algorithm>

#include "covet/introspector.h"
#include "covet/operation.h"

namespace covet {

bool is_initial_migration(const Migration& migration) {
    if (migration.initial) return *migration.initial;
    const bool depends_on_own_app =
        std::any_of(migration.dependencies.begin(), migration.dependencies.end(),
                    [&](const MigrationKey& dep) { return dep.app == migration.app; });
    if (depends_on_own_app || migration.operations.empty()) return false;
    return std::all_of(migration.operations.begin(), migration.operations.end(),
                       [](const OperationPtr& op) { return op->kind() == "create_table"; });
}

namespace {

// The tables the migration's create_table operations make, through tables included.
std::set<std::string> created_tables(const Migration& migration, const ProjectState& after) {
    std::set<std::string> tables;
    for (const auto& op : migration.operations) {
        auto create = dynamic_cast<const CreateTable*>(op.get());
        if (!create) continue;
        tables.insert(create->table);
        if (const ModelState* model = after.find_table(create->table))
            for (const auto& f : model->fields)
                if (f.is_many_to_many() && f.through.empty())
                    tables.insert(after.through_model(*model, f).table);
    }
    return tables;
}

}  // namespace

SoftApplied detect_soft_applied(const Migration& migration, const ProjectState& after,
                                Connection& connection) {
    SoftApplied result;
    if (!is_initial_migration(migration)) return result;
    const std::set<std::string> tables = created_tables(migration, after);
    Introspector& introspector = introspector_of(connection);
    const bool any = std::any_of(tables.begin(), tables.end(),
                                 [&](const auto& t) { return introspector.table_exists(t); });
    if (tables.empty() || !any) {
        result.outcome =
            tables.empty() ? SoftApplied::Outcome::NotInitial : SoftApplied::Outcome::Absent;
        return result;
    }
    DriftOptions options;
    options.only_tables = tables;
    result.differences = find_drift(after, connection, options);
    result.outcome =
        result.differences.empty() ? SoftApplied::Outcome::Matches : SoftApplied::Outcome::Differs;
    return result;
}

}  // namespace covet
