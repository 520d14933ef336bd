// create_table, drop_table, rename_table.
#include <set>

#include "covet/error.h"
#include "covet/operation.h"
#include "covet/schema_editor.h"
#include "migrate/canonical_text.h"
#include "migrate/operations/state_checks.h"

namespace covet {

namespace {

std::string index_canonical(const IndexSpec& index) {
    return "{name=" + canonical_quote(index.name) + ",columns=" + canonical_list(index.columns) +
           ",unique=" + (index.unique ? "1" : "0") +
           ",where=" + canonical_quote(index.where.text()) +
           (index.concurrently ? ",concurrently=1" : "") + "}";
}

std::string effective_model_name(const CreateTable& op) {
    return op.model.empty() ? model_name_for_table(op.table) : op.model;
}

}  // namespace

void CreateTable::state_forwards(const std::string& app, ProjectState& state) const {
    require_no_table(state, table);
    ModelState model;
    model.app = app;
    model.table = table;
    model.name = effective_model_name(*this);
    if (const ModelState* clash = state.find_model(model.name))
        throw MigrationError("model name '" + model.name + "' of table '" + table +
                             "' is already used by table '" + clash->table + "'");
    model.unique_together = unique_together;
    model.indexes = indexes;
    model.ordering = ordering;

    std::set<std::string> names;
    int primary_keys = 0;
    for (const auto& f : fields) {
        if (!names.insert(f.name).second)
            throw MigrationError("table '" + table + "' defines column '" + f.name + "' twice");
        if (f.primary_key) ++primary_keys;
    }
    if (primary_keys > 1)
        throw MigrationError("table '" + table + "' has more than one primary key");
    if (primary_keys == 0) {
        if (names.count("id"))
            throw MigrationError("table '" + table +
                                 "' has no primary key and its 'id' column is not one");
        Field id;
        id.name = "id";
        id.type = FieldType::AutoField;
        id.primary_key = true;
        model.fields.push_back(id);
    }
    model.fields.insert(model.fields.end(), fields.begin(), fields.end());
    // Relations may point at the new model itself, so resolve against a state holding it.
    ProjectState with_model = state;
    with_model.put(model);
    for (auto& f : model.fields)
        f = resolve_relation(with_model, model, f);
    for (const auto& group : unique_together)
        check_columns_exist(model, group, "unique_together");
    for (const auto& index : indexes) {
        require_no_index(state, index.name);
        check_columns_exist(model, index.columns, "index '" + index.name + "'");
        check_condition_fields(model, index.where, "the where: of index '" + index.name + "'");
    }
    check_ordering(model);
    state.put(std::move(model));
    require_distinct_index_names(state, table);
}

void CreateTable::database_forwards(SchemaEditor& editor, const ProjectState&,
                                    const ProjectState& after) const {
    editor.create_table(after.table(table), after);
}

void CreateTable::database_backwards(SchemaEditor& editor, const ProjectState&,
                                     const ProjectState& after) const {
    editor.drop_table(after.table(table), after);
}

std::string CreateTable::describe() const {
    return "Create table " + table;
}

std::string CreateTable::canonical() const {
    std::string out = "create_table{table=" + canonical_quote(table) +
                      ",model=" + canonical_quote(effective_model_name(*this)) + ",fields=[";
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ",";
        out += canonical_quote(fields[i].name) + ":" + fields[i].canonical();
    }
    out += "],unique_together=" + canonical_list_of_lists(unique_together) + ",indexes=[";
    for (std::size_t i = 0; i < indexes.size(); ++i) {
        if (i) out += ",";
        out += index_canonical(indexes[i]);
    }
    return out + "],ordering=" + canonical_list(ordering) + "}";
}

void DropTable::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    for (const auto& [other, field] : state.references_to(table)) {
        if (other->table == table) continue;
        throw MigrationError("cannot drop table '" + table + "': column '" + other->table + "." +
                             field->name + "' references it");
    }
    for (const ModelState* other : state.models()) {
        if (other->table == table) continue;
        for (const auto& f : other->fields)
            if (f.is_many_to_many() && state.resolve_target(f.to, *other) == &model)
                throw MigrationError("cannot drop table '" + table + "': many-to-many field '" +
                                     other->table + "." + f.name + "' references it");
    }
    state.remove(table);
}

void DropTable::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                  const ProjectState&) const {
    editor.drop_table(before.table(table), before);
}

void DropTable::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                   const ProjectState&) const {
    editor.create_table(before.table(table), before);
}

std::string DropTable::describe() const {
    return "Drop table " + table;
}

std::string DropTable::canonical() const {
    return "drop_table{table=" + canonical_quote(table) + "}";
}

void RenameTable::state_forwards(const std::string&, ProjectState& state) const {
    ModelState model = require_table(state, old_name);
    require_no_table(state, new_name);
    state.remove(old_name);
    // The model keeps its name (as Django's AlterModelTable): relations and
    // through-table columns, which follow model names, stay valid.
    model.table = new_name;
    state.put(std::move(model));
    require_distinct_index_names(state, new_name);
}

void RenameTable::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                    const ProjectState& after) const {
    editor.rename_table(old_name, new_name, before, after);
}

void RenameTable::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                     const ProjectState& after) const {
    editor.rename_table(new_name, old_name, after, before);
}

std::string RenameTable::describe() const {
    return "Rename table " + old_name + " to " + new_name;
}

std::string RenameTable::canonical() const {
    return "rename_table{old=" + canonical_quote(old_name) + ",new=" + canonical_quote(new_name) +
           "}";
}

}  // namespace covet
