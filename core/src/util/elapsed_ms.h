// Milliseconds since a steady-clock point: statement and step durations.
#pragma once

#include <chrono>

namespace covet {

inline double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

}  // namespace covet
