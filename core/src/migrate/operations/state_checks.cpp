#include "migrate/operations/state_checks.h"

#include "covet/error.h"

namespace covet {

const ModelState& require_table(const ProjectState& state, const std::string& table) {
    const ModelState* model = state.find_table(table);
    if (!model) throw MigrationError("table '" + table + "' does not exist");
    return *model;
}

void require_no_table(const ProjectState& state, const std::string& table) {
    if (state.find_table(table)) throw MigrationError("table '" + table + "' already exists");
}

const Field& require_field(const ModelState& model, const std::string& name) {
    const Field* f = model.find_field_or_column(name);
    if (!f) {
        std::string valid;
        for (const auto& field : model.fields)
            valid += (valid.empty() ? "" : ", ") + field.name;
        throw MigrationError("table '" + model.table + "' has no column '" + name +
                             "' (columns: " + valid + ")");
    }
    return *f;
}

Field resolve_relation(const ProjectState& state, const ModelState& owner, Field field) {
    if (!field.is_relation()) return field;
    if (field.to == "self" || field.to == owner.table || field.to == owner.name) {
        field.to = owner.name;
        return field;
    }
    const ModelState* target = state.resolve_target(field.to, owner);
    if (!target)
        throw MigrationError(std::string(field_type_name(field.type)) + " '" + owner.table + "." +
                             field.name + "' points to unknown table or model '" + field.to + "'");
    field.to = target->name;
    return field;
}

void check_columns_exist(const ModelState& model, const std::vector<std::string>& names,
                         const std::string& what) {
    for (const auto& name : names) {
        const Field* f = model.find_field_or_column(name);
        if (!f || !f->has_column())
            throw MigrationError(what + " of table '" + model.table + "' names unknown column '" +
                                 name + "'");
    }
}

void require_no_index(const ProjectState& state, const std::string& index_name) {
    for (const ModelState* m : state.models()) {
        if (m->find_index(index_name))
            throw MigrationError("index '" + index_name + "' already exists on table '" + m->table +
                                 "'");
        if (m->find_constraint(index_name))
            throw MigrationError("name '" + index_name + "' is already a constraint of table '" +
                                 m->table + "'");
    }
}

void check_condition_fields(const ModelState& model, const Condition& condition,
                            const std::string& what) {
    for (const auto& use : condition.names()) {
        const Field* f = model.find_field_or_column(use.name);
        if (f && f->has_column()) continue;
        std::string valid;
        for (const Field* field : model.concrete_fields())
            valid += (valid.empty() ? "" : ", ") + field->name;
        const std::string message = what + " of table '" + model.table + "' names unknown field '" +
                                    use.name + "' (fields: " + valid + ")";
        const Condition::Origin at = condition.position_of(use.column);
        if (at.file.empty()) throw MigrationError(message);
        throw LoadError(at.file, at.line, at.column, message);
    }
}

}  // namespace covet
