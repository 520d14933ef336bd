#include "shell/near_miss.h"

#include <algorithm>

#include "util/edit_distance.h"
#include "util/text_case.h"

namespace covet::shell {

std::string near_miss_hint(const std::string& word, const std::vector<std::string>& candidates) {
    // At most two edits, fewer for short words, so that 'x' is not taken for 'id'.
    const std::size_t allowed = std::min<std::size_t>(2, std::max<std::size_t>(1, word.size() / 3));
    const std::string lowered = to_lower(word);
    const std::string* best = nullptr;
    std::size_t best_distance = allowed + 1;
    for (const std::string& candidate : candidates) {
        const std::size_t distance = edit_distance(lowered, to_lower(candidate));
        if (distance < best_distance) {
            best = &candidate;
            best_distance = distance;
        }
    }
    if (best == nullptr) return "";
    return " (did you mean '" + *best + "'?)";
}

std::string quoted_choices(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " or " : ", ";
        text += "'" + names[i] + "'";
    }
    return text;
}

}  // namespace covet::shell
