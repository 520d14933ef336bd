// Lower-case hexadecimal text of bytes: digests, BLOB and bytea literals.
#pragma once

#include <cstddef>
#include <string>

namespace covet {

// Two lower-case digits per byte, no prefix.
std::string hex_lower(const unsigned char* bytes, std::size_t size);

}  // namespace covet
