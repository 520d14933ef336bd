// Checks shared by operations' state_forwards: each throws MigrationError
// with a message naming the table, column or index at fault.
#pragma once

#include <string>

#include "covet/model_state.h"

namespace covet {

const ModelState& require_table(const ProjectState& state, const std::string& table);
void require_no_table(const ProjectState& state, const std::string& table);
// Finds a field by attribute or column name.
const Field& require_field(const ModelState& model, const std::string& name);
// A relation's target must exist (or be the model itself); returns the
// field with `to` normalised to the target's model name, so that renaming
// the target table later does not break the reference.
Field resolve_relation(const ProjectState& state, const ModelState& owner, Field field);
void check_columns_exist(const ModelState& model, const std::vector<std::string>& names,
                         const std::string& what);
// Index and constraint names are unique within the whole database (an index
// and a constraint may not share a name either).
void require_no_index(const ProjectState& state, const std::string& index_name);
// Every name a condition mentions is a column of the model. An unknown one
// is a LoadError at its place in the file when the condition came from one.
void check_condition_fields(const ModelState& model, const Condition& condition,
                            const std::string& what);
// Index names are unique in the database, whoever names them: the explicit
// indexes of `table` (already in `state`) and the indexes and unique
// constraints covet names for its db_index, unique and unique_together
// columns must not share a name with each other or with any other table's.
void require_distinct_index_names(const ProjectState& state, const std::string& table);
// `ordering` names fields of the model: "name", "-name", "author__name", "?".
void check_ordering(const ModelState& model);

}  // namespace covet
