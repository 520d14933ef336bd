// Numbers read from text and values as Django's fields read them; see
// number_text.h.
#include "schema/number_text.h"

#include <charconv>
#include <cstdlib>

#include "schema/text_formats.h"

namespace covet {

namespace {

// The whole text (blanks around it allowed, a leading '+' too) as a T.
template <typename T>
std::optional<T> whole_number_of_text(const std::string& text) {
    const std::string digits = trimmed(text);
    const std::size_t skip = !digits.empty() && digits[0] == '+' ? 1 : 0;
    T value = 0;
    const char* end = digits.data() + digits.size();
    const auto result = std::from_chars(digits.data() + skip, end, value);
    if (digits.empty() || result.ec != std::errc() || result.ptr != end) return std::nullopt;
    return value;
}

}  // namespace

std::optional<std::int64_t> integer_of_text(const std::string& text) {
    return whole_number_of_text<std::int64_t>(text);
}

std::optional<double> double_of_text(const std::string& text) {
    return whole_number_of_text<double>(text);
}

std::optional<double> number_of(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Int:
        case Value::Kind::Float:
            return value.as_double();
        case Value::Kind::Text:
            return double_of_text(value.as_text());
        case Value::Kind::Decimal:
            return double_of_text(value.to_string());
        default:
            return std::nullopt;
    }
}

// Digits in total and after the point, counted as Python's Decimal.as_tuple()
// does for Django's DecimalValidator: 0.05 has 2 and 2, 100 has 3 and 0.
std::optional<DecimalShape> decimal_shape(const std::string& text) {
    const std::string number = trimmed(text);
    std::size_t pos = 0;
    if (pos < number.size() && (number[pos] == '+' || number[pos] == '-')) ++pos;
    std::string mantissa;
    std::int64_t fraction_digits = 0;
    bool seen_point = false;
    for (; pos < number.size(); ++pos) {
        const char c = number[pos];
        if (c >= '0' && c <= '9') {
            mantissa += c;
            if (seen_point) ++fraction_digits;
        } else if (c == '.' && !seen_point) {
            seen_point = true;
        } else {
            break;
        }
    }
    if (mantissa.empty()) return std::nullopt;
    std::int64_t exponent = 0;
    if (pos < number.size() && (number[pos] == 'e' || number[pos] == 'E')) {
        std::string exponent_text = number.substr(pos + 1);
        if (!exponent_text.empty() && exponent_text[0] == '+') exponent_text.erase(0, 1);
        const auto parsed = integer_of_text(exponent_text);
        if (!parsed || exponent_text.empty() || std::llabs(*parsed) > 1000000) return std::nullopt;
        exponent = *parsed;
        pos = number.size();
    }
    if (pos != number.size()) return std::nullopt;
    exponent -= fraction_digits;
    const auto significant = mantissa.find_first_not_of('0');
    const std::int64_t length = significant == std::string::npos
                                    ? 1
                                    : static_cast<std::int64_t>(mantissa.size() - significant);
    const bool is_zero = significant == std::string::npos;
    DecimalShape shape;
    if (exponent >= 0) {
        shape.digits = length + (is_zero ? 0 : exponent);
    } else if (-exponent > length) {
        shape.digits = shape.decimals = -exponent;
    } else {
        shape.digits = length;
        shape.decimals = -exponent;
    }
    return shape;
}

std::optional<DecimalShape> decimal_shape_of(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Int:
        case Value::Kind::Float:
        case Value::Kind::Decimal:
            return decimal_shape(value.to_string());
        case Value::Kind::Text:
            return decimal_shape(value.as_text());
        default:
            return std::nullopt;
    }
}

}  // namespace covet
