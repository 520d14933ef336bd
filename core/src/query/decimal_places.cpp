#include "query/decimal_places.h"

#include <string>

namespace covet {

namespace {

// Whether dropping `rest` from digits ending in `last` rounds up (half to even).
bool rounds_up(char last, const std::string& rest) {
    if (rest.empty() || rest[0] < '5') return false;
    if (rest[0] > '5') return true;
    if (rest.find_first_not_of('0', 1) != std::string::npos) return true;
    return (last - '0') % 2 == 1;
}

// Adds one to the last digit of a string of digits, carrying left.
void increment(std::string& digits) {
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (*it != '9') {
            ++*it;
            return;
        }
        *it = '0';
    }
    digits.insert(digits.begin(), '1');
}

}  // namespace

Decimal with_decimal_places(const Decimal& value, int places) {
    if (places < 0) return value;
    const std::string& text = value.to_string();  // canonical: [-]digits[.digits]
    const bool negative = value.is_negative();
    const std::string body = negative ? text.substr(1) : text;
    const auto point = body.find('.');
    const std::string whole = body.substr(0, point);
    std::string fraction = point == std::string::npos ? "" : body.substr(point + 1);
    const auto wanted = static_cast<std::size_t>(places);
    std::string digits = whole + fraction.substr(0, std::min(wanted, fraction.size()));
    if (fraction.size() > wanted) {
        if (rounds_up(digits.back(), fraction.substr(wanted))) increment(digits);
    } else {
        digits.append(wanted - fraction.size(), '0');
    }
    std::string out = negative ? "-" : "";
    const std::size_t whole_size = digits.size() - wanted;
    out += digits.substr(0, whole_size);
    if (places > 0) out += "." + digits.substr(whole_size);
    return Decimal::parse(out);
}

}  // namespace covet
