// The shortest decimal text that reads back as the same double, for SQL
// literals, bound text parameters and printed values alike.
#pragma once

#include <string>

namespace covet {

// How a caller spells what plain digits cannot say.
struct FloatSpelling {
    const char* nan;       // e.g. "NaN", "nan"
    const char* infinity;  // e.g. "Infinity", "inf"; negated with a leading '-'
    bool keep_point;       // "1.0", not "1": keeps the floating-point kind visible
};

std::string float_text(double value, const FloatSpelling& spelling);

}  // namespace covet
