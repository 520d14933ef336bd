#include "mysql/mysql_schema_editor.h"

#include <optional>

#include "covet/error.h"
#include "schema/identifier_names.h"

namespace covet {

std::string MysqlSchemaEditor::unique_clause(const Field&, const ModelState&) const {
    // An inline UNIQUE would take the column's name, which no later drop could know.
    return "";
}

std::vector<std::string> MysqlSchemaEditor::table_constraints(const ModelState& model) const {
    std::vector<std::string> constraints;
    for (const Field* field : model.concrete_fields())
        if (field->unique && !field->primary_key)
            constraints.push_back(unique_constraint_clause(
                unique_name(model.table, {field->column()}, max_name_length()), {field->column()}));
    for (auto& constraint : BaseSchemaEditor::table_constraints(model))
        constraints.push_back(std::move(constraint));
    return constraints;
}

std::string MysqlSchemaEditor::on_delete_action(OnDelete rule) const {
    // InnoDB rejects SET DEFAULT; the ORM applies it instead.
    if (rule == OnDelete::SetDefault) return "";
    return BaseSchemaEditor::on_delete_action(rule);
}

std::string MysqlSchemaEditor::create_index_sql(const std::string& table, const IndexSpec& index,
                                                const ModelState& model) const {
    if (!index.where.empty())
        throw MigrationError("MySQL does not support partial indexes (index '" + index.name +
                             "' has where:)");
    return BaseSchemaEditor::create_index_sql(table, index, model);
}

std::string MysqlSchemaEditor::drop_index_sql(const std::string& table,
                                              const std::string& name) const {
    return "DROP INDEX " + quote(name) + " ON " + quote(table);
}

std::string MysqlSchemaEditor::rename_table_sql(const std::string& old_table,
                                                const std::string& new_table) const {
    return "RENAME TABLE " + quote(old_table) + " TO " + quote(new_table);
}

std::string MysqlSchemaEditor::drop_object_sql(const SchemaObject& object) const {
    switch (object.kind) {
        case SchemaObject::Kind::ForeignKey:
            return "ALTER TABLE " + quote(object.table) + " DROP FOREIGN KEY " + quote(object.name);
        case SchemaObject::Kind::Unique:
            return "ALTER TABLE " + quote(object.table) + " DROP INDEX " + quote(object.name);
        case SchemaObject::Kind::Check:
            return "ALTER TABLE " + quote(object.table) + " DROP CONSTRAINT " + quote(object.name);
        case SchemaObject::Kind::Index:
            break;
    }
    return drop_index_sql(object.table, object.name);
}

void MysqlSchemaEditor::rename_object(const SchemaObject& before, const SchemaObject& after) {
    if (before.kind == SchemaObject::Kind::ForeignKey) {
        // A foreign key cannot be renamed: it is dropped and added again.
        emit("ALTER TABLE " + quote(after.table) + " DROP FOREIGN KEY " + quote(before.name));
        emit(after.create_sql);
        return;
    }
    emit("ALTER TABLE " + quote(after.table) + " RENAME INDEX " + quote(before.name) + " TO " +
         quote(after.name));
}

void MysqlSchemaEditor::alter_column(const std::string& table, const std::string& field_name,
                                     const ProjectState& from, const ProjectState& to) {
    const Field& old_field = require_field(from.table(table), field_name);
    const Field& new_field = require_field(to.table(table), field_name);
    const bool index_goes = old_field.type == FieldType::ForeignKey &&
                            new_field.type == FieldType::ForeignKey && old_field.wants_index() &&
                            !new_field.wants_index();
    const auto key_of = [&](const ModelState& model, const ProjectState& state) {
        std::optional<SchemaObject> key;
        for (const auto& object : schema_objects(model, state))
            if (object.kind == SchemaObject::Kind::ForeignKey && object.field == field_name)
                key = object;
        return key;
    };
    const auto old_key = index_goes ? key_of(from.table(table), from) : std::nullopt;
    const auto new_key = index_goes ? key_of(to.table(table), to) : std::nullopt;
    // Only a key that stays as it is needs the detour; a changed one is
    // dropped and added by the base class anyway.
    const bool detour = old_key && new_key && *old_key == *new_key;
    if (detour) emit(drop_object_sql(*old_key));
    BaseSchemaEditor::alter_column(table, field_name, from, to);
    if (detour) emit(new_key->create_sql);
}

void MysqlSchemaEditor::emit_drop_column(const ModelState& model, const Field& field,
                                         const ProjectState& state) {
    // MySQL refuses to drop a column that a foreign key constraint still uses.
    for (const auto& object : schema_objects(model, state))
        if (object.kind == SchemaObject::Kind::ForeignKey && object.field == field.name)
            emit(drop_object_sql(object));
    BaseSchemaEditor::emit_drop_column(model, field, state);
}

std::string MysqlSchemaEditor::char_length_sql(const std::string& quoted_column) const {
    return "char_length(CAST(" + quoted_column + " AS char))";
}

std::string MysqlSchemaEditor::text_sql(const std::string& quoted_column) const {
    return "CAST(" + quoted_column + " AS char)";
}

std::string MysqlSchemaEditor::time_of_day_sql(const std::string& quoted_column) const {
    return "TIME(" + quoted_column + ")";
}

std::string MysqlSchemaEditor::round_sql(const std::string& quoted_column, int places) const {
    return "round(" + quoted_column + ", " + std::to_string(places) + ")";
}

void MysqlSchemaEditor::change_column(const ModelState& old_model, const Field& old_field,
                                      const ProjectState& from, const ModelState& new_model,
                                      const Field& new_field, const ProjectState& to) {
    const std::string table = quote(new_model.table);
    const std::string old_column = old_field.column();
    const std::string new_column = new_field.column();
    // Keys stay as they are: MODIFY with PRIMARY KEY or UNIQUE would add another.
    const std::string old_body = column_body(old_field, from, old_model, false);
    const std::string new_body = column_body(new_field, to, new_model, false);
    if (old_body == new_body) {
        if (old_column != new_column)
            emit(rename_column_sql(new_model.table, old_column, new_column));
        return;
    }
    if (is_nullable(old_field) && !is_nullable(new_field) && has_default(new_field))
        emit("UPDATE " + table + " SET " + quote(old_column) + " = " + default_literal(new_field) +
             " WHERE " + quote(old_column) + " IS NULL");
    if (old_column != new_column)
        emit("ALTER TABLE " + table + " CHANGE " + quote(old_column) + " " + quote(new_column) +
             " " + new_body);
    else
        emit("ALTER TABLE " + table + " MODIFY " + quote(new_column) + " " + new_body);
}

std::string MysqlSchemaEditor::set_aside(const std::string& table, const std::string& column) {
    // The same table or column may be dropped twice in one migration: each
    // time it gets a name of its own.
    const std::string base = set_aside_name(table, column, max_name_length());
    std::string name = base;
    for (int n = 2; !used_aside_names_.insert(name).second; ++n)
        name = fit_identifier(base + "_" + std::to_string(n), max_name_length());
    last_aside_[table + '\n' + column] = name;
    return name;
}

std::string MysqlSchemaEditor::aside_of(const std::string& table, const std::string& column) const {
    auto it = last_aside_.find(table + '\n' + column);
    return it != last_aside_.end() ? it->second : set_aside_name(table, column, max_name_length());
}

std::vector<std::string> MysqlSchemaEditor::tables_of(const ModelState& model,
                                                      const ProjectState& state) const {
    std::vector<std::string> tables;
    for (const auto& field : model.fields)
        if (is_auto_many_to_many(field)) tables.push_back(state.through_model(model, field).table);
    tables.push_back(model.table);
    return tables;
}

void MysqlSchemaEditor::create_table(const ModelState& model, const ProjectState& state) {
    if (!restoring()) {
        BaseSchemaEditor::create_table(model, state);
        return;
    }
    // Its keys, indexes and rows went aside with it.
    auto tables = tables_of(model, state);
    for (auto it = tables.rbegin(); it != tables.rend(); ++it)
        emit(rename_table_sql(aside_of(*it), *it));
}

void MysqlSchemaEditor::drop_table(const ModelState& model, const ProjectState& state) {
    if (restoring()) {
        BaseSchemaEditor::drop_table(model, state);
        return;
    }
    for (const auto& table : tables_of(model, state)) {
        // Columns set aside earlier go with the table.
        std::erase_if(aside_drops_, [&](const AsideDrop& d) { return d.table == table; });
        const std::string aside = set_aside(table);
        emit(rename_table_sql(table, aside));
        aside_drops_.push_back({aside, ""});
    }
}

void MysqlSchemaEditor::rename_table(const std::string& old_table, const std::string& new_table,
                                     const ProjectState& from, const ProjectState& to) {
    BaseSchemaEditor::rename_table(old_table, new_table, from, to);
    // An undo runs only if the migration fails, when nothing is dropped.
    if (restoring()) return;
    for (auto& drop : aside_drops_)
        if (drop.table == old_table && !drop.column.empty()) drop.table = new_table;
}

std::vector<std::string> MysqlSchemaEditor::take_deferred() {
    std::vector<std::string> statements;
    for (const auto& drop : aside_drops_)
        statements.push_back(drop.column.empty() ? drop_table_sql(drop.table)
                                                 : "ALTER TABLE " + quote(drop.table) +
                                                       " DROP COLUMN " + quote(drop.column));
    aside_drops_.clear();
    return statements;
}

void MysqlSchemaEditor::add_column(const std::string& table, const std::string& field_name,
                                   const ProjectState& from, const ProjectState& to) {
    if (!restoring()) {
        BaseSchemaEditor::add_column(table, field_name, from, to);
        return;
    }
    const ModelState& model = to.table(table);
    const Field& field = require_field(model, field_name);
    if (field.is_many_to_many()) {
        if (is_auto_many_to_many(field)) {
            const std::string through = to.through_model(model, field).table;
            emit(rename_table_sql(aside_of(through), through));
        }
        return;
    }
    // Its indexes stayed on the column; its foreign key was dropped.
    emit(rename_column_sql(table, aside_of(table, field.column()), field.column()));
    std::vector<SchemaObject> keys;
    for (auto& object : schema_objects(model, to))
        if (object.field == field.name) keys.push_back(std::move(object));
    emit_objects(keys, SchemaObject::Kind::ForeignKey);
}

void MysqlSchemaEditor::drop_column(const std::string& table, const std::string& field_name,
                                    const ProjectState& from, const ProjectState& to) {
    if (restoring()) {
        BaseSchemaEditor::drop_column(table, field_name, from, to);
        return;
    }
    const ModelState& model = from.table(table);
    const Field& field = require_field(model, field_name);
    if (field.is_many_to_many()) {
        if (is_auto_many_to_many(field)) {
            const std::string through = from.through_model(model, field).table;
            const std::string aside = set_aside(through);
            emit(rename_table_sql(through, aside));
            aside_drops_.push_back({aside, ""});
        }
        return;
    }
    for (const auto& object : schema_objects(model, from))
        if (object.kind == SchemaObject::Kind::ForeignKey && object.field == field.name)
            emit(drop_object_sql(object));
    const std::string aside = set_aside(table, field.column());
    emit(rename_column_sql(table, field.column(), aside));
    aside_drops_.push_back({table, aside});
}

}  // namespace covet
