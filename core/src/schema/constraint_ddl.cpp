// DDL of named constraints (add_constraint) and of changes to a table's
// constraints, shared by the dialects; see base_schema_editor.h.
#include "covet/dialect.h"
#include "covet/error.h"
#include "schema/base_schema_editor.h"

namespace covet {

namespace {

// `"a", "b"`: the columns of the named fields, quoted.
std::string column_list(const ModelState& model, const std::vector<std::string>& names,
                        const std::function<std::string(std::string_view)>& quote) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + quote(model.column_for(name));
    return out;
}

}  // namespace

std::string BaseSchemaEditor::condition_sql(const Condition& condition,
                                            const ModelState& model) const {
    const ConditionStyle style{
        [&](const std::string& name) { return quote(model.column_for(name)); },
        [&](const Value& literal) { return dialect().quote_value(literal); }};
    return condition.render(style);
}

std::vector<std::string> BaseSchemaEditor::named_constraint_clauses(const ModelState& model) const {
    std::vector<std::string> clauses;
    auto quote_one = [&](std::string_view column) { return quote(column); };
    for (const auto& constraint : model.constraints) {
        if (constraint.is_check())
            clauses.push_back("CONSTRAINT " + quote(constraint.name) + " CHECK (" +
                              condition_sql(constraint.check, model) + ")");
        else if (constraint.where.empty())
            clauses.push_back("CONSTRAINT " + quote(constraint.name) + " UNIQUE (" +
                              column_list(model, constraint.unique, quote_one) + ")");
    }
    return clauses;
}

std::vector<SchemaObject> BaseSchemaEditor::named_constraint_objects(
    const ModelState& model) const {
    std::vector<SchemaObject> objects;
    auto quote_one = [&](std::string_view column) { return quote(column); };
    for (const auto& constraint : model.constraints) {
        const std::string key = "constraint:" + constraint.name;
        const std::string table = quote(model.table);
        const std::string name = quote(constraint.name);
        if (!constraint.is_check() && !constraint.where.empty()) {
            if (!dialect().features().supports_partial_indexes)
                throw MigrationError("constraint '" + constraint.name + "' on table '" +
                                     model.table + "' has a where: condition, but " +
                                     dialect().name() + " has no partial unique indexes");
            std::string sql = "CREATE UNIQUE INDEX " + name + " ON " + table + " (" +
                              column_list(model, constraint.unique, quote_one) + ") WHERE " +
                              condition_sql(constraint.where, model);
            objects.push_back({SchemaObject::Kind::Index, key, "", model.table, constraint.name,
                               std::move(sql), ""});
            continue;
        }
        // Elsewhere (SQLite) the constraint lives inside CREATE TABLE only.
        if (!names_unique_constraints()) continue;
        std::string body =
            constraint.is_check()
                ? "CHECK (" + condition_sql(constraint.check, model) + ")"
                : "UNIQUE (" + column_list(model, constraint.unique, quote_one) + ")";
        objects.push_back(
            {constraint.is_check() ? SchemaObject::Kind::Check : SchemaObject::Kind::Unique, key,
             "", model.table, constraint.name,
             "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + body, ""});
    }
    return objects;
}

void BaseSchemaEditor::alter_constraints(const std::string& table, const ProjectState& from,
                                         const ProjectState& to) {
    alter_objects(from.table(table), from, to.table(table), to, [] {});
}

}  // namespace covet
