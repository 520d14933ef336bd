// The parts of read_live_state (covet/live_state.h): one introspected table
// read into a model, and many-to-many through tables recognised.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "covet/introspection.h"
#include "covet/model_state.h"

namespace covet {

class Dialect;

// The field of one column: type and arguments read back through the
// dialect's column types, key, nullability, default, foreign key and
// single-column unique index. Throws MigrationError for an unknown type.
Field field_of_column(const IntrospectedTable& table, const IntrospectedColumn& column,
                      const Dialect& dialect);

// A column default as the database reports it ("0", "'abc'::text", "TRUE")
// as the value a models file writes; nullopt for NULL and for expressions
// (CURRENT_TIMESTAMP, nextval(...)), which a field default cannot say.
std::optional<Value> default_of_column(const std::string& reported, FieldType type);

// The table's indexes and unique constraints as model options: single-column
// ones generated for a field become its db_index/unique (already on the
// fields), the others unique_together, named constraints and indexes.
void read_indexes(const IntrospectedTable& table, const Dialect& dialect, ModelState& model);

// Whether `name` is one a tool generates for an index over `columns` with
// `suffix` ("_idx", "_uniq", or "" for Django's db_index): covet's names and
// Django's <table>_<columns>_<8 hex digits><suffix>.
bool generated_index_name(const std::string& name, const std::string& table,
                          const std::vector<std::string>& columns, const std::string& suffix,
                          const Dialect& dialect);

// Recognises the through tables among `tables` (which it leaves out of the
// result), adds a ManyToManyField to each owner, and names the owner and
// target models as the through table's columns imply.
std::map<std::string, ModelState> fold_through_tables(
    std::map<std::string, IntrospectedTable> tables, std::map<std::string, ModelState> models);

}  // namespace covet
