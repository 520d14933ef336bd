// The distance behind every "did you mean" suggestion.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace covet {

// Optimal string alignment distance: insertions, deletions, substitutions and
// swaps of two neighbours each cost one (a swap is the commonest typo).
// Case-sensitive; callers that ignore case lower both sides first.
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace covet

namespace covet {

// The candidate nearest to `word`, case ignored, when it is a near miss:
// at most two edits, and fewer for short words (word.size() / 3, but at
// least `min_edits`) so that 'x' is not taken for 'id'. nullptr otherwise.
const std::string* nearest_name(const std::string& word, const std::vector<std::string>& candidates,
                                std::size_t min_edits = 0);

}  // namespace covet
