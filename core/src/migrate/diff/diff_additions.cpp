// What comes: tables (after the tables they point at), columns, altered
// columns, then unique_together, indexes and constraints, which may use
// the new columns.
#include "covet/error.h"
#include "covet/state_yaml.h"
#include "migrate/diff/state_differ.h"

namespace covet::diff {

namespace {

bool points_at_missing(const ProjectState& working, const ProjectState& target,
                       const ModelState& owner, const Field& f) {
    if (!f.is_relation()) return false;
    const ModelState* to = target.resolve_target(f.to, owner);
    return to && to != &owner && !working.find_table(to->table);
}

bool covers(const CreateTable& op, const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        bool found = name == "id";
        for (const Field& f : op.fields)
            found = found || f.name == name || f.column() == name;
        if (!found) return false;
    }
    return true;
}

// The table's unique_together and indexes go into its create_table unless
// they use a column added later (a deferred foreign key).
void keep_covered(const ModelState& model, CreateTable& op) {
    for (const auto& group : model.unique_together)
        if (covers(op, group)) op.unique_together.push_back(group);
    for (const IndexSpec& index : model.indexes)
        if (covers(op, index.columns) && index.where.empty()) op.indexes.push_back(index);
    for (const IndexSpec& index : model.indexes)
        if (covers(op, index.columns) && !index.where.empty()) op.indexes.push_back(index);
}

}  // namespace

void StateDiffer::create_tables() {
    for (const ModelState* model : models_in_dependency_order(target_)) {
        if (working_.find_table(model->table)) continue;
        auto op = std::make_shared<CreateTable>();
        op->table = model->table;
        op->model = model->name == model_name_for_table(model->table) ? "" : model->name;
        for (const Field& f : model->fields) {
            // A cycle of foreign keys: the later table's key is added after.
            if (points_at_missing(working_, target_, *model, f))
                deferred_.emplace_back(model->table, f);
            else
                op->fields.push_back(comparable(target_, *model, f));
        }
        keep_covered(*model, *op);
        op->ordering = model->ordering;
        emit(op);
    }
}

void StateDiffer::add_column(const ModelState& target, const Field& field) {
    bool needs_value = field.has_column() && !field.null && !field.is_auto() &&
                       (!field.default_value || field.default_value->is_null());
    if (needs_value)
        throw MigrationError("cannot add column '" + target.table + "." + field.name +
                             "': it is NOT NULL and has no default, so the existing rows have "
                             "no value for it. Give it a default (" +
                             field_type_name(field.type) +
                             "(..., default=...)) or allow null=True, then run makemigrations "
                             "again");
    auto op = std::make_shared<AddColumn>();
    op->table = target.table;
    op->field = comparable(target_, target, field);
    emit(op);
}

void StateDiffer::add_columns() {
    for (const ModelState* target : shared_tables()) {
        const ModelState& current = working_.table(target->table);
        std::vector<const Field*> fields;
        for (const Field& f : target->fields)
            if (!current.find_field(f.name)) fields.push_back(&f);
        for (const Field* f : fields)
            add_column(*target, *f);
    }
}

void StateDiffer::add_deferred_relations() {
    for (const auto& [table, field] : deferred_) {
        auto op = std::make_shared<AddColumn>();
        op->table = table;
        op->field = comparable(target_, target_.table(table), field);
        emit(op);
    }
}

namespace {

// A many-to-many field keeps its links in a table of its own: a new target
// or through, or turning it into a column (or back), is no change in place
// (as Django's schema editor says), and dropping and re-adding it would drop
// every link. The user does that in two migrations, knowingly.
void refuse_many_to_many_change(const ProjectState& now, const ModelState& current,
                                const ProjectState& then, const ModelState& target,
                                const Field& wanted) {
    const Field* had = current.find_field(wanted.name);
    if (!had || (!had->is_many_to_many() && !wanted.is_many_to_many())) return;
    if (had->is_many_to_many() && wanted.is_many_to_many() && had->through == wanted.through) {
        const ModelState* from = now.resolve_target(had->to, current);
        const ModelState* to = then.resolve_target(wanted.to, target);
        if (from && to && from->table == to->table) return;  // e.g. only related_name
    }
    throw MigrationError("cannot change many-to-many field '" + current.table + "." + wanted.name +
                         "' in place (its target, its through table, or whether it is "
                         "many-to-many): its links live in a table of their own; remove "
                         "the field in one migration and add it back in the next");
}

}  // namespace

void StateDiffer::alter_columns() {
    for (const ModelState* target : shared_tables()) {
        std::set<std::string> changing = changing_fields(*target);
        for (const Field& f : target->fields) {
            if (!changing.count(f.name)) continue;
            refuse_many_to_many_change(working_, working_.table(target->table), target_, *target,
                                       f);
            auto op = std::make_shared<AlterColumn>();
            op->table = target->table;
            op->column = f.name;
            op->field = comparable(target_, *target, f);
            emit(op);
        }
    }
}

void StateDiffer::alter_unique_together() {
    for (const ModelState* target : shared_tables()) {
        if (working_.table(target->table).unique_together == target->unique_together) continue;
        auto op = std::make_shared<AlterUniqueTogether>();
        op->table = target->table;
        op->unique_together = target->unique_together;
        emit(op);
    }
}

void StateDiffer::create_indexes() {
    for (const ModelState* target : target_.models()) {
        if (target->auto_created) continue;
        for (const IndexSpec& index : target->indexes) {
            if (working_.table(target->table).find_index(index.name)) continue;
            auto op = std::make_shared<CreateIndex>();
            op->table = target->table;
            op->index = index;
            emit(op);
        }
    }
}

void StateDiffer::add_constraints() {
    for (const ModelState* target : target_.models()) {
        if (target->auto_created) continue;
        for (const ConstraintSpec& c : target->constraints) {
            if (working_.table(target->table).find_constraint(c.name)) continue;
            auto op = std::make_shared<AddConstraint>();
            op->table = target->table;
            op->constraint = c;
            emit(op);
        }
    }
}

}  // namespace covet::diff
