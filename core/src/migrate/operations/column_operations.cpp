// add_column, drop_column, alter_column, rename_column.
#include <algorithm>

#include "covet/error.h"
#include "covet/operation.h"
#include "covet/schema_editor.h"
#include "migrate/canonical_text.h"
#include "migrate/operations/state_checks.h"
#include "schema/python_repr.h"

namespace covet {

namespace {

bool names_column(const ModelState& model, const Field& field, const std::string& name) {
    return name == field.name || (field.has_column() && name == field.column()) ||
           model.column_for(name) == field.column();
}

bool condition_names(const ModelState& model, const Field& field, const Condition& condition) {
    for (const auto& use : condition.names())
        if (names_column(model, field, use.name)) return true;
    return false;
}

bool any_names(const ModelState& model, const Field& field, const std::vector<std::string>& names) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return names_column(model, field, n); });
}

// Indexes, unique_together groups and constraints that name the field.
void require_unused(const ModelState& model, const Field& field) {
    const std::string column = "column '" + model.table + "." + field.name + "'";
    for (const auto& index : model.indexes)
        if (any_names(model, field, index.columns) || condition_names(model, field, index.where))
            throw MigrationError(column + " is used by index '" + index.name +
                                 "'; drop the index first");
    for (const auto& group : model.unique_together)
        if (any_names(model, field, group))
            throw MigrationError(column +
                                 " is part of unique_together; change the set first with "
                                 "alter_unique_together");
    for (const auto& constraint : model.constraints)
        if (any_names(model, field, constraint.unique) ||
            condition_names(model, field, constraint.where) ||
            condition_names(model, field, constraint.check))
            throw MigrationError(column + " is used by constraint '" + constraint.name +
                                 "'; remove the constraint first with remove_constraint");
}

// The name a reference to `field` takes after the rename: a field name stays
// a field name, a column name a column name. "" when `name` is another field.
std::string renamed_reference(const std::string& name, const ModelState& model, const Field& field,
                              const Field& renamed) {
    if (!names_column(model, field, name)) return "";
    return name == field.name ? renamed.name : renamed.column();
}

// A column that cannot be added to a table with rows: NOT NULL, no default.
std::optional<Precondition> needs_empty_table(const std::string& table, const Field& field) {
    if (!field.has_column() || field.null || field.is_auto() ||
        (field.default_value && !field.default_value->is_null()))
        return std::nullopt;
    return Precondition{table, "table '" + table + "' has rows, and the NOT NULL column '" +
                                   field.column() +
                                   "' has no default to fill them: give it a default (with "
                                   "preserve_default: false to use it only for the existing "
                                   "rows) or null: True"};
}

// `state` with the field's default set to `value`: the column as it is
// added, before a one-off default is dropped again.
ProjectState with_default(const ProjectState& state, const std::string& table,
                          const std::string& field, const Value& value) {
    ProjectState filled = state;
    filled.edit(table).find_field_mut(field)->default_value = value;
    return filled;
}

void rename_in(std::vector<std::string>& names, const ModelState& model, const Field& field,
               const Field& renamed) {
    for (auto& name : names) {
        std::string after = renamed_reference(name, model, field, renamed);
        if (!after.empty()) name = after;
    }
}

void rename_in(Condition& condition, const ModelState& model, const Field& field,
               const Field& renamed) {
    condition = condition.renamed(
        [&](const std::string& name) { return renamed_reference(name, model, field, renamed); });
}

// Another field than `self` already owns the name or the column.
bool taken_by_other(const ModelState& model, const Field& self, const Field& candidate) {
    for (const auto& f : model.fields) {
        if (f.name == self.name) continue;
        if (f.name == candidate.name) return true;
        if (candidate.has_column() && f.has_column() && f.column() == candidate.column())
            return true;
    }
    return false;
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
    if (!preserve_default && (!field.default_value || field.default_value->is_null()))
        throw MigrationError("preserve_default: false needs a default to fill the existing rows");
    Field resolved = resolve_relation(state, model, field);
    if (!preserve_default) resolved.default_value.reset();
    state.edit(table).fields.push_back(std::move(resolved));
    require_distinct_index_names(state, table);
}

void AddColumn::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                  const ProjectState& after) const {
    if (preserve_default) {
        editor.add_column(table, field.name, before, after);
        return;
    }
    ProjectState filled = with_default(after, table, field.name, *field.default_value);
    editor.add_column(table, field.name, before, filled);
    editor.alter_column(table, field.name, filled, after);
}

std::optional<Precondition> AddColumn::precondition(bool backwards, const ProjectState&,
                                                    const ProjectState& after) const {
    if (backwards || !preserve_default) return std::nullopt;
    return needs_empty_table(table, require_field(after.table(table), field.name));
}

void AddColumn::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                   const ProjectState& after) const {
    editor.drop_column(table, field.name, after, before);
}

std::string AddColumn::describe() const {
    return "Add column " + field.name + " to " + table;
}

std::string AddColumn::canonical() const {
    // Written only when set, so that earlier migrations keep their checksums.
    return "add_column{table=" + canonical_quote(table) + ",column=" + canonical_quote(field.name) +
           ",field=" + field.canonical() + (preserve_default ? "" : ",preserve_default=false") +
           "}";
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
    const Field& field = require_field(before.table(table), column);
    if (!fill_default || needs_empty_table(table, field) == std::nullopt) {
        editor.add_column(table, field.name, after, before);
        return;
    }
    ProjectState filled = with_default(before, table, field.name, *fill_default);
    editor.add_column(table, field.name, after, filled);
    editor.alter_column(table, field.name, filled, before);
}

std::optional<Precondition> DropColumn::precondition(bool backwards, const ProjectState& before,
                                                     const ProjectState&) const {
    if (!backwards || fill_default) return std::nullopt;
    return needs_empty_table(table, require_field(before.table(table), column));
}

std::string DropColumn::describe() const {
    return "Drop column " + column + " from " + table;
}

std::string DropColumn::canonical() const {
    return "drop_column{table=" + canonical_quote(table) + ",column=" + canonical_quote(column) +
           (fill_default ? ",default=" + python_repr(*fill_default) : "") + "}";
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
    if (taken_by_other(model, old, altered))
        throw MigrationError("table '" + table + "' already has column '" + altered.column() + "'");
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
    // The field itself does not count: with db_column only its name changes (as Django).
    if (taken_by_other(model, old, renamed))
        throw MigrationError("table '" + table + "' already has column '" + new_name + "'");
    ModelState& edited = state.edit(table);
    for (auto& index : edited.indexes) {
        rename_in(index.columns, model, old, renamed);
        rename_in(index.where, model, old, renamed);
    }
    for (auto& group : edited.unique_together)
        rename_in(group, model, old, renamed);
    for (auto& constraint : edited.constraints) {
        rename_in(constraint.unique, model, old, renamed);
        rename_in(constraint.where, model, old, renamed);
        rename_in(constraint.check, model, old, renamed);
    }
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
