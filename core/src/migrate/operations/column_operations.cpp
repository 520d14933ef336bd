// add_column, drop_column, alter_column, rename_column.
#include <algorithm>

#include "covet/error.h"
#include "covet/operation.h"
#include "covet/schema_editor.h"
#include "migrate/canonical_text.h"
#include "migrate/operations/state_checks.h"

namespace covet {

namespace {

bool names_column(const ModelState& model, const Field& field, const std::string& name) {
    return name == field.name || (field.has_column() && name == field.column()) ||
           model.column_for(name) == field.column();
}

// Indexes and unique_together groups that name the field.
void require_unused(const ModelState& model, const Field& field) {
    for (const auto& index : model.indexes)
        for (const auto& c : index.columns)
            if (names_column(model, field, c))
                throw MigrationError("column '" + model.table + "." + field.name +
                                     "' is used by index '" + index.name +
                                     "'; drop the index first");
    for (const auto& group : model.unique_together)
        for (const auto& c : group)
            if (names_column(model, field, c))
                throw MigrationError("column '" + model.table + "." + field.name +
                                     "' is part of unique_together; change it first");
}

void rename_in(std::vector<std::string>& names, const ModelState& model, const Field& field,
               const Field& renamed) {
    for (auto& name : names) {
        if (!names_column(model, field, name)) continue;
        name = (name == field.name) ? renamed.name : renamed.column();
    }
}

}  // namespace

void AddColumn::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    if (model.find_field(field.name) ||
        (field.has_column() && model.find_field_or_column(field.column())))
        throw MigrationError("table '" + table + "' already has column '" + field.name + "'");
    if (field.primary_key)
        throw MigrationError("cannot add primary key column '" + field.name + "' to table '" +
                             table + "'");
    Field resolved = resolve_relation(state, model, field);
    state.edit(table).fields.push_back(std::move(resolved));
    require_distinct_index_names(state, table);
}

void AddColumn::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                  const ProjectState& after) const {
    editor.add_column(table, field.name, before, after);
}

void AddColumn::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                   const ProjectState& after) const {
    editor.drop_column(table, field.name, after, before);
}

std::string AddColumn::describe() const {
    return "Add column " + field.name + " to " + table;
}

std::string AddColumn::canonical() const {
    return "add_column{table=" + canonical_quote(table) + ",column=" + canonical_quote(field.name) +
           ",field=" + field.canonical() + "}";
}

void DropColumn::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    const Field& field = require_field(model, column);
    if (field.primary_key)
        throw MigrationError("cannot drop primary key column '" + table + "." + field.name + "'");
    require_unused(model, field);
    std::string name = field.name;
    auto& fields = state.edit(table).fields;
    fields.erase(std::remove_if(fields.begin(), fields.end(),
                                [&](const Field& f) { return f.name == name; }),
                 fields.end());
}

void DropColumn::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                   const ProjectState& after) const {
    editor.drop_column(table, require_field(before.table(table), column).name, before, after);
}

void DropColumn::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                    const ProjectState& after) const {
    editor.add_column(table, require_field(before.table(table), column).name, after, before);
}

std::string DropColumn::describe() const {
    return "Drop column " + column + " from " + table;
}

std::string DropColumn::canonical() const {
    return "drop_column{table=" + canonical_quote(table) + ",column=" + canonical_quote(column) +
           "}";
}

void AlterColumn::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    const Field& old = require_field(model, column);
    if (old.is_many_to_many() != field.is_many_to_many())
        throw MigrationError("cannot alter '" + table + "." + old.name +
                             "' between a many-to-many field and a column; drop and add instead");
    if (old.primary_key != field.primary_key)
        throw MigrationError("cannot change whether '" + table + "." + old.name +
                             "' is the primary key");
    Field altered = resolve_relation(state, model, field);
    altered.name = old.name;
    std::string name = old.name;
    *state.edit(table).find_field_mut(name) = std::move(altered);
    require_distinct_index_names(state, table);
}

void AlterColumn::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                    const ProjectState& after) const {
    editor.alter_column(table, require_field(before.table(table), column).name, before, after);
}

void AlterColumn::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                     const ProjectState& after) const {
    editor.alter_column(table, require_field(before.table(table), column).name, after, before);
}

std::string AlterColumn::describe() const {
    return "Alter column " + column + " of " + table;
}

std::string AlterColumn::canonical() const {
    return "alter_column{table=" + canonical_quote(table) + ",column=" + canonical_quote(column) +
           ",field=" + field.canonical() + "}";
}

void RenameColumn::state_forwards(const std::string&, ProjectState& state) const {
    // A copy: edit() below may free the model the state held.
    const ModelState model = require_table(state, table);
    const Field old = require_field(model, old_name);
    Field renamed = old;
    renamed.name = new_name;
    // Renaming author_id to writer_id renames the field author to writer.
    if (old.type == FieldType::ForeignKey && old.db_column.empty() && old_name == old.column() &&
        new_name.size() > 3 && new_name.ends_with("_id"))
        renamed.name = new_name.substr(0, new_name.size() - 3);
    if (model.find_field(renamed.name) ||
        (renamed.has_column() && model.find_field_or_column(renamed.column())))
        throw MigrationError("table '" + table + "' already has column '" + new_name + "'");
    ModelState& edited = state.edit(table);
    for (auto& index : edited.indexes)
        rename_in(index.columns, model, old, renamed);
    for (auto& group : edited.unique_together)
        rename_in(group, model, old, renamed);
    for (auto& order : edited.ordering) {
        bool desc = order.starts_with("-");
        std::string bare = desc ? order.substr(1) : order;
        if (bare == old.name) order = (desc ? "-" : "") + renamed.name;
    }
    *edited.find_field_mut(old.name) = std::move(renamed);
    require_distinct_index_names(state, table);
}

namespace {
std::string field_name_after_rename(const ProjectState& after, const std::string& table,
                                    const std::string& new_name) {
    return require_field(after.table(table), new_name).name;
}
}  // namespace

void RenameColumn::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                     const ProjectState& after) const {
    editor.rename_column(table, require_field(before.table(table), old_name).name,
                         field_name_after_rename(after, table, new_name), before, after);
}

void RenameColumn::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                      const ProjectState& after) const {
    editor.rename_column(table, field_name_after_rename(after, table, new_name),
                         require_field(before.table(table), old_name).name, after, before);
}

std::string RenameColumn::describe() const {
    return "Rename column " + old_name + " of " + table + " to " + new_name;
}

std::string RenameColumn::canonical() const {
    return "rename_column{table=" + canonical_quote(table) + ",old=" + canonical_quote(old_name) +
           ",new=" + canonical_quote(new_name) + "}";
}

}  // namespace covet
