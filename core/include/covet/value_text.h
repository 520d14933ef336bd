// Typed values from their text: what the back ends hand back, and what
// migration files and users write.
#pragma once

#include <optional>
#include <string>
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

// How a back end stores the typed kinds as text.
struct TypedTextForm {
    bool uuid_as_hex = false;          // 32 hex digits (char(32)) instead of the hyphenated form
    const char* datetime_suffix = "";  // e.g. "+00", so a timestamptz reads it as UTC
};

// The text a typed value (Decimal, Date, Time, DateTime, Uuid, Json) is bound
// or written as; nullopt for the other kinds, which back ends bind natively.
std::optional<std::string> typed_value_text(const Value& value, TypedTextForm form);

}  // namespace covet
