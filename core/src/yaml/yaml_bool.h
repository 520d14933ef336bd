// The one reader of YAML booleans, for header keys, operation flags and
// field arguments alike.
#pragma once

#include <optional>
#include <string_view>

namespace covet::yaml {

// The YAML 1.1 spellings PyYAML reads as booleans (true/yes/on and
// false/no/off, each in lower, Title and UPPER case); nullopt for any other
// text. Callers pass plain scalars only: a quoted 'yes' is a string.
std::optional<bool> read_bool(std::string_view text);

}  // namespace covet::yaml
