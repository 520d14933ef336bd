// The three formats of output.h, one file each; print_value picks one.
#pragma once

#include <ostream>

#include "shell/output.h"

namespace covet::shell {

void print_json(const ShellValue& value, std::ostream& out);
void print_csv(const ShellValue& value, std::ostream& out);
void print_table(const ShellValue& value, const OutputOptions& options, std::ostream& out);

}  // namespace covet::shell
