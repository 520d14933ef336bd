#include "sqlite/sqlite_schema_editor.h"

#include "covet/dialect.h"

namespace covet {

namespace {

bool used_by_index_or_constraint(const ModelState& model, const Field& field) {
    for (const auto& index : model.indexes)
        for (const auto& name : index.columns)
            if (model.column_for(name) == field.column()) return true;
    for (const auto& group : model.unique_together)
        for (const auto& name : group)
            if (model.column_for(name) == field.column()) return true;
    return false;
}

bool references_itself(const ModelState& model, const ProjectState& state) {
    for (const auto& field : model.fields) {
        if (field.type != FieldType::ForeignKey) continue;
        const ModelState* target = state.resolve_target(field.to, model);
        if (target && target->table == model.table) return true;
    }
    return false;
}

}  // namespace

std::string SqliteSchemaEditor::unique_clause(const Field&, const ModelState&) const {
    return "UNIQUE";
}

void SqliteSchemaEditor::rename_object(const SchemaObject& before, const SchemaObject& after) {
    // SQLite has no ALTER INDEX ... RENAME.
    emit(drop_object_sql(before));
    emit(after.create_sql);
}

void SqliteSchemaEditor::add_column(const std::string& table, const std::string& field_name,
                                    const ProjectState& from, const ProjectState& to) {
    const ModelState& model = to.table(table);
    const Field& field = require_field(model, field_name);
    // ALTER TABLE ADD COLUMN takes neither keys nor a NOT NULL column without
    // a default, nor (with foreign keys on) a reference with a non-NULL default.
    const bool in_place =
        field.is_many_to_many() ||
        (!field.primary_key && !field.unique && (is_nullable(field) || has_default(field)) &&
         !(field.type == FieldType::ForeignKey && has_default(field)));
    if (in_place)
        BaseSchemaEditor::add_column(table, field_name, from, to);
    else
        rebuild_table(from.table(table), model, to);
}

void SqliteSchemaEditor::drop_column(const std::string& table, const std::string& field_name,
                                     const ProjectState& from, const ProjectState& to) {
    const ModelState& model = from.table(table);
    const Field& field = require_field(model, field_name);
    // DROP COLUMN refuses keys, indexed columns and columns in constraints.
    const bool in_place =
        field.is_many_to_many() ||
        (!field.primary_key && !field.unique && !field.db_index &&
         field.type != FieldType::ForeignKey && !used_by_index_or_constraint(model, field));
    if (in_place)
        BaseSchemaEditor::drop_column(table, field_name, from, to);
    else
        rebuild_table(model, to.table(table), to);
}

void SqliteSchemaEditor::alter_column(const std::string& table, const std::string& field_name,
                                      const ProjectState& from, const ProjectState& to) {
    const ModelState& old_model = from.table(table);
    const ModelState& new_model = to.table(table);
    const Field& old_field = require_field(old_model, field_name);
    const Field& new_field = require_field(new_model, field_name);
    if (old_field.is_many_to_many() || new_field.is_many_to_many()) {
        alter_many_to_many(old_model, old_field, from, new_model, new_field, to);
        return;
    }
    guard_narrowing(old_model, old_field, from, new_model, new_field, to);
    // A primary key that changes type takes the columns referencing it along
    // (foreign keys, its own included, and through tables), even when its
    // own column is written the same (AutoField and BigAutoField: "integer").
    const bool key_type_changes =
        old_field.primary_key && new_field.primary_key &&
        alter_type(old_field, from, old_model) != alter_type(new_field, to, new_model);
    // Same definition: at most a new name and different indexes, no rebuild.
    if (column_body(old_field, from, old_model) == column_body(new_field, to, new_model) &&
        !(key_type_changes && references_itself(new_model, to))) {
        alter_objects(old_model, from, new_model, to, [&] {
            if (old_field.column() != new_field.column())
                emit(rename_column_sql(table, old_field.column(), new_field.column()));
        });
    } else {
        rebuild_table(old_model, new_model, to);
    }
    if (key_type_changes)
        for (const auto& pair : models_referencing(table, from, to))
            rebuild_table(pair.before, pair.after, to);
}

std::string SqliteSchemaEditor::char_length_sql(const std::string& quoted_column) const {
    return "length(CAST(" + quoted_column + " AS text))";
}

std::string SqliteSchemaEditor::trim_fraction_zeros_sql(const std::string& decimal_text) const {
    // A REAL prints as 12.0: the point goes with its zeros; 3000 keeps them.
    return "CASE WHEN instr(" + decimal_text + ", '.') > 0 THEN rtrim(rtrim(" + decimal_text +
           ", '0'), '.') ELSE " + decimal_text + " END";
}

std::string SqliteSchemaEditor::time_of_day_sql(const std::string& quoted_column) const {
    return "time(" + quoted_column + ")";
}

std::string SqliteSchemaEditor::round_sql(const std::string& quoted_column, int places) const {
    return "round(" + quoted_column + ", " + std::to_string(places) + ")";
}

void SqliteSchemaEditor::alter_constraints(const std::string& table, const ProjectState& from,
                                           const ProjectState& to) {
    const ModelState& old_model = from.table(table);
    const ModelState& new_model = to.table(table);
    // UNIQUE and CHECK constraints live in CREATE TABLE: changing one rebuilds
    // the table; partial unique indexes are separate objects.
    if (create_table_sql(old_model, from, table) != create_table_sql(new_model, to, table))
        rebuild_table(old_model, new_model, to);
    else
        BaseSchemaEditor::alter_constraints(table, from, to);
}

void SqliteSchemaEditor::rebuild_table(const ModelState& old_model, const ModelState& new_model,
                                       const ProjectState& to) {
    const std::string temporary = "new__" + new_model.table;
    const std::string saved_triggers = "temp." + quote("covet_saved_triggers");
    emit(create_table_sql(new_model, to, temporary));
    copy_rows(old_model, new_model, temporary);
    // Dropping the table drops its triggers: their SQL is kept to re-create
    // them once the new table is in place (steps 4 and 10 of SQLite's
    // "other kinds of table schema changes"); it is known only at run time.
    emit("CREATE TEMP TABLE " + saved_triggers +
         " AS SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = " +
         dialect().quote_value(Value(old_model.table)) + " COLLATE NOCASE");
    emit(drop_table_sql(old_model.table));
    // The modern rename re-parses every view and trigger naming the table,
    // which fails while the table is gone ("error in view v: no such table");
    // the legacy rename leaves them as written: they name the table again
    // once the new one has its name.
    emit("PRAGMA legacy_alter_table = ON");
    emit(rename_table_sql(temporary, new_model.table));
    emit("PRAGMA legacy_alter_table = OFF");
    emit_objects(schema_objects(new_model, to), SchemaObject::Kind::Index);
    for (const auto& index : new_model.indexes)
        emit(create_index_sql(new_model.table, index, new_model));
    emit_run_each("SELECT sql FROM " + saved_triggers + " ORDER BY rowid");
    emit("DROP TABLE " + saved_triggers);
    check_views_and_triggers(new_model);
}

void SqliteSchemaEditor::check_views_and_triggers(const ModelState& model) {
    // A modern rename to the same name changes nothing but re-parses every view
    // and trigger, so one naming a column the new table lacks fails the
    // migration now, as SQLite's own DROP COLUMN does, not every later change.
    // It costs a pass over the whole schema: only where a view or trigger may
    // name the table.
    const auto columns = model.concrete_fields();
    if (columns.empty()) return;
    const std::string first_column = quote(columns.front()->column());
    const std::string reparse = "ALTER TABLE " + quote(model.table) + " RENAME COLUMN " +
                                first_column + " TO " + first_column;
    emit_run_each("SELECT " + dialect().quote_value(Value(reparse)) +
                  " WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE type IN ('trigger', 'view') "
                  "AND instr(lower(sql), lower(" +
                  dialect().quote_value(Value(model.table)) + ")) > 0)");
}

void SqliteSchemaEditor::copy_rows(const ModelState& old_model, const ModelState& new_model,
                                   const std::string& into) {
    std::string columns;
    std::string values;
    for (const Field* field : new_model.concrete_fields()) {
        std::string value;
        const Field* old_field = old_model.find_field(field->name);
        if (old_field && old_field->has_column()) {
            value = quote(old_field->column());
            if (is_nullable(*old_field) && !is_nullable(*field) && has_default(*field))
                value = "coalesce(" + value + ", " + default_literal(*field) + ")";
        } else if (has_default(*field)) {
            value = default_literal(*field);
        } else {
            continue;
        }
        columns += (columns.empty() ? "" : ", ") + quote(field->column());
        values += (values.empty() ? "" : ", ") + value;
    }
    if (!columns.empty())
        emit("INSERT INTO " + quote(into) + " (" + columns + ") SELECT " + values + " FROM " +
             quote(old_model.table));
}

}  // namespace covet
