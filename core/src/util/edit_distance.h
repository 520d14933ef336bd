// The distance behind every "did you mean" suggestion.
#pragma once

#include <cstddef>
#include <string_view>

namespace covet {

// Optimal string alignment distance: insertions, deletions, substitutions and
// swaps of two neighbours each cost one (a swap is the commonest typo).
// Case-sensitive; callers that ignore case lower both sides first.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace covet
