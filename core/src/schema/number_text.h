// Numbers as Django's fields read them from values and text: used to
// validate values and defaults (field_validation.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "covet/value.h"

namespace covet {

std::optional<std::int64_t> integer_of_text(const std::string& text);
std::optional<double> double_of_text(const std::string& text);
// An integer or float value, or text that reads as a number.
std::optional<double> number_of(const Value& value);

struct DecimalShape {
    std::int64_t digits = 0;
    std::int64_t decimals = 0;
};

std::optional<DecimalShape> decimal_shape(const std::string& text);
std::optional<DecimalShape> decimal_shape_of(const Value& value);

}  // namespace covet
