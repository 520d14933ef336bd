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

}  // namespace covet
