#include "postgres/postgres_schema_editor.h"

namespace covet {

void PostgresSchemaEditor::emit_drop_column(const ModelState& model, const Field& field,
                                            const ProjectState&) {
    // CASCADE takes the column's constraints and indexes with it.
    emit("ALTER TABLE " + quote(model.table) + " DROP COLUMN " + quote(field.column()) +
         " CASCADE");
}

void PostgresSchemaEditor::emit_type_change(const ColumnAt& before, const ColumnAt& after,
                                            const std::string& new_type) {
    const std::string column = quote(after.field.column());
    // An explicit cast would cut text to the new length and round numbers
    // silently: within a family the database's assignment rules refuse
    // values that do not fit, and only a change of family needs USING.
    std::string conversion;
    if (changes_type_family(before.field, before.state, before.model, after.field, after.state,
                            after.model))
        conversion = " USING " + column + "::" + new_type;
    emit("ALTER TABLE " + quote(after.model.table) + " ALTER COLUMN " + column + " TYPE " +
         new_type + conversion);
    // A serial's sequence has a type of its own, which must widen with the column.
    if (after.field.is_auto())
        emit("ALTER SEQUENCE IF EXISTS " +
             quote(after.model.table + "_" + after.field.column() + "_seq") + " AS " + new_type);
}

}  // namespace covet
