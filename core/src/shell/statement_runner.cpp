#include "shell/statement_runner.h"

#include <chrono>
#include <cstdio>

#include "covet/error.h"
#include "shell/error_type.h"
#include "shell/meta_command.h"
#include "shell/output.h"
#include "shell/statement.h"
#include "util/elapsed_ms.h"

namespace covet::shell {

namespace {

constexpr const char* kSavepoint = "covet_shell_statement";

// `at column 7`, with the line when the input has several.
std::string where(const SyntaxError& error, std::string_view input) {
    std::string text = " at ";
    if (input.find('\n') != std::string_view::npos)
        text += "line " + std::to_string(error.line()) + ", ";
    return text + "column " + std::to_string(error.column());
}

// Undoes a failed statement's changes in the sandbox and keeps the
// transaction open for the next one.
void recover_sandbox(Connection& connection) {
    try {
        if (connection.in_transaction()) {
            connection.rollback_to(kSavepoint);
            connection.release_savepoint(kSavepoint);
        } else {
            connection.begin();  // the server ended it (a deadlock, say)
        }
    } catch (const Error&) {
        // The statement's own error is the one to report.
    }
}

}  // namespace

StatementRunner::StatementRunner(Session& session, std::ostream& out, std::ostream& err)
    : session_(session), out_(out), err_(err) {}

bool StatementRunner::run(std::string_view input) {
    try {
        if (is_meta_command(input)) {
            bool go_on = run_meta_command(session_, input, out_) == MetaOutcome::Done;
            out_.flush();
            return go_on;
        }
        run_statements(input);
    } catch (const std::exception& error) {
        report(error, input);
    }
    return true;
}

void StatementRunner::run_statements(std::string_view input) {
    std::vector<Statement> statements = parse_statements(input);
    for (const Statement& statement : statements) {
        try {
            run_one(statement);
        } catch (const std::exception& error) {
            report(error, input);
        }
    }
}

void StatementRunner::run_one(const Statement& statement) {
    Connection& connection = session_.database().connection();
    if (sandbox_) connection.savepoint(kSavepoint);
    auto started = std::chrono::steady_clock::now();
    try {
        std::optional<ShellValue> value = session_.run(statement);
        const Settings& settings = session_.settings();
        if (value) {
            OutputOptions options{settings.format, settings.expanded, terminal_width_};
            print_value(*value, options, out_);
        }
        out_.flush();
        if (settings.timing) {
            char text[64];
            std::snprintf(text, sizeof text, "Time: %.3f ms\n", elapsed_ms(started));
            err_ << text << std::flush;
        }
    } catch (...) {
        out_.flush();
        if (sandbox_) recover_sandbox(connection);
        throw;
    }
    if (sandbox_) connection.release_savepoint(kSavepoint);
}

void StatementRunner::report(const std::exception& error, std::string_view input) {
    failed_ = true;
    OutputFormat format = session_.settings().format;
    std::ostream& stream = format == OutputFormat::Json ? out_ : err_;
    const auto* syntax = dynamic_cast<const SyntaxError*>(&error);
    std::string message = error.what();
    if (syntax != nullptr) message += where(*syntax, input);
    print_error(error_type(error), message, format, stream);
    if (syntax != nullptr && format != OutputFormat::Json) {
        std::string excerpt =
            caret_excerpt(input, syntax::Position{syntax->line(), syntax->column()});
        if (!excerpt.empty() && excerpt.back() != '\n') excerpt += '\n';
        err_ << excerpt;
    }
    stream.flush();
}

}  // namespace covet::shell
