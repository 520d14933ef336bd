#include "shell/near_miss.h"

#include "util/edit_distance.h"

namespace covet::shell {

std::string near_miss_hint(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string* best = nearest_name(word, candidates, 1);
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
