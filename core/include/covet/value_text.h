// Typed values from their text: what the back ends hand back, and what
// migration files and users write.
#pragma once

#include <optional>
#include <string_view>

#include "covet/value.h"

namespace covet {

// The text read as a value of `kind` (Decimal, Date, Time, DateTime, Uuid,
// Json; Text gives the text itself). Throws ValueError when it does not read.
Value value_from_text(Value::Kind kind, std::string_view text);

// As value_from_text, but a text that does not read stays Text: a column may
// hold what the typed kind cannot ('infinity', 24:00:00, zero dates,
// anything in a loosely typed column).
Value value_from_text_or_text(Value::Kind kind, std::string_view text);

}  // namespace covet
