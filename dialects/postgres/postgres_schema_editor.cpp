#include "postgres/postgres_schema_editor.h"

namespace covet {

std::string PostgresSchemaEditor::data_type(const Field& field) const {
    switch (field.type) {
        case FieldType::AutoField:
            return "serial";
        case FieldType::BigAutoField:
            return "bigserial";
        case FieldType::IntegerField:
            return "integer";
        case FieldType::BigIntegerField:
            return "bigint";
        case FieldType::SmallIntegerField:
            return "smallint";
        case FieldType::FloatField:
            return "double precision";
        case FieldType::DecimalField:
            return numeric_type(field);
        case FieldType::CharField:
        case FieldType::EmailField:
        case FieldType::URLField:
            return varchar_type(field);
        case FieldType::TextField:
            return "text";
        case FieldType::BooleanField:
            return "boolean";
        case FieldType::DateField:
            return "date";
        case FieldType::TimeField:
            return "time";
        case FieldType::DateTimeField:
            return "timestamp with time zone";
        case FieldType::UUIDField:
            return "uuid";
        case FieldType::JSONField:
            return "jsonb";
        case FieldType::BinaryField:
            return "bytea";
        case FieldType::ForeignKey:
        case FieldType::ManyToManyField:
            break;
    }
    return "";
}

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
