// Drift of indexes and unique constraints: each one the state implies
// (db_index, unique fields, unique_together, declared indexes, named unique
// constraints) must be live with its columns, uniqueness and condition, and
// no other index may be; see drift_compare.h.
#include <algorithm>
#include <cctype>

#include "covet/dialect.h"
#include "migrate/drift_compare.h"
#include "schema/identifier_names.h"
#include "util/text_case.h"

namespace covet {

namespace {

struct ExpectedIndex {
    std::string name;
    std::vector<std::string> columns;
    bool unique = false;
    std::string where;
    bool constraint = false;  // a unique constraint (the finding says so)
};

std::vector<std::string> columns_of(const ModelState& model,
                                    const std::vector<std::string>& names) {
    std::vector<std::string> columns;
    for (const auto& name : names)
        columns.push_back(model.column_for(name));
    return columns;
}

std::vector<ExpectedIndex> expected_indexes(const ModelState& model, const SchemaEditor& editor) {
    const std::size_t limit = editor.dialect().features().max_identifier_length;
    std::vector<ExpectedIndex> out;
    for (const Field* f : model.concrete_fields()) {
        const std::string column = f->column();
        if (f->unique && !f->primary_key)
            out.push_back({unique_name(model.table, {column}, limit), {column}, true, "", true});
        if (f->wants_index())
            out.push_back({index_name(model.table, {column}, limit), {column}, false, "", false});
    }
    for (const auto& group : model.unique_together) {
        auto columns = columns_of(model, group);
        out.push_back({unique_name(model.table, columns, limit), columns, true, "", true});
    }
    for (const auto& index : model.indexes)
        out.push_back({index.name, columns_of(model, index.columns), index.unique,
                       index.where.empty() ? "" : editor.condition_text(index.where, model),
                       false});
    for (const auto& constraint : model.constraints)
        if (!constraint.is_check())
            out.push_back(
                {constraint.name, columns_of(model, constraint.unique), true,
                 constraint.where.empty() ? "" : editor.condition_text(constraint.where, model),
                 true});
    return out;
}

// A condition as databases give it back, reduced to what both sides share:
// no blanks, quotes, parentheses or casts (x::text), lower case.
std::string normalise_condition(const std::string& text) {
    std::string out;
    for (char c : to_lower(text))
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '"' && c != '`' && c != '(' &&
            c != ')')
            out += c;
    for (auto cast = out.find("::"); cast != std::string::npos; cast = out.find("::", cast)) {
        auto end = cast + 2;
        while (end < out.size() &&
               (std::isalnum(static_cast<unsigned char>(out[end])) || out[end] == '_'))
            ++end;
        out.erase(cast, end - cast);
    }
    return out;
}

bool same_shape(const ExpectedIndex& e, const IntrospectedIndex& live) {
    return live.columns == e.columns && live.unique == e.unique &&
           normalise_condition(live.where) == normalise_condition(e.where);
}

// The index a database makes by itself for a foreign key that has none
// (named after the constraint): not covet's to report.
bool is_foreign_key_index(const IntrospectedIndex& index, const IntrospectedTable& live) {
    return std::any_of(live.foreign_keys.begin(), live.foreign_keys.end(), [&](const auto& fk) {
        return !fk.name.empty() && fk.name == index.name && !index.columns.empty() &&
               index.columns.front() == fk.column;
    });
}

void add(DriftContext& ctx, std::string kind, const ModelState& model, const std::string& name,
         std::string expected, std::string actual) {
    ctx.out.push_back(
        {std::move(kind), model.table, "", std::move(expected), std::move(actual), name});
}

}  // namespace

std::string index_shape(const std::vector<std::string>& columns, bool unique,
                        const std::string& where) {
    std::string out = "(";
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? ", " : "") + columns[i];
    out += ")";
    if (unique) out += " UNIQUE";
    if (!where.empty()) out += " WHERE " + where;
    return out;
}

void compare_indexes(const ModelState& model, const IntrospectedTable& live, DriftContext& ctx) {
    std::vector<bool> matched(live.indexes.size(), false);
    auto find = [&](auto&& accept) -> std::ptrdiff_t {
        for (std::size_t i = 0; i < live.indexes.size(); ++i)
            if (!matched[i] && !live.indexes[i].primary && accept(live.indexes[i]))
                return static_cast<std::ptrdiff_t>(i);
        return -1;
    };
    for (const auto& e : expected_indexes(model, ctx.editor)) {
        const std::string shape = index_shape(e.columns, e.unique, e.where);
        std::ptrdiff_t at = find([&](const auto& i) { return i.name == e.name; });
        // A unique constraint the database keeps under a name of its own
        // (a database's automatic index) is found by its shape.
        if (at < 0 && e.constraint) at = find([&](const auto& i) { return same_shape(e, i); });
        if (at < 0) {
            add(ctx, e.constraint ? "missing_unique" : "missing_index", model, e.name, shape, "");
            continue;
        }
        matched[static_cast<std::size_t>(at)] = true;
        const IntrospectedIndex& found = live.indexes[static_cast<std::size_t>(at)];
        if (!same_shape(e, found))
            add(ctx, "index", model, e.name, shape,
                index_shape(found.columns, found.unique, found.where));
    }
    // Django adds a "<name>_like" index (a LIKE-pattern operator class) beside
    // the index of each indexed text column; the columns are indexed as the
    // state says, so an adopted Django database is not drift for it.
    auto is_like_companion = [&](const IntrospectedIndex& index) {
        const std::string suffix = "_like";
        if (index.unique || index.name.size() <= suffix.size() ||
            index.name.compare(index.name.size() - suffix.size(), suffix.size(), suffix) != 0)
            return false;
        for (std::size_t j = 0; j < live.indexes.size(); ++j)
            if (matched[j] && live.indexes[j].columns == index.columns) return true;
        return false;
    };
    for (std::size_t i = 0; i < live.indexes.size(); ++i) {
        const IntrospectedIndex& index = live.indexes[i];
        if (matched[i] || index.primary || is_foreign_key_index(index, live) ||
            is_like_companion(index))
            continue;
        add(ctx, "extra_index", model, index.name, "",
            index_shape(index.columns, index.unique, index.where));
    }
}

}  // namespace covet
