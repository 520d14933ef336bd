#include "covet/schema_drift.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "covet/dialect.h"
#include "covet/error.h"
#include "covet/introspector.h"
#include "covet/journal.h"
#include "covet/recorder.h"
#include "covet/schema_editor.h"
#include "schema/identifier_names.h"
#include "util/text_case.h"

namespace covet {

namespace {

// Both sides spelled alike: lower case, no blanks after commas, and the
// dialect's own spellings (auto-increment) as the plain types databases report.
std::string normalise_type(const std::string& spelled, const Dialect& dialect) {
    const std::string type = to_lower(spelled);
    std::string out;
    for (std::size_t i = 0; i < type.size(); ++i) {
        if (type[i] == ' ' && i > 0 && type[i - 1] == ',') continue;
        out += type[i];
    }
    out = dialect.normalise_column_type(std::move(out));
    if (out == "int") return "integer";
    return out;
}

std::string canonical_names(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

bool same_type(const std::string& expected, const std::string& actual, const Dialect& dialect) {
    std::string e = normalise_type(expected, dialect), a = normalise_type(actual, dialect);
    return e == a || dialect.reports_type_as(e, a) || (e == "boolean" && a == "bool");
}

// What introspection reports for a rule: no clause reads back as NO ACTION.
std::string expected_on_delete(OnDelete rule) {
    std::string action = on_delete_sql_action(rule);
    return action.empty() ? "NO ACTION" : action;
}

bool same_on_delete(const std::string& expected, const std::string& actual) {
    const std::string a = to_upper(actual);
    if (expected == a) return true;
    // Without a clause databases report NO ACTION or RESTRICT, which act alike
    // for covet (a database may also leave SET DEFAULT out, refusing it).
    auto no_action = [](const std::string& r) { return r == "NO ACTION" || r == "RESTRICT"; };
    return (no_action(expected) || expected == "SET DEFAULT") && no_action(a);
}

// A unique constraint is live as a unique index: by its name where the
// database keeps it, else (automatic indexes with made-up names) by its columns.
bool has_unique_index(const IntrospectedTable& live, const std::string& name,
                      const std::vector<std::string>& columns) {
    for (const auto& index : live.indexes)
        if (index.unique && (index.name == name || index.columns == columns)) return true;
    return false;
}

// unique_together and named UNIQUE constraints; CHECK constraints are not
// introspected, so they are never reported.
void compare_unique_constraints(const ModelState& model, const IntrospectedTable& live,
                                std::vector<std::string>& out) {
    auto columns_of = [&](const std::vector<std::string>& names) {
        std::vector<std::string> columns;
        for (const auto& name : names)
            columns.push_back(model.column_for(name));
        return columns;
    };
    for (const auto& group : model.unique_together)
        if (!has_unique_index(live, "", columns_of(group)))
            out.push_back("unique_together (" + model.table + ": " + canonical_names(group) +
                          ") is missing from the database");
    for (const auto& constraint : model.constraints)
        if (!constraint.is_check() &&
            !has_unique_index(live, constraint.name, columns_of(constraint.unique)))
            out.push_back("unique constraint " + constraint.name + " on " + model.table +
                          " is missing from the database");
}

// The single-column indexes db_index makes (a ForeignKey's unless
// db_index=False), found by the name covet gives them.
void compare_generated_indexes(const ModelState& model, const IntrospectedTable& live,
                               const SchemaEditor& editor, std::vector<std::string>& out) {
    const std::size_t limit = editor.dialect().features().max_identifier_length;
    for (const Field* f : model.concrete_fields()) {
        const std::string name = index_name(model.table, {f->column()}, limit);
        const bool present = std::any_of(live.indexes.begin(), live.indexes.end(),
                                         [&](const auto& i) { return i.name == name; });
        if (f->wants_index() && !present)
            out.push_back("index " + name + " on " + model.table + " is missing from the database");
        if (!f->wants_index() && present && !model.find_index(name))
            out.push_back("index " + name + " on " + model.table +
                          " is not in the migration state" +
                          (f->db_index ? "" : " (" + f->name + " has db_index=False)"));
    }
}

void compare_foreign_key(const ModelState& model, const Field& f, const ProjectState& state,
                         const IntrospectedTable& live, std::vector<std::string>& out) {
    const std::string where = model.table + "." + f.column();
    const ModelState* target = state.resolve_target(f.to, model);
    auto fk = std::find_if(live.foreign_keys.begin(), live.foreign_keys.end(),
                           [&](const auto& k) { return k.column == f.column(); });
    if (fk == live.foreign_keys.end()) {
        out.push_back("foreign key " + where + " is missing from the database");
        return;
    }
    if (target && fk->target_table != target->table)
        out.push_back("foreign key " + where + " references " + fk->target_table + ", expected " +
                      target->table);
    std::string rule = expected_on_delete(f.on_delete);
    if (!same_on_delete(rule, fk->on_delete))
        out.push_back("foreign key " + where + " has ON DELETE " + fk->on_delete + ", expected " +
                      rule);
}

void compare_declared_indexes(const ModelState& model, const IntrospectedTable& live,
                              std::vector<std::string>& out) {
    for (const auto& index : model.indexes) {
        auto live_index = std::find_if(live.indexes.begin(), live.indexes.end(),
                                       [&](const auto& i) { return i.name == index.name; });
        if (live_index == live.indexes.end()) {
            out.push_back("index " + index.name + " on " + model.table +
                          " is missing from the database");
            continue;
        }
        std::vector<std::string> columns;
        for (const auto& c : index.columns)
            columns.push_back(model.column_for(c));
        if (live_index->columns != columns || live_index->unique != index.unique)
            out.push_back("index " + index.name + " on " + model.table +
                          " differs from the migration state");
    }
}

void compare_table(const ModelState& model, const ProjectState& state, Connection& connection,
                   const SchemaEditor& editor, std::vector<std::string>& out) {
    IntrospectedTable live = introspector_of(connection).describe_table(model.table);
    const std::string t = model.table;
    std::set<std::string> expected_columns;
    for (const Field* f : model.concrete_fields()) {
        const std::string column = f->column();
        expected_columns.insert(column);
        const IntrospectedColumn* c = live.column(column);
        if (!c) {
            out.push_back("column " + t + "." + column + " is missing from the database");
            continue;
        }
        std::string type = editor.column_type_of(model, *f, state);
        if (!same_type(type, c->type, editor.dialect()))
            out.push_back("column " + t + "." + column + " has type " + c->type + ", expected " +
                          normalise_type(type, editor.dialect()));
        bool nullable = f->null && !f->primary_key;
        if (c->nullable != nullable)
            out.push_back("column " + t + "." + column + " is " +
                          (c->nullable ? "nullable" : "NOT NULL") + ", expected " +
                          (nullable ? "nullable" : "NOT NULL"));
        if (c->primary_key != f->primary_key)
            out.push_back("column " + t + "." + column +
                          (f->primary_key ? " is not the primary key" : " is a primary key") +
                          " in the database");
        if (f->type == FieldType::ForeignKey) compare_foreign_key(model, *f, state, live, out);
    }
    compare_generated_indexes(model, live, editor, out);
    for (const auto& c : live.columns)
        if (!expected_columns.count(c.name))
            out.push_back("column " + t + "." + c.name + " is not in the migration state");
    compare_declared_indexes(model, live, out);
    compare_unique_constraints(model, live, out);
}

}  // namespace

std::vector<std::string> find_schema_drift(const ProjectState& state, Connection& connection) {
    std::vector<std::string> out;
    auto editor = connection.dialect().schema_editor();
    std::map<std::string, ModelState> expected;
    for (const ModelState* model : state.models()) {
        expected.emplace(model->table, *model);
        for (const auto& f : model->fields)
            if (f.is_many_to_many() && f.through.empty()) {
                ModelState through = state.through_model(*model, f);
                expected.emplace(through.table, std::move(through));
            }
    }
    // Through models reference models by name: compare within a state holding them.
    ProjectState with_through = state;
    for (const auto& [table, model] : expected)
        if (model.auto_created) with_through.put(model);
    std::set<std::string> live;
    for (const auto& name : introspector_of(connection).table_names())
        live.insert(name);
    for (const auto& [table, model] : expected) {
        if (!live.count(table)) {
            out.push_back("table " + table + " is missing from the database");
            continue;
        }
        compare_table(model, with_through, connection, *editor, out);
    }
    // The database's own bookkeeping tables never reach here:
    // each dialect's table_names() leaves them out.
    const std::set<std::string> own = {MigrationRecorder::kTable, MigrationJournal::kTable};
    for (const auto& table : live)
        if (!expected.count(table) && !own.count(table))
            out.push_back("table " + table + " is not in the migration state");
    return out;
}

}  // namespace covet
