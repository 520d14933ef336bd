#include "migrate/canonical_text.h"

#include <cstdio>

namespace covet {

std::string canonical_quote(const std::string& text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
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
