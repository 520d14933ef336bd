#include "migrate/recorder_models.h"

#include "covet/journal.h"
#include "covet/recorder.h"
#include "covet/schema_editor.h"

namespace covet {

namespace {

Field column(const std::string& name, FieldType type, std::int64_t max_length = 0) {
    Field field;
    field.name = name;
    field.type = type;
    if (max_length > 0) field.max_length = max_length;
    return field;
}

Field id_column() {
    Field id = column("id", FieldType::AutoField);
    id.primary_key = true;
    return id;
}

}  // namespace

ModelState history_model() {
    ModelState model;
    model.app = "covet";
    model.name = "Migration";
    model.table = MigrationRecorder::kTable;
    model.fields = {id_column(), column("name", FieldType::CharField, 255),
                    column("app", FieldType::CharField, 255),
                    column("applied_at", FieldType::DateTimeField),
                    column("checksum", FieldType::CharField, 32)};
    model.unique_together = {{"name", "app"}};
    return model;
}

ModelState journal_model() {
    ModelState model;
    model.app = "covet";
    model.name = "MigrationJournal";
    model.table = MigrationJournal::kTable;
    model.fields = {id_column(),
                    column("app", FieldType::CharField, 255),
                    column("name", FieldType::CharField, 255),
                    column("backwards", FieldType::IntegerField),
                    column("operation", FieldType::IntegerField),
                    column("kind", FieldType::IntegerField),
                    column("seq", FieldType::IntegerField),
                    column("statement", FieldType::TextField),
                    column("done", FieldType::IntegerField)};
    return model;
}

void create_own_table(Connection& connection, const ModelState& model) {
    ProjectState state;
    state.put(model);
    auto editor = connection.dialect().schema_editor();
    editor->create_table(model, state);
    for (const auto& sql : editor->take_statements())
        connection.execute(sql);
}

}  // namespace covet
