// The blog example with a few user fields more (age, active, is_admin: the
// ones SPEC.md §6's example statements use) and rows written with plain SQL,
// for the `covet shell` tests; and ways to run the shell on it.
#pragma once

#include <string>
#include <vector>

#include "run_covet.h"
#include "workspace.h"

namespace covet_test {

// Migrates the blog (+ 0004_user_flags) into a new database of `backend`
// and fills it (see shell_blog.cpp for the rows); returns its URL.
std::string shell_blog(const std::string& backend, const Workspace& ws);

// `covet -d URL -m migrations shell ARGS...` with `script` as stdin.
RunResult run_shell(const Workspace& ws, const std::string& url,
                    const std::vector<std::string>& args, const std::string& script = "");

// Every line of `out` compared as JSON with `expected` (key order, value
// types and values), one document per line; false with a message otherwise.
bool same_json_lines(const std::string& out, const std::vector<std::string>& expected,
                     std::string& why);

}  // namespace covet_test
