// Drift of columns: presence, type, nullability, default, primary key and
// foreign key (target and ON DELETE rule); see drift_compare.h.
#include <algorithm>
#include <cstdlib>
#include <set>

#include "covet/dialect.h"
#include "migrate/drift_compare.h"
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

bool same_type(const std::string& expected, const std::string& actual, const Dialect& dialect) {
    std::string e = normalise_type(expected, dialect), a = normalise_type(actual, dialect);
    return e == a || dialect.reports_type_as(e, a) || (e == "boolean" && a == "bool");
}

bool as_number(const std::string& text, double& value) {
    if (text.empty()) return false;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

// A default in the dialect's shared spelling; keywords (TRUE) in lower case.
std::string normalise_default(const std::string& text, const Dialect& dialect) {
    std::string d = dialect.normalise_default(text);
    return !d.empty() && d.front() == '\'' ? d : to_lower(d);
}

bool same_default(const std::string& expected, const std::string& actual) {
    double e = 0, a = 0;
    return expected == actual || (as_number(expected, e) && as_number(actual, a) && e == a);
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

void add(DriftContext& ctx, std::string kind, const ModelState& model, const std::string& column,
         std::string expected, std::string actual) {
    ctx.out.push_back(
        {std::move(kind), model.table, column, std::move(expected), std::move(actual), ""});
}

void compare_foreign_key(const ModelState& model, const Field& f, const IntrospectedTable& live,
                         DriftContext& ctx) {
    const ModelState* target = ctx.state.resolve_target(f.to, model);
    auto fk = std::find_if(live.foreign_keys.begin(), live.foreign_keys.end(),
                           [&](const auto& k) { return k.column == f.column(); });
    const std::string expected_target = target ? target->table : f.to;
    if (fk == live.foreign_keys.end()) {
        add(ctx, "missing_foreign_key", model, f.column(), expected_target, "");
        return;
    }
    if (target && fk->target_table != target->table)
        add(ctx, "foreign_key_target", model, f.column(), target->table, fk->target_table);
    std::string rule = expected_on_delete(f.on_delete);
    if (!same_on_delete(rule, fk->on_delete))
        add(ctx, "on_delete", model, f.column(), rule, to_upper(fk->on_delete));
}

void compare_column(const ModelState& model, const Field& f, const IntrospectedColumn& c,
                    DriftContext& ctx) {
    const Dialect& dialect = ctx.editor.dialect();
    const std::string column = f.column();
    std::string type = ctx.editor.column_type_of(model, f, ctx.state);
    if (!same_type(type, c.type, dialect))
        add(ctx, "type", model, column, normalise_type(type, dialect), c.type);
    const bool nullable = f.null && !f.primary_key;
    auto null_text = [](bool n) { return n ? "nullable" : "NOT NULL"; };
    if (c.nullable != nullable)
        add(ctx, "nullability", model, column, null_text(nullable), null_text(c.nullable));
    // An auto-increment column's default is its sequence, not a literal.
    const bool generated = c.auto_increment;
    if (!generated) {
        auto written = ctx.editor.column_default_of(f);
        std::string expected = written ? normalise_default(*written, dialect) : "";
        std::string actual = c.default_value ? normalise_default(*c.default_value, dialect) : "";
        if (actual == "null") actual.clear();
        if (!same_default(expected, actual)) add(ctx, "default", model, column, expected, actual);
    }
    auto key_text = [](bool k) { return k ? "the primary key" : "not the primary key"; };
    if (c.primary_key != f.primary_key)
        add(ctx, "primary_key", model, column, key_text(f.primary_key), key_text(c.primary_key));
}

}  // namespace

void compare_columns(const ModelState& model, const IntrospectedTable& live, DriftContext& ctx) {
    std::set<std::string> expected_columns;
    std::set<std::string> expected_keys;
    for (const Field* f : model.concrete_fields()) {
        const std::string column = f->column();
        expected_columns.insert(column);
        const IntrospectedColumn* c = live.column(column);
        if (!c) {
            add(ctx, "missing_column", model, column,
                ctx.editor.column_type_of(model, *f, ctx.state), "");
            continue;
        }
        compare_column(model, *f, *c, ctx);
        if (f->type == FieldType::ForeignKey) {
            expected_keys.insert(column);
            compare_foreign_key(model, *f, live, ctx);
        }
    }
    for (const auto& c : live.columns)
        if (!expected_columns.count(c.name)) add(ctx, "extra_column", model, c.name, "", c.type);
    for (const auto& fk : live.foreign_keys)
        if (expected_columns.count(fk.column) && !expected_keys.count(fk.column))
            add(ctx, "extra_foreign_key", model, fk.column, "", fk.target_table);
}

}  // namespace covet
