// What core/src/shell/output.h prints for a value, as text, for the
// "shell: output" tests (the fixed blog of orm_blog_data.h gives the data).
#pragma once

#include <sstream>
#include <string>

#include "shell/output.h"

namespace covet::test {

inline std::string printed(const shell::ShellValue& value, shell::OutputFormat format,
                           int terminal_width = 0,
                           shell::Expanded expanded = shell::Expanded::Off) {
    std::ostringstream out;
    shell::OutputOptions options;
    options.format = format;
    options.terminal_width = terminal_width;
    options.expanded = expanded;
    shell::print_value(value, options, out);
    return out.str();
}

inline std::string json(const shell::ShellValue& value) {
    return printed(value, shell::OutputFormat::Json);
}
inline std::string table(const shell::ShellValue& value, int terminal_width = 0,
                         shell::Expanded expanded = shell::Expanded::Off) {
    return printed(value, shell::OutputFormat::Table, terminal_width, expanded);
}
inline std::string csv(const shell::ShellValue& value) {
    return printed(value, shell::OutputFormat::Csv);
}

}  // namespace covet::test
