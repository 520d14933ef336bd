// The front ends of `covet shell` (SPEC.md §6): scripts (-e and piped
// stdin, no banner, no prompt) and the interactive line editor.
#pragma once

#include <string>
#include <vector>

#include "covet/database_url.h"
#include "shell/session.h"
#include "shell/statement_runner.h"

namespace covet::cli {

// Runs each -e expression, then returns the exit status (1 if any failed).
int run_expressions(shell::StatementRunner& runner, const std::vector<std::string>& expressions);

// Reads statements from stdin, one per line, continued while
// needs_more_input(); returns the exit status.
int run_script(shell::StatementRunner& runner);

struct InteractiveOptions {
    std::string database_name;  // as the prompt and banner show it (no password)
    bool sandbox = false;
};

// The line editor with history, completion, the pager and confirmations.
int run_interactive(shell::Session& session, const InteractiveOptions& options);

// `sqlite:blog.db`, `postgresql://app@db:5432/blog`: a URL without its password.
std::string database_display_name(const DatabaseUrl& url);

}  // namespace covet::cli
