// The text of one value in the table and csv formats, and the measuring and
// cutting of that text to a column's width. A cell's text is the JSON
// encoding of SPEC.md §6 without the quotes (a Decimal's digits, datetimes
// YYYY-MM-DDTHH:MM:SS[.ffffff], a UUID's 32 hex digits, bytes as base64,
// true/false), so the three formats agree on every value.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "covet/value.h"

namespace covet::shell {

// nullopt for NULL (the table shows `NULL`, csv an empty field).
std::optional<std::string> cell_text(const Value& value);
// Numbers are right-aligned in a table, as psql does.
bool is_numeric(const Value& value);
// The text as Python writes it in a list: 'str', None, True, Decimal('1.50').
std::string python_repr(const Value& value);

// Columns on a terminal: one per UTF-8 code point (continuation bytes do not count).
std::size_t display_width(std::string_view text);
// At most `width` columns: a longer text keeps its first width - 1 code
// points and ends with an ellipsis `…`.
std::string fit_width(std::string_view text, std::size_t width);
// Control characters shown as escapes (\n, \r, \t, \x01) so a cell stays on one line.
std::string one_line(std::string_view text);

}  // namespace covet::shell
