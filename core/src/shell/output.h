// Printing a statement's value in the formats of SPEC.md §6: `table`
// (aligned columns, truncated to the terminal width, NULL distinct, a row
// count; `.x` one field per line), `json` (one document per line, exact
// shapes and value encodings) and `csv` (RFC 4180 with a header row).
// Querysets stream: rows are written as they are read, never all kept.
//
// Choices the formats make (output_*.cpp say more):
// - json is compact ({"id":1,"name":"x"}, as Record::to_json); a manager or
//   related manager prints its queryset; in_bulk()'s dict is an object keyed
//   by each key's text; raw() rows are objects keyed by column; a model is
//   {"model":..,"table":..,"fields":[..]}; Q, F() and aggregates are their
//   Django repr as a string ("<Q: (AND: ('age__gte', 18))>").
// - table and csv show a value as its JSON encoding without quotes (a
//   datetime 2024-01-10T09:00:00, a UUID's 32 hex digits, true/false).
// - csv ends records with CRLF (RFC 4180); NULL is an empty field, an empty
//   string `""`; a value that is no table is one line of one field.
// - A stream that fails (a closed pipe) ends the printing quietly and the
//   cursor is closed; ignoring SIGPIPE is the caller's part.
#pragma once

#include <ostream>
#include <string>

#include "shell/session.h"
#include "shell/shell_value.h"

namespace covet::shell {

struct OutputOptions {
    OutputFormat format = OutputFormat::Table;
    Expanded expanded = Expanded::Off;
    int terminal_width = 0;  // 0: no truncation (not a terminal)
};

void print_value(const ShellValue& value, const OutputOptions& options, std::ostream& out);

// One error line: `{"error": "...", "type": "DoesNotExist"}` in JSON,
// `DoesNotExist: ...` otherwise (table and csv print errors to stderr).
void print_error(const std::string& type, const std::string& message, OutputFormat format,
                 std::ostream& out);

}  // namespace covet::shell
