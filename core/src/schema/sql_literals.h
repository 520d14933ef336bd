// Text forms the dialects share when they write identifiers and literals
// into DDL, where nothing can be bound as a parameter.
#pragma once

#include <string>
#include <string_view>

#include "covet/value.h"
#include "covet/value_text.h"

namespace covet {

// Wraps the identifier in `quote`, doubling any quote character inside it.
std::string quote_identifier(std::string_view identifier, char quote);
// A single-quoted string literal; '' for a quote, and \\ for a backslash when
// the dialect treats backslashes as escapes (MySQL).
std::string quote_string(std::string_view text, bool double_backslashes);
// Lower-case hex digits of the bytes.
std::string hex_digits(const Bytes& bytes);
// Shortest text that reads back as the same double; throws MigrationError for
// NaN and infinities, which have no portable literal.
std::string float_literal(double value);

// A typed value (decimal, date, uuid, ...) in DDL: a decimal as its digits,
// the others as the quoted text the back end stores them as.
std::string typed_literal(const Value& value, TypedTextForm form, bool double_backslashes);

}  // namespace covet
