// Renames of tables and columns, and what follows them: derived constraint
// and index names and auto-created through tables of every related model;
// see base_schema_editor.h.
#include <algorithm>

#include "schema/base_schema_editor.h"

namespace covet {

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
        const SchemaObject* old = find_object_by_key(old_objects, object.key);
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

}  // namespace covet
