// diff_states: the order of the steps (Django's autodetector order: renames,
// removals, additions) and the comparisons they share.
#include "migrate/diff/state_differ.h"

#include <algorithm>

#include "covet/error.h"

namespace covet {

std::string RenameChoice::describe() const {
    if (is_table()) return "table '" + old_name + "' to '" + new_name + "'";
    return "column '" + table + "." + old_name + "' to '" + new_name + "'";
}

std::string RenameChoice::flag() const {
    return (is_table() ? old_name : table + "." + old_name) + "=" + new_name;
}

namespace diff {

Field comparable(const ProjectState& state, const ModelState& owner, const Field& field) {
    Field out = field;
    out.db_index_written = false;
    if (out.is_relation()) {
        if (const ModelState* target = state.resolve_target(out.to, owner)) out.to = target->table;
        if (!out.through.empty())
            if (const ModelState* through = state.resolve_target(out.through, owner))
                out.through = through->table;
    }
    return out;
}

bool same_field(const ProjectState& a_state, const ModelState& a_model, const Field& a,
                const ProjectState& b_state, const ModelState& b_model, const Field& b) {
    return comparable(a_state, a_model, a) == comparable(b_state, b_model, b);
}

void StateDiffer::emit(OperationPtr op) {
    std::string app = "default";
    if (const ModelState* model = working_.find_table(op->table_name())) app = model->app;
    if (const ModelState* model = target_.find_table(op->table_name())) app = model->app;
    op->state_forwards(app, working_);
    operations_.push_back(std::move(op));
}

std::vector<const ModelState*> StateDiffer::shared_tables() const {
    std::vector<const ModelState*> out;
    for (const ModelState* model : target_.models())
        if (!model->auto_created && working_.find_table(model->table)) out.push_back(model);
    return out;
}

std::set<std::string> StateDiffer::changing_fields(const ModelState& target) const {
    std::set<std::string> out;
    const ModelState& current = working_.table(target.table);
    for (const Field& f : current.fields) {
        const Field* wanted = target.find_field(f.name);
        if (!wanted || !same_field(working_, current, f, target_, target, *wanted))
            out.insert(f.name);
    }
    return out;
}

std::vector<OperationPtr> StateDiffer::run() {
    rename_tables();
    rename_columns();
    drop_indexes();
    drop_constraints();
    narrow_unique_together();
    drop_columns();
    drop_tables();
    create_tables();
    add_deferred_relations();
    add_columns();
    alter_columns();
    alter_unique_together();
    create_indexes();
    add_constraints();
    return std::move(operations_);
}

}  // namespace diff

std::vector<OperationPtr> diff_states(const ProjectState& from, const ProjectState& to,
                                      const DiffOptions& options) {
    return diff::StateDiffer(from, to, options).run();
}

namespace {

std::vector<IndexSpec> by_name(std::vector<IndexSpec> indexes) {
    std::sort(indexes.begin(), indexes.end(),
              [](const IndexSpec& x, const IndexSpec& y) { return x.name < y.name; });
    return indexes;
}

}  // namespace

bool same_schema(const ProjectState& a, const ProjectState& b) {
    std::vector<const ModelState*> left, right;
    for (const ModelState* m : a.models())
        if (!m->auto_created) left.push_back(m);
    for (const ModelState* m : b.models())
        if (!m->auto_created) right.push_back(m);
    if (left.size() != right.size()) return false;
    for (std::size_t i = 0; i < left.size(); ++i) {
        const ModelState& x = *left[i];
        const ModelState& y = *right[i];
        if (x.table != y.table || x.fields.size() != y.fields.size() ||
            x.unique_together != y.unique_together || by_name(x.indexes) != by_name(y.indexes) ||
            x.constraints != y.constraints)
            return false;
        for (const Field& f : x.fields) {
            const Field* g = y.find_field(f.name);
            if (!g || !diff::same_field(a, x, f, b, y, *g)) return false;
        }
    }
    return true;
}

}  // namespace covet
