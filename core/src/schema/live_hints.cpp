// The live state completed by the migration state where they agree
// (covet/live_state.h): what a database cannot keep comes from the hints.
#include <optional>

#include "covet/column_types.h"
#include "covet/dialect.h"
#include "covet/live_state.h"

namespace covet {

namespace {

std::string target_table(const ProjectState& state, const ModelState& model, const Field& f) {
    const ModelState* target = state.resolve_target(f.to, model);
    return target ? target->table : f.to;
}

std::string column_type(const Dialect& dialect, const Field& f) {
    if (f.is_relation()) return "";
    try {
        return render_column_type(dialect.column_types(), f);
    } catch (const Error&) {
        return "?";  // a DecimalField without digits: no hint renders alike
    }
}

std::string default_text(const Field& f) {
    return f.default_value ? f.default_value->to_string() : "<none>";
}

// Whether the database cannot tell the two fields apart.
bool written_alike(const Dialect& dialect, const ProjectState& live_state, const ModelState& live,
                   const Field& a, const ProjectState& hints, const ModelState& hint,
                   const Field& b) {
    if (a.column() != b.column() || a.is_relation() != b.is_relation() || a.null != b.null ||
        a.primary_key != b.primary_key || a.unique != b.unique ||
        a.wants_index() != b.wants_index() || default_text(a) != default_text(b))
        return false;
    if (a.is_auto() != b.is_auto() || column_type(dialect, a) != column_type(dialect, b))
        return false;
    if (!a.is_relation()) return true;
    return target_table(live_state, live, a) == target_table(hints, hint, b) &&
           std::string(on_delete_sql_action(a.on_delete)) == on_delete_sql_action(b.on_delete) &&
           a.through == b.through;
}

std::optional<Field> hinted_field(const Dialect& dialect, const ProjectState& live_state,
                                  const ModelState& live, const Field& field,
                                  const ProjectState& hints, const ModelState& hint) {
    for (const Field& h : hint.fields) {
        if (field.is_many_to_many() != h.is_many_to_many()) continue;
        if (field.is_many_to_many() ? field.name != h.name : field.column() != h.column()) continue;
        if (written_alike(dialect, live_state, live, field, hints, hint, h)) return h;
    }
    return std::nullopt;
}

}  // namespace

ProjectState with_state_hints(const ProjectState& live, const ProjectState& hints,
                              const Dialect& dialect) {
    ProjectState out;
    for (const ModelState* model : live.models()) {
        ModelState copy = *model;
        if (const ModelState* hint = hints.find_table(model->table)) {
            copy.name = hint->name;
            copy.app = hint->app;
            copy.ordering = hint->ordering;
            for (Field& field : copy.fields)
                if (auto h = hinted_field(dialect, live, *model, field, hints, *hint)) field = *h;
        }
        out.put(std::move(copy));
    }
    return out;
}

}  // namespace covet
