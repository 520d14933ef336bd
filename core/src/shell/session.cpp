#include "shell/session.h"

#include "shell/evaluator.h"

namespace covet::shell {

Session::Session(Database db, Models models) : db_(std::move(db)), models_(std::move(models)) {}

std::optional<ShellValue> Session::run(const Statement& statement) {
    return Evaluator(*this, variables_).run(statement);
}

}  // namespace covet::shell
