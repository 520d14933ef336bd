// create_index, drop_index.
#include <algorithm>

#include "covet/error.h"
#include "covet/operation.h"
#include "covet/schema_editor.h"
#include "migrate/canonical_text.h"
#include "migrate/operations/state_checks.h"

namespace covet {

void CreateIndex::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    if (index.columns.empty())
        throw MigrationError("index '" + index.name + "' on table '" + table + "' has no columns");
    require_no_index(state, index.name);
    check_columns_exist(model, index.columns, "index '" + index.name + "'");
    check_condition_fields(model, index.where, "the where: of index '" + index.name + "'");
    state.edit(table).indexes.push_back(index);
    require_distinct_index_names(state, table);
}

void CreateIndex::database_forwards(SchemaEditor& editor, const ProjectState&,
                                    const ProjectState& after) const {
    editor.create_index(table, index.name, after);
}

void CreateIndex::database_backwards(SchemaEditor& editor, const ProjectState&,
                                     const ProjectState& after) const {
    editor.drop_index(table, index.name, after);
}

std::string CreateIndex::describe() const {
    return "Create " + std::string(index.unique ? "unique " : "") + "index " + index.name + " on " +
           table;
}

std::string CreateIndex::canonical() const {
    return "create_index{table=" + canonical_quote(table) + ",name=" + canonical_quote(index.name) +
           ",columns=" + canonical_list(index.columns) + ",unique=" + (index.unique ? "1" : "0") +
           ",where=" + canonical_quote(index.where.text()) +
           (index.concurrently ? ",concurrently=1" : "") + "}";
}

void DropIndex::state_forwards(const std::string&, ProjectState& state) const {
    const ModelState& model = require_table(state, table);
    if (!model.find_index(name))
        throw MigrationError("table '" + table + "' has no index '" + name + "'");
    auto& indexes = state.edit(table).indexes;
    indexes.erase(std::remove_if(indexes.begin(), indexes.end(),
                                 [&](const IndexSpec& i) { return i.name == name; }),
                  indexes.end());
}

void DropIndex::database_forwards(SchemaEditor& editor, const ProjectState& before,
                                  const ProjectState&) const {
    editor.drop_index(table, name, before);
}

void DropIndex::database_backwards(SchemaEditor& editor, const ProjectState& before,
                                   const ProjectState&) const {
    editor.create_index(table, name, before);
}

std::string DropIndex::describe() const {
    return "Drop index " + name + " on " + table;
}

std::string DropIndex::canonical() const {
    return "drop_index{table=" + canonical_quote(table) + ",name=" + canonical_quote(name) + "}";
}

}  // namespace covet
