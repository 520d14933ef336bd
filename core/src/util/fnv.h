// FNV-1a, 64 bits: stable across versions and processes, so that lock names
// and keys derived from it agree between covet runs.
#pragma once

#include <cstdint>
#include <string_view>

namespace covet {

constexpr std::uint64_t fnv1a_64(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ull;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace covet
