// Whether a field's written default reads as its typed value (Field::typed_default).
#pragma once

#include <optional>
#include <string>

#include "covet/field.h"

namespace covet {

// Why typed_default() cannot read the default ("not a valid JSON document: ..."),
// or nullopt when it can or there is none.
std::optional<std::string> typed_default_problem(const Field& field);

}  // namespace covet
