// Names longer than the database keeps: PostgreSQL silently truncates them
// (and then the schema never matches the state), MySQL refuses them only when
// the DDL runs. Checked against the dialect's limit before anything runs.
#pragma once

#include <string>
#include <vector>

#include "covet/dialect.h"
#include "covet/model_state.h"

namespace covet {

// A message naming the first table, column, index or through-table name of
// the named tables of `state` (those an operation changed) over the
// dialect's limit; "" when every name fits (always, for a dialect without a
// limit).
std::string name_over_limit(const ProjectState& state, const Dialect& dialect,
                            const std::vector<std::string>& tables);

}  // namespace covet
