// The comparisons behind find_drift (covet/schema_drift.h), split by what
// they compare: columns and foreign keys, indexes and unique constraints.
#pragma once

#include <string>
#include <vector>

#include "covet/introspection.h"
#include "covet/schema_drift.h"
#include "covet/schema_editor.h"

namespace covet {

struct DriftContext {
    const ProjectState& state;
    const SchemaEditor& editor;
    std::vector<DriftFinding>& out;
};

// Columns: presence, type, nullability, default, primary key, foreign key.
void compare_columns(const ModelState& model, const IntrospectedTable& live, DriftContext& ctx);
// Indexes and unique constraints: missing, extra, or defined otherwise.
void compare_indexes(const ModelState& model, const IntrospectedTable& live, DriftContext& ctx);

// "(a, b)", " UNIQUE", " WHERE cond": how an index is shown in a finding.
std::string index_shape(const std::vector<std::string>& columns, bool unique,
                        const std::string& where);

}  // namespace covet
