// The one exception hierarchy of covet. Library code throws these; the CLI
// catches covet::Error at the top and prints a single line.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace covet {

class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Bad command-line usage or a malformed database URL (exit code 2).
class UsageError : public Error {
  public:
    using Error::Error;
};

class ConnectionError : public Error {
  public:
    using Error::Error;
};

// A problem in a migration file, located by file:line:column.
class LoadError : public Error {
  public:
    LoadError(std::string file, int line, int column, const std::string& message)
        : Error(line > 0 ? file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                               message
                         : file + ": " + message),  // no position: the file as a whole
          file_(std::move(file)),
          line_(line),
          column_(column),
          message_(message) {}
    const std::string& file() const { return file_; }
    int line() const { return line_; }
    int column() const { return column_; }
    const std::string& bare_message() const { return message_; }

  private:
    std::string file_;
    int line_;
    int column_;
    std::string message_;
};

// A field definition or option that does not make sense (unknown type, bad option).
class FieldError : public Error {
  public:
    FieldError(const std::string& message, int column = 0) : Error(message), column_(column) {}
    // 1-based column inside the shorthand text the error was found in, 0 when unknown.
    int column() const { return column_; }

  private:
    int column_;
};

// Text in the Python-like syntax of the field shorthand and the shell that
// cannot be read. what() is the bare message; line and column (1-based,
// columns in characters) are inside the text that was parsed, so the caller
// places them: on a migration file's line, under a shell prompt.
class SyntaxError : public Error {
  public:
    SyntaxError(int line, int column, const std::string& message)
        : Error(message), line_(line), column_(column) {}
    int line() const { return line_; }
    int column() const { return column_; }

  private:
    int line_;
    int column_;
};

class MigrationError : public Error {
  public:
    using Error::Error;
};

// Raised when rolling back an operation that has no backward form.
class IrreversibleError : public MigrationError {
  public:
    using MigrationError::MigrationError;
};

class DatabaseError : public Error {
  public:
    using Error::Error;
};

// The database refused a row. kind() tells which rule did, from each
// driver's own error code (mapped in each dialect), so callers need not read
// the message.
class IntegrityError : public DatabaseError {
  public:
    enum class Kind { unique, foreign_key, not_null, check, other };
    explicit IntegrityError(const std::string& message, Kind kind = Kind::other)
        : DatabaseError(message), kind_(kind) {}
    Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

// The run-wide migration lock could not be taken within --lock-timeout.
class LockTimeoutError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// The server ended a transaction to resolve a conflict with another one:
// a deadlock, or a serialization failure under REPEATABLE READ /
// SERIALIZABLE. Nothing of the transaction was kept; running it again from
// the start may succeed.
class TransactionConflictError : public DatabaseError {
  public:
    enum class Kind { deadlock, serialization };
    TransactionConflictError(const std::string& message, Kind kind)
        : DatabaseError(message), kind_(kind) {}
    Kind kind() const { return kind_; }

  private:
    Kind kind_;
};

// No connection of a pool came free within its acquire timeout; the message
// names the pool's state (size, in use, waiting).
class PoolTimeoutError : public ConnectionError {
  public:
    using ConnectionError::ConnectionError;
};

// Every failing field of a record with all of its messages (full_clean).
class ValidationError : public Error {
  public:
    using Error::Error;
    ValidationError(const std::string& message,
                    std::vector<std::pair<std::string, std::vector<std::string>>> fields)
        : Error(message), fields_(std::move(fields)) {}
    // Field name and its messages, in field order.
    const std::vector<std::pair<std::string, std::vector<std::string>>>& fields() const {
        return fields_;
    }

  private:
    std::vector<std::pair<std::string, std::vector<std::string>>> fields_;
};

// A text that does not read as a typed value (a Decimal, date, time,
// datetime, UUID or JSON document); the message quotes it and says why.
class ValueError : public Error {
  public:
    using Error::Error;
};

class QueryError : public Error {
  public:
    using Error::Error;
};

// An index past the end of a queryset or a list in the shell (Python's IndexError).
class IndexError : public QueryError {
  public:
    using QueryError::QueryError;
};

// get() found no row; model() names the model (catch this type for any model).
class DoesNotExist : public QueryError {
  public:
    DoesNotExist(std::string model, const std::string& message)
        : QueryError(message), model_(std::move(model)) {}
    const std::string& model() const { return model_; }

  private:
    std::string model_;
};

// get() found more than one row.
class MultipleObjectsReturned : public QueryError {
  public:
    MultipleObjectsReturned(std::string model, const std::string& message)
        : QueryError(message), model_(std::move(model)) {}
    const std::string& model() const { return model_; }

  private:
    std::string model_;
};

// delete() met a PROTECT relation; nothing was deleted. The message names
// the protecting rows ("Post 3, Post 7"), protected_rows() lists them.
class ProtectedError : public IntegrityError {
  public:
    ProtectedError(const std::string& message, std::vector<std::string> rows)
        : IntegrityError(message, Kind::foreign_key), rows_(std::move(rows)) {}
    const std::vector<std::string>& protected_rows() const { return rows_; }

  private:
    std::vector<std::string> rows_;
};

}  // namespace covet
