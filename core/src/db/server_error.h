// The one mapping from a database driver's error to covet's typed errors.
// Each dialect only says what its error code means (a ServerFailure); the
// wording, the context and the masking of the password are decided here, so
// that no raw driver message ever reaches the user alone.
#pragma once

#include <string>

namespace covet {

enum class ServerFailure {
    // A constraint refused the row: IntegrityError, of the kind named here
    // (constraint: another one, such as an exclusion constraint).
    unique_violation,
    foreign_key_violation,
    not_null_violation,
    check_violation,
    constraint,
    lock_timeout,     // a lock was not granted in time: LockTimeoutError
    deadlock,         // the server broke a deadlock: TransactionConflictError
    serialization,    // a serialization failure: TransactionConflictError
    connection_lost,  // the session is gone: ConnectionError
    read_only,        // the server takes no writes (a standby, read-only mode)
    permission,       // the user lacks a privilege for the statement
    other             // any other statement error: DatabaseError
};

struct ServerErrorContext {
    std::string server;  // who failed, e.g. "database 'shop' on localhost:3306"
    std::string secret;  // the password, masked wherever the driver echoed it
};

// Throws the typed error for `failure`, naming the server where a statement
// alone would not say which one failed, and the statement (`sql`, shortened)
// when there is one.
[[noreturn]] void throw_server_error(ServerFailure failure, const std::string& driver_message,
                                     const std::string& sql, const ServerErrorContext& context);

// Driver messages span lines ("ERROR:  ...\nDETAIL:  ..."); covet prints one.
std::string one_line(const std::string& message);

// A statement shortened for messages.
std::string sql_excerpt(const std::string& sql);

}  // namespace covet
