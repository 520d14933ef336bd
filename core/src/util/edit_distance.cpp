#include "util/edit_distance.h"

#include <algorithm>
#include <vector>

#include "util/text_case.h"

namespace covet {

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows: the swap looks two rows back.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[j] = std::min(current[j], before[j - 2] + 1);
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

}  // namespace covet

namespace covet {

const std::string* nearest_name(const std::string& word, const std::vector<std::string>& candidates,
                                std::size_t min_edits) {
    const std::size_t allowed = std::min<std::size_t>(2, std::max(min_edits, word.size() / 3));
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
    return best;
}

}  // namespace covet
