#include "covet/decimal.h"

#include <algorithm>
#include <cctype>

#include "covet/error.h"

namespace covet {

namespace {

// The widest SQL numeric type holds up to 131072 digits before the point and
// 16383 after: a longer plain spelling is no number any column can store.
constexpr std::int64_t kMaxIntegerDigits = 131072;
constexpr std::int64_t kMaxScale = 16383;

[[noreturn]] void fail(std::string_view text, const std::string& why) {
    throw ValueError("'" + std::string(text) + "' is not a decimal number: " + why);
}

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

// The exponent after 'e', bounded so that it cannot overflow.
std::int64_t read_exponent(std::string_view text, std::size_t pos) {
    bool negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
    if (pos == text.size()) fail(text, "the exponent has no digits");
    std::int64_t exponent = 0;
    for (; pos < text.size(); ++pos) {
        if (!is_digit(text[pos])) fail(text, "unexpected character after the exponent");
        exponent = std::min<std::int64_t>(exponent * 10 + (text[pos] - '0'), 1'000'000'000);
    }
    return negative ? -exponent : exponent;
}

// digits * 10^exponent, spelled without an exponent.
std::string plain_text(bool negative, std::string digits, std::int64_t exponent) {
    const auto first = digits.find_first_not_of('0');
    digits.erase(0, first == std::string::npos ? digits.size() - 1 : first);
    const bool zero = digits == "0";
    const std::int64_t integer_digits = static_cast<std::int64_t>(digits.size()) + exponent;
    if (!zero && integer_digits > kMaxIntegerDigits)
        throw ValueError("a decimal number has at most " + std::to_string(kMaxIntegerDigits) +
                         " digits before the point");
    if (-exponent > kMaxScale)
        throw ValueError("a decimal number has at most " + std::to_string(kMaxScale) +
                         " digits after the point");
    std::string out = negative && !zero ? "-" : "";
    if (exponent >= 0) {
        out += digits;
        if (!zero) out.append(static_cast<std::size_t>(exponent), '0');
        return out;
    }
    const auto scale = static_cast<std::size_t>(-exponent);
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    out += digits.substr(0, digits.size() - scale) + "." + digits.substr(digits.size() - scale);
    return out;
}

struct Parts {
    bool negative = false;
    std::string_view integer;   // no leading zeros except a lone "0"
    std::string_view fraction;  // trailing zeros removed
};

Parts parts_of(const std::string& canonical) {
    Parts p;
    std::string_view text = canonical;
    if (text[0] == '-') {
        p.negative = true;
        text.remove_prefix(1);
    }
    const auto point = text.find('.');
    p.integer = text.substr(0, point);
    if (point != std::string_view::npos) {
        p.fraction = text.substr(point + 1);
        while (!p.fraction.empty() && p.fraction.back() == '0')
            p.fraction.remove_suffix(1);
    }
    return p;
}

int compare_magnitude(const Parts& a, const Parts& b) {
    if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
    if (int c = a.integer.compare(b.integer)) return c < 0 ? -1 : 1;
    const int c = a.fraction.compare(b.fraction);  // no trailing zeros: plain order works
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

}  // namespace

Decimal Decimal::parse(std::string_view text) {
    std::size_t pos = 0;
    bool negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) negative = text[pos++] == '-';
    std::string digits;
    std::int64_t fraction_digits = 0;
    bool seen_point = false;
    for (; pos < text.size() && (is_digit(text[pos]) || text[pos] == '.'); ++pos) {
        if (text[pos] == '.') {
            if (seen_point) fail(text, "more than one decimal point");
            seen_point = true;
        } else {
            digits += text[pos];
            if (seen_point) ++fraction_digits;
        }
    }
    if (digits.empty()) fail(text, "no digits");
    std::int64_t exponent = 0;
    if (pos < text.size()) {
        if (text[pos] != 'e' && text[pos] != 'E') fail(text, "unexpected character");
        exponent = read_exponent(text, pos + 1);
    }
    return Decimal(plain_text(negative, std::move(digits), exponent - fraction_digits), 0);
}

int Decimal::scale() const {
    const auto point = text_.find('.');
    return point == std::string::npos ? 0 : static_cast<int>(text_.size() - point - 1);
}

bool Decimal::is_zero() const {
    return text_.find_first_not_of("-0.") == std::string::npos;
}

int Decimal::compare(const Decimal& a, const Decimal& b) {
    const bool a_zero = a.is_zero(), b_zero = b.is_zero();
    if (a_zero || b_zero) {
        const int sign_a = a_zero ? 0 : a.is_negative() ? -1 : 1;
        const int sign_b = b_zero ? 0 : b.is_negative() ? -1 : 1;
        return sign_a < sign_b ? -1 : sign_a > sign_b ? 1 : 0;
    }
    const Parts pa = parts_of(a.text_), pb = parts_of(b.text_);
    if (pa.negative != pb.negative) return pa.negative ? -1 : 1;
    const int magnitude = compare_magnitude(pa, pb);
    return pa.negative ? -magnitude : magnitude;
}

}  // namespace covet
