// An exact decimal number (DecimalField): its digits are kept as text and
// never pass through a double.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace covet {

class Decimal {
  public:
    Decimal() : text_("0") {}
    explicit Decimal(std::int64_t value) : text_(std::to_string(value)) {}

    // "-12.50", "+7", ".5", "1e-30", "1.2E+3". Throws ValueError for anything
    // else, NaN and infinities included (no column can hold them exactly).
    static Decimal parse(std::string_view text);

    // Canonical text: '-' for negatives, the integer digits without leading
    // zeros, then '.' and the fraction when the scale is not zero; never an
    // exponent. The scale is kept as written: "1.50" stays "1.50".
    const std::string& to_string() const { return text_; }
    // Digits after the point (2 for "1.50", 0 for "1200").
    int scale() const;
    bool is_negative() const { return text_[0] == '-'; }
    bool is_zero() const;

    // By value, as Python's Decimal: 1.50 == 1.5, and -0 == 0.
    friend bool operator==(const Decimal& a, const Decimal& b) { return compare(a, b) == 0; }
    friend std::strong_ordering operator<=>(const Decimal& a, const Decimal& b) {
        return compare(a, b) <=> 0;
    }

  private:
    explicit Decimal(std::string canonical, int) : text_(std::move(canonical)) {}
    static int compare(const Decimal& a, const Decimal& b);
    std::string text_;
};

}  // namespace covet
