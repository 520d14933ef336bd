#include "util/base64.h"

namespace covet {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

}  // namespace

std::string base64_encode(const unsigned char* bytes, std::size_t size) {
    std::string out;
    out.reserve((size + 2) / 3 * 4);
    for (std::size_t i = 0; i < size; i += 3) {
        const std::size_t n = size - i < 3 ? size - i : 3;
        unsigned int group = static_cast<unsigned int>(bytes[i]) << 16;
        if (n > 1) group |= static_cast<unsigned int>(bytes[i + 1]) << 8;
        if (n > 2) group |= bytes[i + 2];
        out += kAlphabet[(group >> 18) & 63];
        out += kAlphabet[(group >> 12) & 63];
        out += n > 1 ? kAlphabet[(group >> 6) & 63] : '=';
        out += n > 2 ? kAlphabet[group & 63] : '=';
    }
    return out;
}

std::optional<std::vector<unsigned char>> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0) return std::nullopt;
    // '=' only as the tail of the last group: "xx==" or "xxx=".
    std::size_t pad = 0;
    if (!text.empty() && text.back() == '=') pad = text[text.size() - 2] == '=' ? 2 : 1;
    std::vector<unsigned char> out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        unsigned int group = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const bool padding = i + k >= text.size() - pad;
            const int v = padding ? 0 : sextet(text[i + k]);
            if (v < 0) return std::nullopt;
            group = group << 6 | static_cast<unsigned int>(v);
        }
        const std::size_t bytes = i + 4 == text.size() ? 3 - pad : 3;
        out.push_back(static_cast<unsigned char>(group >> 16));
        if (bytes > 1) out.push_back(static_cast<unsigned char>(group >> 8 & 0xff));
        if (bytes > 2) out.push_back(static_cast<unsigned char>(group & 0xff));
    }
    return out;
}

}  // namespace covet
