// The meta-commands of the shell: a line starting with `.` changes a
// setting or describes the models instead of running a statement.
//   .models  .schema MODEL  .sql on|off  .timing on|off
//   .format table|json|csv  .x on|off|auto  .help  .quit
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "shell/session.h"

namespace covet::shell {

enum class MetaOutcome { Done, Quit };

// Whether `line` is a meta-command (its first non-blank character is `.`).
bool is_meta_command(std::string_view line);

// Runs one meta-command. Throws UsageError for an unknown command or a bad
// argument, naming the valid ones.
MetaOutcome run_meta_command(Session& session, std::string_view line, std::ostream& out);

// The meta-command names (for completion and .help).
const std::vector<std::string>& meta_command_names();

}  // namespace covet::shell
