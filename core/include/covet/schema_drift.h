// Compares the live schema with the state the migrations build (drift):
// what `covet check` reports and what the tests assert after each step.
#pragma once

#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/model_state.h"

namespace covet {

// One message per difference: missing or unexpected tables and columns,
// column types, nullability, primary keys, foreign keys (target and ON
// DELETE) and the migrations' named indexes. Empty when they agree.
std::vector<std::string> find_schema_drift(const ProjectState& state, Connection& connection);

}  // namespace covet
