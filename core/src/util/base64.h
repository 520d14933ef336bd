// Base64 (RFC 4648, standard alphabet, '=' padding): BinaryField values in
// JSON (SPEC.md §6).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace covet {

std::string base64_encode(const unsigned char* bytes, std::size_t size);
// nullopt when the text is not padded standard base64 (whitespace is not skipped).
std::optional<std::vector<unsigned char>> base64_decode(std::string_view text);

}  // namespace covet
