// alter_column: a column changes in place (type, default, null), its derived
// objects around it, and a primary key takes the columns typed by it along;
// see base_schema_editor.h.
#include <algorithm>

#include "covet/dialect.h"
#include "covet/error.h"
#include "schema/base_schema_editor.h"

namespace covet {

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
            if (object.kind == SchemaObject::Kind::ForeignKey && !has_object(after, object))
                emit(drop_object_sql(object));
        for (const auto& object : after)
            if (object.kind == SchemaObject::Kind::ForeignKey && !has_object(before, object))
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

}  // namespace covet
