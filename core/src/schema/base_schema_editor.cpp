// The column definitions, CREATE TABLE, and the table, column and index
// verbs that need no alter; see base_schema_editor.h.
#include "schema/base_schema_editor.h"

#include "covet/column_types.h"
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

}  // namespace

std::string BaseSchemaEditor::quote(std::string_view identifier) const {
    return dialect().quote_name(identifier);
}

std::size_t BaseSchemaEditor::max_name_length() const {
    return dialect().features().max_identifier_length;
}

namespace {

bool writes_typed_default(FieldType type) {
    return type == FieldType::UUIDField || type == FieldType::JSONField ||
           type == FieldType::DateField || type == FieldType::TimeField ||
           type == FieldType::DateTimeField;
}

}  // namespace

std::string BaseSchemaEditor::default_literal(const Field& field) const {
    const Value& value = *field.default_value;
    // `default: 1` on a BooleanField means True; PostgreSQL rejects an integer there.
    if (field.type == FieldType::BooleanField && value.kind() == Value::Kind::Int)
        return dialect().quote_value(Value(value.as_int() != 0));
    // A UUID is stored as the dialect stores it (32 hex digits in a char(32)
    // column where there is no uuid type), not as written with its hyphens.
    // A JSON document is stored as its text: `default: true` is the JSON
    // true ('true'), not the column's boolean or number 1.
    // Dates and times in the form the back end stores (a datetime in UTC).
    if (writes_typed_default(field.type))
        if (auto typed = field.typed_default()) return dialect().quote_value(*typed);
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

std::string BaseSchemaEditor::data_type(const Field& field) const {
    return render_column_type(dialect().column_types(), field);
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
    if (!target_primary_key.is_auto()) return data_type(target_primary_key);
    Field plain = target_primary_key;
    plain.type =
        plain.type == FieldType::AutoField ? FieldType::IntegerField : FieldType::BigIntegerField;
    return data_type(plain);
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

std::string BaseSchemaEditor::primary_key_clause(const Field& field) const {
    std::string suffix = column_type_suffix(dialect().column_types(), field.type);
    return suffix.empty() ? "PRIMARY KEY" : "PRIMARY KEY " + suffix;
}

std::string BaseSchemaEditor::unique_clause(const Field& field, const ModelState& model) const {
    return "CONSTRAINT " + quote(unique_name(model.table, {field.column()}, max_name_length())) +
           " UNIQUE";
}

std::string BaseSchemaEditor::check_clause(const Field& field) const {
    std::string condition =
        column_type_check(dialect().column_types(), field.type, quote(field.column()));
    return condition.empty() ? "" : "CHECK (" + condition + ")";
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
