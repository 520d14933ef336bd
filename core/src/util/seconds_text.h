// Durations in messages: "60 s", "1.5 s", "0.25 s".
#pragma once

#include <chrono>
#include <string>

namespace covet {

// Whole seconds without a fraction, else up to three decimals, no trailing zeros.
std::string seconds_text(std::chrono::milliseconds duration);

}  // namespace covet
