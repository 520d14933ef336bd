// The live schema as a ProjectState (covet/live_state.h).
#include "covet/live_state.h"

#include "covet/connection.h"
#include "covet/dialect.h"
#include "covet/introspector.h"
#include "covet/journal.h"
#include "covet/recorder.h"
#include "schema/live_state_parts.h"

namespace covet {

namespace {

// covet's own tables: the history, the journal, and tables a migration in
// progress has set aside.
bool is_own_table(const std::string& table) {
    return table == MigrationRecorder::kTable || table == MigrationJournal::kTable ||
           table.rfind("_covet_dropped_", 0) == 0;
}

ModelState model_of(const IntrospectedTable& table, const Dialect& dialect,
                    const std::string& app) {
    ModelState model;
    model.app = app;
    model.table = table.name;
    model.name = model_name_for_table(table.name);
    for (const auto& column : table.columns)
        model.fields.push_back(field_of_column(table, column, dialect));
    read_indexes(table, dialect, model);
    return model;
}

}  // namespace

ProjectState read_live_state(Connection& connection, const LiveStateOptions& options) {
    Introspector& introspector = introspector_of(connection);
    std::map<std::string, IntrospectedTable> tables;
    std::map<std::string, ModelState> models;
    for (const auto& name : introspector.table_names()) {
        if (is_own_table(name) || options.exclude.count(name)) continue;
        IntrospectedTable table = introspector.describe_table(name);
        models.emplace(name, model_of(table, connection.dialect(), options.app));
        tables.emplace(name, std::move(table));
    }
    ProjectState state;
    for (auto& [name, model] : fold_through_tables(std::move(tables), std::move(models)))
        if (options.only.empty() || options.only.count(name)) state.put(std::move(model));
    return state;
}

std::vector<std::string> guess_decimal_digits(ProjectState& state) {
    std::vector<std::string> guessed;
    for (const ModelState* model : state.models())
        for (const auto& field : model->fields) {
            if (field.type != FieldType::DecimalField || field.max_digits) continue;
            guessed.push_back(model->table + "." + field.column());
            Field* f = state.edit(model->table).find_field_mut(field.name);
            f->max_digits = 10;
            f->decimal_places = 5;
        }
    return guessed;
}

}  // namespace covet
