#include "migrate/canonical_text.h"

#include "util/json_writer.h"

namespace covet {

// Every control character as \u00XX: the checksums of existing files depend on it.
std::string canonical_quote(const std::string& text) {
    return json_quote(text, JsonEscapes::unicode_only);
}

std::string canonical_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ",";
        out += canonical_quote(items[i]);
    }
    return out + "]";
}

std::string canonical_list_of_lists(const std::vector<std::vector<std::string>>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ",";
        out += canonical_list(items[i]);
    }
    return out + "]";
}

}  // namespace covet
