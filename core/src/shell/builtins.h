// The shell's built-in functions (SPEC.md §6): Q, F, the aggregates Count
// Sum Avg Max Min, the literals datetime date time Decimal, raw() (the only
// way SQL text reaches the database, always with bound parameters) and len.
#pragma once

#include <string>
#include <vector>

#include "shell/method_call.h"
#include "shell/session.h"
#include "shell/shell_value.h"

namespace covet::shell {

const std::vector<std::string>& builtin_names();
bool is_builtin(const std::string& name);

// Throws QueryError for arguments the function does not take, and the
// parse errors (ValueError) of datetime/date/time/Decimal.
ShellValue call_builtin(Session& session, const std::string& name, const Arguments& args);

}  // namespace covet::shell
