#include "util/seconds_text.h"

#include <cstdlib>

namespace covet {

std::string seconds_text(std::chrono::milliseconds duration) {
    const long long ms = duration.count();
    std::string text = std::to_string(ms / 1000);
    if (ms < 0 && ms > -1000) text = "-0";
    if (long long fraction = std::llabs(ms % 1000)) {
        std::string digits = std::to_string(1000 + fraction).substr(1);
        while (digits.back() == '0')
            digits.pop_back();
        text += "." + digits;
    }
    return text + " s";
}

}  // namespace covet
