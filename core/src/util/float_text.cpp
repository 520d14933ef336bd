#include "util/float_text.h"

#include <charconv>
#include <cmath>

namespace covet {

std::string float_text(double value, const FloatSpelling& spelling) {
    if (std::isnan(value)) return spelling.nan;
    if (std::isinf(value)) return std::string(value < 0 ? "-" : "") + spelling.infinity;
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, result.ptr);
    if (spelling.keep_point && text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

}  // namespace covet
