#include "schema/sql_literals.h"

#include <charconv>
#include <cmath>

#include "covet/error.h"

namespace covet {

std::string quote_identifier(std::string_view identifier, char quote) {
    std::string out(1, quote);
    for (char c : identifier) {
        if (c == quote) out += quote;
        out += c;
    }
    out += quote;
    return out;
}

std::string quote_string(std::string_view text, bool double_backslashes) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || (double_backslashes && c == '\\')) out += c;
        out += c;
    }
    out += '\'';
    return out;
}

std::string hex_digits(const Bytes& bytes) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.data.size() * 2);
    for (unsigned char byte : bytes.data) {
        out += digits[byte >> 4];
        out += digits[byte & 0x0f];
    }
    return out;
}

std::string float_literal(double value) {
    if (!std::isfinite(value))
        throw MigrationError("a float default must be a finite number to be written into DDL");
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, result.ptr);
    // 1.0, not 1: the literal keeps its floating-point kind.
    if (text.find_first_of(".e") == std::string::npos) text += ".0";
    return text;
}

}  // namespace covet
