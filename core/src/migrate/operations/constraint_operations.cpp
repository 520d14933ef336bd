// alter_unique_together, add_constraint, remove_constraint.
#include <algorithm>

#include "covet/error.h"
#include "covet/operation.h"
#include "covet/schema_editor.h"
#include "migrate/canonical_text.h"
#include "migrate/operations/state_checks.h"

namespace covet {

namespace {

std::string groups_text(const std::vector<std::vector<std::string>>& groups) {
    if (groups.empty()) return "[] (none)";
    std::string out = "[";
    for (std::size_t i = 0; i < groups.size(); ++i) {
        out += (i ? ", [" : "[");
        for (std::size_t j = 0; j < groups[i].size(); ++j)
            out += (j ? ", " : "") + groups[i][j];
        out += "]";
    }
    return out + "]";
}

}  // namespace

void AlterUniqueTogether::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    for (const auto& group : unique_together) {
        if (group.empty())
            throw MigrationError("unique_together of table '" + table + "' has an empty group");
        check_columns_exist(model, group, "unique_together");
    }
    state.edit(table).unique_together = unique_together;
}

void AlterUniqueTogether::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                            const ProjectState& after) const {
    editor.alter_constraints(table, before, after);
}

void AlterUniqueTogether::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                             const ProjectState& after) const {
    editor.alter_constraints(table, after, before);
}

std::string AlterUniqueTogether::describe() const {
    return "Alter unique_together of " + table + " to " + groups_text(unique_together);
}

std::string AlterUniqueTogether::canonical() const {
    return "alter_unique_together{table=" + canonical_quote(table) +
           ",unique_together=" + canonical_list_of_lists(unique_together) + "}";
}

void AddConstraint::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    const std::string what = "constraint '" + constraint.name + "'";
    if (constraint.name.empty())
        throw MigrationError("a constraint of table '" + table + "' needs a name");
    if (constraint.unique.empty() == constraint.check.empty())
        throw MigrationError(what + " of table '" + table +
                             "' needs exactly one of 'unique' (a list of fields) and 'check'");
    if (constraint.is_check() && !constraint.where.empty())
        throw MigrationError(what + " of table '" + table +
                             "': 'where' belongs to a unique constraint, not a check");
    require_no_index(state, constraint.name);
    check_columns_exist(model, constraint.unique, what);
    check_condition_fields(model, constraint.where, what);
    check_condition_fields(model, constraint.check, what);
    state.edit(table).constraints.push_back(constraint);
}

void AddConstraint::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                      const ProjectState& after) const {
    editor.alter_constraints(table, before, after);
}

void AddConstraint::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                       const ProjectState& after) const {
    editor.alter_constraints(table, after, before);
}

std::string AddConstraint::describe() const {
    return std::string("Add ") + (constraint.is_check() ? "check" : "unique") + " constraint " +
           constraint.name + " to " + table;
}

std::string AddConstraint::canonical() const {
    std::string body =
        constraint.is_check()
            ? ",check=" + canonical_quote(constraint.check.text())
            : ",unique=" + canonical_list(constraint.unique) +
                  (constraint.where.empty() ? ""
                                            : ",where=" + canonical_quote(constraint.where.text()));
    return "add_constraint{table=" + canonical_quote(table) +
           ",name=" + canonical_quote(constraint.name) + body + "}";
}

void RemoveConstraint::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    if (!model.find_constraint(name))
        throw MigrationError("table '" + table + "' has no constraint '" + name + "'");
    auto& constraints = state.edit(table).constraints;
    constraints.erase(std::remove_if(constraints.begin(), constraints.end(),
                                     [&](const ConstraintSpec& c) { return c.name == name; }),
                      constraints.end());
}

void RemoveConstraint::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                         const ProjectState& after) const {
    editor.alter_constraints(table, before, after);
}

void RemoveConstraint::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                          const ProjectState& after) const {
    editor.alter_constraints(table, after, before);
}

std::string RemoveConstraint::describe() const {
    return "Remove constraint " + name + " from " + table;
}

std::string RemoveConstraint::canonical() const {
    return "remove_constraint{table=" + canonical_quote(table) + ",name=" + canonical_quote(name) +
           "}";
}

}  // namespace covet
