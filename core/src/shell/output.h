// Printing a statement's value in the formats of SPEC.md §6: `table`
// (aligned columns, truncated to the terminal width, NULL distinct, a row
// count; `.x` one field per line), `json` (one document per line, exact
// shapes and value encodings) and `csv` (RFC 4180 with a header row).
// Querysets stream: rows are written as they are read, never all kept.
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
