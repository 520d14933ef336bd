#include "covet/uuid.h"

#include <cctype>

#include "covet/error.h"
#include "util/hex.h"

namespace covet {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

Uuid Uuid::parse(std::string_view text) {
    std::string_view body = text;
    for (std::string_view prefix : {"urn:", "uuid:"}) {
        if (body.substr(0, prefix.size()) == prefix) body.remove_prefix(prefix.size());
    }
    if (body.size() >= 2 && body.front() == '{' && body.back() == '}')
        body = body.substr(1, body.size() - 2);
    Bytes16 bytes{};
    std::size_t count = 0;
    for (char c : body) {
        if (c == '-') continue;
        const int value = hex_value(c);
        if (value < 0 || count == 32)
            throw ValueError("'" + std::string(text) +
                             "' is not a valid UUID (expected 32 hex digits)");
        bytes[count / 2] = static_cast<unsigned char>(bytes[count / 2] * 16 + value);
        ++count;
    }
    if (count != 32)
        throw ValueError("'" + std::string(text) +
                         "' is not a valid UUID (expected 32 hex digits)");
    return Uuid(bytes);
}

std::string Uuid::hex() const {
    return hex_lower(bytes_.data(), bytes_.size());
}

std::string Uuid::to_string() const {
    const std::string h = hex();
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20);
}

}  // namespace covet
