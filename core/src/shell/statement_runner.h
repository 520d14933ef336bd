// Runs what the user typed or piped, one input at a time: a meta-command,
// or one or more statements, each value printed in the session's format
// and each error as one line (JSON errors on `out`, others on `err`, with
// the line and a caret under the column for a syntax error). A failing
// statement never stops the ones after it; failed() remembers it for the
// exit status. Shared by -e, piped scripts and the interactive loop.
#pragma once

#include <exception>
#include <ostream>
#include <string>
#include <string_view>

#include "shell/session.h"

namespace covet::shell {

class StatementRunner {
  public:
    StatementRunner(Session& session, std::ostream& out, std::ostream& err);

    // Runs one input (which may span several lines). False when the input
    // asked to quit (`.quit`).
    bool run(std::string_view input);

    bool failed() const { return failed_; }
    // Table output is cut to this width; 0 for none (not a terminal).
    void set_terminal_width(int width) { terminal_width_ = width; }
    // Each statement inside a savepoint of the open sandbox transaction, so
    // that a failed statement (which aborts a PostgreSQL transaction) leaves
    // the session usable and the earlier statements' changes in place.
    void set_sandbox(bool sandbox) { sandbox_ = sandbox; }

  private:
    void run_statements(std::string_view input);
    void run_one(const Statement& statement);
    void report(const std::exception& error, std::string_view input);

    Session& session_;
    std::ostream& out_;
    std::ostream& err_;
    int terminal_width_ = 0;
    bool sandbox_ = false;
    bool failed_ = false;
};

}  // namespace covet::shell
