// ASCII case mapping: identifiers, type names and URL schemes are ASCII, and
// the locale must not change how they compare.
#pragma once

#include <string>
#include <string_view>

namespace covet {

std::string to_lower(std::string_view text);
std::string to_upper(std::string_view text);

}  // namespace covet
