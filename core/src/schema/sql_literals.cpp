#include "schema/sql_literals.h"

#include <charconv>
#include <cmath>

#include "covet/error.h"
#include "util/float_text.h"
#include "util/hex.h"

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
    return hex_lower(bytes.data.data(), bytes.data.size());
}

std::string float_literal(double value) {
    if (!std::isfinite(value))
        throw MigrationError("a float default must be a finite number to be written into DDL");
    // 1.0, not 1: the literal keeps its floating-point kind.
    return float_text(value, FloatSpelling{"", "", true});
}

std::string typed_literal(const Value& value, TypedTextForm form, bool double_backslashes) {
    if (value.kind() == Value::Kind::Decimal) return value.as_decimal().to_string();
    return quote_string(typed_value_text(value, form).value_or(value.to_string()),
                        double_backslashes);
}

}  // namespace covet
