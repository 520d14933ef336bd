// The constraints and indexes covet derives from a model (foreign keys,
// unique fields and groups, db_index, named constraints), and how a change
// of model drops and re-creates those that differ; see base_schema_editor.h.
#include <algorithm>

#include "covet/dialect.h"
#include "schema/base_schema_editor.h"
#include "schema/identifier_names.h"

namespace covet {

bool has_object(const std::vector<SchemaObject>& objects, const SchemaObject& object) {
    return std::find(objects.begin(), objects.end(), object) != objects.end();
}

const SchemaObject* find_object_by_key(const std::vector<SchemaObject>& objects,
                                       const std::string& key) {
    for (const auto& object : objects)
        if (object.key == key) return &object;
    return nullptr;
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

void BaseSchemaEditor::alter_objects(const ModelState& old_model, const ProjectState& from,
                                     const ModelState& new_model, const ProjectState& to,
                                     const std::function<void()>& change) {
    const auto before = schema_objects(old_model, from);
    const auto after = schema_objects(new_model, to);
    std::vector<SchemaObject> removed;
    std::vector<SchemaObject> added;
    for (const auto& object : before)
        if (!has_object(after, object)) removed.push_back(object);
    for (const auto& object : after)
        if (!has_object(before, object)) added.push_back(object);
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

}  // namespace covet
