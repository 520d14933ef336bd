// "Did you mean" hints for the shell's errors about unknown names.
#pragma once

#include <string>
#include <vector>

namespace covet::shell {

// " (did you mean 'filter'?)" for the candidate nearest to `word` when it
// is a near miss (case ignored; short words get fewer edits), else "".
std::string near_miss_hint(const std::string& word, const std::vector<std::string>& candidates);

// "'a', 'b' or 'c'": the valid names, for messages that list them.
std::string quoted_choices(const std::vector<std::string>& names);

}  // namespace covet::shell
