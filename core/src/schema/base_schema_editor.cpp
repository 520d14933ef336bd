#include "schema/base_schema_editor.h"

#include <algorithm>

#include "covet/dialect.h"
#include "covet/error.h"
#include "schema/identifier_names.h"

namespace covet {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

void append_clause(std::string& sql, const std::string& clause) {
    if (!clause.empty()) sql += " " + clause;
}

bool contains(const std::vector<SchemaObject>& objects, const SchemaObject& object) {
    return std::find(objects.begin(), objects.end(), object) != objects.end();
}

const SchemaObject* find_by_key(const std::vector<SchemaObject>& objects, const std::string& key) {
    for (const auto& object : objects)
        if (object.key == key) return &object;
    return nullptr;
}

}  // namespace

std::string BaseSchemaEditor::quote(std::string_view identifier) const {
    return dialect().quote_name(identifier);
}

std::size_t BaseSchemaEditor::max_name_length() const {
    return dialect().features().max_identifier_length;
}

std::string BaseSchemaEditor::default_literal(const Field& field) const {
    const Value& value = *field.default_value;
    // `default: 1` on a BooleanField means True; PostgreSQL rejects an integer there.
    if (field.type == FieldType::BooleanField && value.kind() == Value::Kind::Int)
        return dialect().quote_value(Value(value.as_int() != 0));
    return dialect().quote_value(value);
}

bool BaseSchemaEditor::has_default(const Field& field) {
    return field.default_value && !field.default_value->is_null();
}

bool BaseSchemaEditor::is_nullable(const Field& field) {
    return field.null && !field.primary_key;
}

bool BaseSchemaEditor::is_auto_many_to_many(const Field& field) {
    return field.is_many_to_many() && field.through.empty();
}

bool BaseSchemaEditor::needs_index(const Field& field) {
    return field.wants_index();
}

const Field& BaseSchemaEditor::require_field(const ModelState& model, const std::string& name) {
    const Field* field = model.find_field_or_column(name);
    if (!field)
        throw MigrationError("table '" + model.table + "' has no column '" + name +
                             "' in the migration state");
    return *field;
}

const ModelState& BaseSchemaEditor::related_model(const Field& relation, const ModelState& model,
                                                  const ProjectState& state) const {
    const ModelState* target = state.resolve_target(relation.to, model);
    if (!target)
        throw MigrationError(std::string(field_type_name(relation.type)) + " '" + model.table +
                             "." + relation.name + "' points to unknown model '" + relation.to +
                             "'");
    return *target;
}

const Field& BaseSchemaEditor::related_primary_key(const Field& relation, const ModelState& model,
                                                   const ProjectState& state) const {
    const ModelState& target = related_model(relation, model, state);
    const Field* primary_key = target.primary_key();
    if (!primary_key)
        throw MigrationError("table '" + target.table + "', referenced by '" + model.table + "." +
                             relation.name + "', has no primary key");
    return *primary_key;
}

std::string BaseSchemaEditor::varchar_type(const Field& field) {
    auto length = field.effective_max_length();
    if (!length)
        throw MigrationError(std::string(field_type_name(field.type)) + " '" + field.name +
                             "' needs max_length");
    return "varchar(" + std::to_string(*length) + ")";
}

std::string BaseSchemaEditor::numeric_type(const Field& field) {
    if (!field.max_digits || !field.decimal_places)
        throw MigrationError("DecimalField '" + field.name +
                             "' needs max_digits and decimal_places");
    return "numeric(" + std::to_string(*field.max_digits) + ", " +
           std::to_string(*field.decimal_places) + ")";
}

std::string BaseSchemaEditor::column_type(const Field& field, const ProjectState& state,
                                          const ModelState& model) const {
    if (field.is_many_to_many())
        throw MigrationError("many-to-many field '" + model.table + "." + field.name +
                             "' has no column");
    if (field.type != FieldType::ForeignKey) return data_type(field);
    return related_column_type(typing_field(field, state, model));
}

std::string BaseSchemaEditor::related_column_type(const Field& target_primary_key) const {
    if (target_primary_key.type == FieldType::AutoField) return "integer";
    if (target_primary_key.type == FieldType::BigAutoField) return "bigint";
    return data_type(target_primary_key);
}

std::string BaseSchemaEditor::column_definition(const Field& field, const ProjectState& state,
                                                const ModelState& model) const {
    return quote(field.column()) + " " + column_body(field, state, model);
}

std::string BaseSchemaEditor::column_body(const Field& field, const ProjectState& state,
                                          const ModelState& model, bool with_keys) const {
    std::string sql = column_type(field, state, model);
    if (has_default(field)) sql += " DEFAULT " + default_literal(field);
    sql += is_nullable(field) ? " NULL" : " NOT NULL";
    if (with_keys && field.primary_key)
        append_clause(sql, primary_key_clause(field));
    else if (with_keys && field.unique)
        append_clause(sql, unique_clause(field, model));
    append_clause(sql, check_clause(field));
    append_clause(sql, inline_foreign_key_clause(field, model, state));
    return sql;
}

std::string BaseSchemaEditor::primary_key_clause(const Field&) const {
    return "PRIMARY KEY";
}

std::string BaseSchemaEditor::unique_clause(const Field& field, const ModelState& model) const {
    return "CONSTRAINT " + quote(unique_name(model.table, {field.column()}, max_name_length())) +
           " UNIQUE";
}

std::string BaseSchemaEditor::check_clause(const Field&) const {
    return "";
}

std::string BaseSchemaEditor::inline_foreign_key_clause(const Field& field, const ModelState& model,
                                                        const ProjectState& state) const {
    if (!foreign_keys_inline() || field.type != FieldType::ForeignKey) return "";
    return references_clause(field, model, state);
}

std::string BaseSchemaEditor::references_clause(const Field& field, const ModelState& model,
                                                const ProjectState& state) const {
    const ModelState& target = related_model(field, model, state);
    const Field& primary_key = related_primary_key(field, model, state);
    std::string sql =
        "REFERENCES " + quote(target.table) + " (" + quote(primary_key.column()) + ")";
    std::string action = on_delete_action(field.on_delete);
    if (!action.empty()) sql += " ON DELETE " + action;
    if (dialect().features().supports_deferrable_foreign_keys)
        sql += " DEFERRABLE INITIALLY DEFERRED";
    return sql;
}

std::string BaseSchemaEditor::on_delete_action(OnDelete rule) const {
    return on_delete_sql_action(rule);
}

std::string BaseSchemaEditor::create_table_sql(const ModelState& model, const ProjectState& state,
                                               const std::string& table_name) const {
    std::vector<std::string> items;
    for (const Field* field : model.concrete_fields())
        items.push_back(column_definition(*field, state, model));
    for (auto& constraint : table_constraints(model))
        items.push_back(std::move(constraint));
    return "CREATE TABLE " + quote(table_name) + " (" + join(items, ", ") + ")";
}

std::vector<std::string> BaseSchemaEditor::table_constraints(const ModelState& model) const {
    std::vector<std::string> constraints;
    for (const auto& group : model.unique_together) {
        std::vector<std::string> columns;
        for (const auto& name : group)
            columns.push_back(model.column_for(name));
        constraints.push_back(unique_constraint_clause(
            unique_name(model.table, columns, max_name_length()), columns));
    }
    for (auto& clause : named_constraint_clauses(model))
        constraints.push_back(std::move(clause));
    return constraints;
}

std::string BaseSchemaEditor::unique_constraint_clause(
    const std::string& name, const std::vector<std::string>& columns) const {
    std::vector<std::string> quoted;
    for (const auto& column : columns)
        quoted.push_back(quote(column));
    return "CONSTRAINT " + quote(name) + " UNIQUE (" + join(quoted, ", ") + ")";
}

std::string BaseSchemaEditor::create_index_sql(const std::string& table, const IndexSpec& index,
                                               const ModelState& model) const {
    std::vector<std::string> columns;
    for (const auto& name : index.columns)
        columns.push_back(quote(model.column_for(name)));
    bool concurrently = index.concurrently && dialect().features().supports_concurrent_indexes;
    std::string sql = std::string("CREATE ") + (index.unique ? "UNIQUE " : "") + "INDEX " +
                      (concurrently ? "CONCURRENTLY " : "") + quote(index.name) + " ON " +
                      quote(table) + " (" + join(columns, ", ") + ")";
    if (!index.where.empty()) sql += " WHERE " + condition_sql(index.where, model);
    return sql;
}

std::string BaseSchemaEditor::drop_index_sql(const std::string&, const std::string& name) const {
    return "DROP INDEX " + quote(name);
}

std::string BaseSchemaEditor::drop_table_sql(const std::string& table) const {
    return "DROP TABLE " + quote(table);
}

std::string BaseSchemaEditor::rename_table_sql(const std::string& old_table,
                                               const std::string& new_table) const {
    return "ALTER TABLE " + quote(old_table) + " RENAME TO " + quote(new_table);
}

std::string BaseSchemaEditor::rename_column_sql(const std::string& table,
                                                const std::string& old_column,
                                                const std::string& new_column) const {
    return "ALTER TABLE " + quote(table) + " RENAME COLUMN " + quote(old_column) + " TO " +
           quote(new_column);
}

std::vector<SchemaObject> BaseSchemaEditor::schema_objects(const ModelState& model,
                                                           const ProjectState& state) const {
    std::vector<SchemaObject> objects;
    const std::size_t limit = max_name_length();
    for (std::size_t i = 0; i < model.fields.size(); ++i) {
        const Field& field = model.fields[i];
        if (!field.has_column()) continue;
        const std::string position = std::to_string(i);
        const std::string column = field.column();
        if (field.type == FieldType::ForeignKey && !foreign_keys_inline()) {
            const ModelState& target = related_model(field, model, state);
            const Field& primary_key = related_primary_key(field, model, state);
            std::string name =
                foreign_key_name(model.table, column, target.table, primary_key.column(), limit);
            std::string sql = "ALTER TABLE " + quote(model.table) + " ADD CONSTRAINT " +
                              quote(name) + " FOREIGN KEY (" + quote(column) + ") " +
                              references_clause(field, model, state);
            objects.push_back({SchemaObject::Kind::ForeignKey, "fk:" + position, field.name,
                               model.table, name, std::move(sql),
                               column_type(field, state, model)});
        }
        if (field.unique && !field.primary_key && names_unique_constraints()) {
            std::string name = unique_name(model.table, {column}, limit);
            std::string sql = "ALTER TABLE " + quote(model.table) + " ADD " +
                              unique_constraint_clause(name, {column});
            objects.push_back({SchemaObject::Kind::Unique, "unique:" + position, field.name,
                               model.table, name, std::move(sql), ""});
        }
        if (needs_index(field)) {
            IndexSpec index{index_name(model.table, {column}, limit), {column}, false, ""};
            objects.push_back({SchemaObject::Kind::Index, "index:" + position, field.name,
                               model.table, index.name, create_index_sql(model.table, index, model),
                               ""});
        }
    }
    if (names_unique_constraints()) {
        for (std::size_t i = 0; i < model.unique_together.size(); ++i) {
            std::vector<std::string> columns;
            for (const auto& name : model.unique_together[i])
                columns.push_back(model.column_for(name));
            std::string name = unique_name(model.table, columns, limit);
            std::string sql = "ALTER TABLE " + quote(model.table) + " ADD " +
                              unique_constraint_clause(name, columns);
            objects.push_back({SchemaObject::Kind::Unique, "together:" + std::to_string(i), "",
                               model.table, name, std::move(sql), ""});
        }
    }
    for (auto& object : named_constraint_objects(model))
        objects.push_back(std::move(object));
    return objects;
}

std::string BaseSchemaEditor::drop_object_sql(const SchemaObject& object) const {
    if (object.kind == SchemaObject::Kind::Index) return drop_index_sql(object.table, object.name);
    return "ALTER TABLE " + quote(object.table) + " DROP CONSTRAINT " + quote(object.name);
}

void BaseSchemaEditor::rename_object(const SchemaObject& before, const SchemaObject& after) {
    if (before.kind == SchemaObject::Kind::Index)
        emit("ALTER INDEX " + quote(before.name) + " RENAME TO " + quote(after.name));
    else
        emit("ALTER TABLE " + quote(after.table) + " RENAME CONSTRAINT " + quote(before.name) +
             " TO " + quote(after.name));
}

void BaseSchemaEditor::emit_objects(const std::vector<SchemaObject>& objects,
                                    SchemaObject::Kind kind) {
    for (const auto& object : objects)
        if (object.kind == kind) emit(object.create_sql);
}

void BaseSchemaEditor::create_table(const ModelState& model, const ProjectState& state) {
    emit(create_table_sql(model, state, model.table));
    const auto objects = schema_objects(model, state);
    emit_objects(objects, SchemaObject::Kind::ForeignKey);
    emit_objects(objects, SchemaObject::Kind::Index);
    for (const auto& index : model.indexes)
        emit(create_index_sql(model.table, index, model));
    for (const auto& field : model.fields)
        if (is_auto_many_to_many(field)) create_table(state.through_model(model, field), state);
}

void BaseSchemaEditor::drop_table(const ModelState& model, const ProjectState& state) {
    for (const auto& field : model.fields)
        if (is_auto_many_to_many(field))
            emit(drop_table_sql(state.through_model(model, field).table));
    emit(drop_table_sql(model.table));
}

void BaseSchemaEditor::add_column(const std::string& table, const std::string& field_name,
                                  const ProjectState&, const ProjectState& to) {
    const ModelState& model = to.table(table);
    const Field& field = require_field(model, field_name);
    if (field.is_many_to_many()) {
        if (is_auto_many_to_many(field)) create_table(to.through_model(model, field), to);
        return;
    }
    emit("ALTER TABLE " + quote(table) + " ADD COLUMN " + column_definition(field, to, model));
    std::vector<SchemaObject> objects;
    for (auto& object : schema_objects(model, to))
        if (object.field == field.name) objects.push_back(std::move(object));
    if (unique_clause(field, model).empty()) emit_objects(objects, SchemaObject::Kind::Unique);
    emit_objects(objects, SchemaObject::Kind::ForeignKey);
    emit_objects(objects, SchemaObject::Kind::Index);
}

void BaseSchemaEditor::drop_column(const std::string& table, const std::string& field_name,
                                   const ProjectState& from, const ProjectState&) {
    const ModelState& model = from.table(table);
    const Field& field = require_field(model, field_name);
    if (field.is_many_to_many()) {
        if (is_auto_many_to_many(field))
            emit(drop_table_sql(from.through_model(model, field).table));
        return;
    }
    emit_drop_column(model, field, from);
}

void BaseSchemaEditor::emit_drop_column(const ModelState& model, const Field& field,
                                        const ProjectState&) {
    emit("ALTER TABLE " + quote(model.table) + " DROP COLUMN " + quote(field.column()));
}

void BaseSchemaEditor::alter_column(const std::string& table, const std::string& field_name,
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
    // A primary key that changes type takes the foreign keys pointing at it along.
    std::vector<ModelPair> referencing;
    if (old_field.primary_key && new_field.primary_key &&
        alter_type(old_field, from, old_model) != alter_type(new_field, to, new_model))
        referencing = models_referencing(table, from, to);
    std::vector<SchemaObject> keys_to_add;
    for (const auto& pair : referencing) {
        const auto before = schema_objects(pair.before, from);
        const auto after = schema_objects(pair.after, to);
        for (const auto& object : before)
            if (object.kind == SchemaObject::Kind::ForeignKey && !contains(after, object))
                emit(drop_object_sql(object));
        for (const auto& object : after)
            if (object.kind == SchemaObject::Kind::ForeignKey && !contains(before, object))
                keys_to_add.push_back(object);
    }
    alter_objects(old_model, from, new_model, to, [&] {
        change_column(old_model, old_field, from, new_model, new_field, to);
        if (referencing.empty()) return;
        change_referencing_columns(old_model, from, new_model, to, table);
        for (const auto& pair : referencing)
            change_referencing_columns(pair.before, from, pair.after, to, table);
    });
    for (const auto& object : keys_to_add)
        emit(object.create_sql);
}

std::vector<BaseSchemaEditor::ModelPair> BaseSchemaEditor::models_referencing(
    const std::string& table, const ProjectState& from, const ProjectState& to) const {
    auto points_at_table = [&](const ModelState& model) {
        for (const auto& field : model.fields)
            if (typed_by(field, model, to, table)) return true;
        return false;
    };
    std::vector<ModelPair> pairs;
    for (const ModelState* model : to.models()) {
        if (model->auto_created) continue;
        const ModelState* before = from.find_table(model->table);
        if (!before) continue;
        if (model->table != table && points_at_table(*model)) pairs.push_back({*before, *model});
        const std::size_t count = std::min(before->fields.size(), model->fields.size());
        for (std::size_t i = 0; i < count; ++i) {
            if (!is_auto_many_to_many(before->fields[i]) || !is_auto_many_to_many(model->fields[i]))
                continue;
            ModelState through = to.through_model(*model, model->fields[i]);
            if (points_at_table(through))
                pairs.push_back(
                    {from.through_model(*before, before->fields[i]), std::move(through)});
        }
    }
    return pairs;
}

bool BaseSchemaEditor::typed_by(const Field& field, const ModelState& model,
                                const ProjectState& state, const std::string& table) const {
    const ModelState* owner = &model;
    const Field* relation = &field;
    for (int depth = 0; depth < 16 && relation->type == FieldType::ForeignKey; ++depth) {
        const ModelState* target = state.resolve_target(relation->to, *owner);
        if (!target) return false;
        if (target->table == table) return true;
        relation = target->primary_key();
        if (!relation) return false;
        owner = target;
    }
    return false;
}

void BaseSchemaEditor::change_referencing_columns(const ModelState& before,
                                                  const ProjectState& from, const ModelState& after,
                                                  const ProjectState& to,
                                                  const std::string& target_table) {
    const std::size_t count = std::min(before.fields.size(), after.fields.size());
    for (std::size_t i = 0; i < count; ++i) {
        const Field& old_field = before.fields[i];
        const Field& new_field = after.fields[i];
        if (old_field.type != FieldType::ForeignKey || new_field.type != FieldType::ForeignKey)
            continue;
        if (typed_by(new_field, after, to, target_table))
            change_column(before, old_field, from, after, new_field, to);
    }
}

void BaseSchemaEditor::alter_objects(const ModelState& old_model, const ProjectState& from,
                                     const ModelState& new_model, const ProjectState& to,
                                     const std::function<void()>& change) {
    const auto before = schema_objects(old_model, from);
    const auto after = schema_objects(new_model, to);
    std::vector<SchemaObject> removed;
    std::vector<SchemaObject> added;
    for (const auto& object : before)
        if (!contains(after, object)) removed.push_back(object);
    for (const auto& object : after)
        if (!contains(before, object)) added.push_back(object);
    auto drop = [&](SchemaObject::Kind kind) {
        for (const auto& object : removed)
            if (object.kind == kind) emit(drop_object_sql(object));
    };
    // Foreign keys go first and come back last: a column cannot change type under
    // one. Old indexes go after the new ones exist, as MySQL needs one for each key.
    // Checks are dropped before the change and added after it, as they name columns.
    drop(SchemaObject::Kind::ForeignKey);
    drop(SchemaObject::Kind::Check);
    change();
    emit_objects(added, SchemaObject::Kind::Unique);
    emit_objects(added, SchemaObject::Kind::Index);
    drop(SchemaObject::Kind::Unique);
    drop(SchemaObject::Kind::Index);
    emit_objects(added, SchemaObject::Kind::Check);
    emit_objects(added, SchemaObject::Kind::ForeignKey);
}

std::string BaseSchemaEditor::alter_type(const Field& field, const ProjectState& state,
                                         const ModelState& model) const {
    if (field.is_auto()) return related_column_type(field);
    return column_type(field, state, model);
}

void BaseSchemaEditor::emit_type_change(const ColumnAt& /*before*/, const ColumnAt& after,
                                        const std::string& new_type) {
    emit("ALTER TABLE " + quote(after.model.table) + " ALTER COLUMN " +
         quote(after.field.column()) + " TYPE " + new_type);
}

void BaseSchemaEditor::change_column(const ModelState& old_model, const Field& old_field,
                                     const ProjectState& from, const ModelState& new_model,
                                     const Field& new_field, const ProjectState& to) {
    const std::string table = quote(new_model.table);
    const std::string column = quote(new_field.column());
    if (old_field.column() != new_field.column())
        emit(rename_column_sql(new_model.table, old_field.column(), new_field.column()));
    if (old_field.is_auto() != new_field.is_auto())
        throw MigrationError("cannot change '" + new_model.table + "." + new_field.name +
                             "' to or from an auto-increment field on " + dialect().name());
    const std::string old_type = alter_type(old_field, from, old_model);
    const std::string new_type = alter_type(new_field, to, new_model);
    if (old_type != new_type)
        emit_type_change({old_model, old_field, from}, {new_model, new_field, to}, new_type);
    const std::string old_default = has_default(old_field) ? default_literal(old_field) : "";
    const std::string new_default = has_default(new_field) ? default_literal(new_field) : "";
    if (old_default != new_default) {
        if (new_default.empty())
            emit("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP DEFAULT");
        else
            emit("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET DEFAULT " +
                 new_default);
    }
    if (is_nullable(old_field) != is_nullable(new_field)) {
        if (is_nullable(new_field)) {
            emit("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL");
        } else {
            if (!new_default.empty())
                emit("UPDATE " + table + " SET " + column + " = " + new_default + " WHERE " +
                     column + " IS NULL");
            emit("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
        }
    }
}

void BaseSchemaEditor::alter_many_to_many(const ModelState& old_model, const Field& old_field,
                                          const ProjectState& from, const ModelState& new_model,
                                          const Field& new_field, const ProjectState& to) {
    const std::string what = "'" + new_model.table + "." + new_field.name + "'";
    if (old_field.is_many_to_many() != new_field.is_many_to_many())
        throw MigrationError("cannot alter " + what +
                             " between a many-to-many field and a column; drop and add instead");
    if (!is_auto_many_to_many(old_field) && !is_auto_many_to_many(new_field)) return;
    if (is_auto_many_to_many(old_field) && is_auto_many_to_many(new_field) &&
        from.through_model(old_model, old_field) == to.through_model(new_model, new_field))
        return;
    throw MigrationError("cannot change the through table of many-to-many field " + what +
                         "; drop and add the field instead");
}

void BaseSchemaEditor::rename_table(const std::string& old_table, const std::string& new_table,
                                    const ProjectState& from, const ProjectState& to) {
    emit(rename_table_sql(old_table, new_table));
    follow_rename(from.table(old_table), from, to.table(new_table), to);
}

void BaseSchemaEditor::rename_column(const std::string& table, const std::string& old_field,
                                     const std::string& new_field, const ProjectState& from,
                                     const ProjectState& to) {
    const ModelState& before = from.table(table);
    const ModelState& after = to.table(table);
    const Field& old_definition = require_field(before, old_field);
    const Field& new_definition = require_field(after, new_field);
    if (old_definition.has_column() && old_definition.column() != new_definition.column())
        emit(rename_column_sql(table, old_definition.column(), new_definition.column()));
    follow_rename(before, from, after, to);
}

void BaseSchemaEditor::follow_rename(const ModelState& before, const ProjectState& from,
                                     const ModelState& after, const ProjectState& to) {
    follow_rename_of_model(before, from, after, to);
    // Foreign keys of other models name the renamed table and its key column.
    for (const ModelState* other : to.models()) {
        if (other->table == after.table || other->auto_created) continue;
        bool relates = false;
        for (const auto& field : other->fields) {
            if (!field.is_relation()) continue;
            const ModelState* target = to.resolve_target(field.to, *other);
            if (target && target->table == after.table) relates = true;
        }
        const ModelState* other_before = from.find_table(other->table);
        if (relates && other_before) follow_rename_of_model(*other_before, from, *other, to);
    }
}

void BaseSchemaEditor::follow_rename_of_model(const ModelState& before, const ProjectState& from,
                                              const ModelState& after, const ProjectState& to) {
    const auto old_objects = schema_objects(before, from);
    for (const auto& object : schema_objects(after, to)) {
        const SchemaObject* old = find_by_key(old_objects, object.key);
        if (old && old->name != object.name) rename_object(*old, object);
    }
    const std::size_t count = std::min(before.fields.size(), after.fields.size());
    for (std::size_t i = 0; i < count; ++i) {
        if (!is_auto_many_to_many(before.fields[i]) || !is_auto_many_to_many(after.fields[i]))
            continue;
        const ModelState old_through = from.through_model(before, before.fields[i]);
        const ModelState new_through = to.through_model(after, after.fields[i]);
        if (old_through.table != new_through.table)
            emit(rename_table_sql(old_through.table, new_through.table));
        const std::size_t columns = std::min(old_through.fields.size(), new_through.fields.size());
        for (std::size_t j = 0; j < columns; ++j) {
            const std::string old_column = old_through.fields[j].column();
            const std::string new_column = new_through.fields[j].column();
            if (old_column != new_column)
                emit(rename_column_sql(new_through.table, old_column, new_column));
        }
        follow_rename_of_model(old_through, from, new_through, to);
    }
}

void BaseSchemaEditor::create_index(const std::string& table, const std::string& index,
                                    const ProjectState& state) {
    const ModelState& model = state.table(table);
    const IndexSpec* spec = model.find_index(index);
    if (!spec)
        throw MigrationError("table '" + table + "' has no index '" + index +
                             "' in the migration state");
    emit(create_index_sql(table, *spec, model));
}

void BaseSchemaEditor::drop_index(const std::string& table, const std::string& index,
                                  const ProjectState&) {
    emit(drop_index_sql(table, index));
}

}  // namespace covet
