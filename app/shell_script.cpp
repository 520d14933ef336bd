// The non-interactive front ends: -e and statements piped on stdin.
#include <iostream>
#include <string>

#include "commands.h"
#include "shell/meta_command.h"
#include "shell/statement.h"
#include "shell_front_end.h"

namespace covet::cli {

namespace {

bool blank(const std::string& line) {
    return line.find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

int run_expressions(shell::StatementRunner& runner, const std::vector<std::string>& expressions) {
    for (const auto& expression : expressions)
        if (!runner.run(expression)) break;
    return runner.failed() ? kExitError : kExitOk;
}

int run_script(shell::StatementRunner& runner) {
    std::string input;
    std::string line;
    while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (input.empty()) {
            if (blank(line)) continue;
            if (shell::is_meta_command(line)) {
                if (!runner.run(line)) break;
                continue;
            }
        }
        input += input.empty() ? line : "\n" + line;
        if (shell::needs_more_input(input)) continue;
        bool go_on = runner.run(input);
        input.clear();
        if (!go_on) break;
    }
    // Input that ended inside a statement: its syntax error is reported.
    if (!input.empty()) runner.run(input);
    return runner.failed() ? kExitError : kExitOk;
}

}  // namespace covet::cli
