#include "db/server_error.h"

#include "covet/error.h"
#include "util/secret_mask.h"

namespace covet {

std::string one_line(const std::string& message) {
    std::string out;
    bool space = false;
    for (char c : message) {
        if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::string sql_excerpt(const std::string& sql) {
    return sql.size() > 200 ? sql.substr(0, 197) + "..." : sql;
}

void throw_server_error(ServerFailure failure, const std::string& driver_message,
                        const std::string& sql, const ServerErrorContext& context) {
    const std::string message = mask_secret(one_line(driver_message), context.secret);
    const std::string in_statement = sql.empty() ? "" : " (in: " + sql_excerpt(sql) + ")";
    switch (failure) {
        case ServerFailure::unique_violation:
            throw IntegrityError(message + in_statement, IntegrityError::Kind::unique);
        case ServerFailure::foreign_key_violation:
            throw IntegrityError(message + in_statement, IntegrityError::Kind::foreign_key);
        case ServerFailure::not_null_violation:
            throw IntegrityError(message + in_statement, IntegrityError::Kind::not_null);
        case ServerFailure::check_violation:
            throw IntegrityError(message + in_statement, IntegrityError::Kind::check);
        case ServerFailure::constraint:
            throw IntegrityError(message + in_statement);
        case ServerFailure::lock_timeout:
            throw LockTimeoutError(message + in_statement);
        case ServerFailure::deadlock:
            throw TransactionConflictError(message + in_statement,
                                           TransactionConflictError::Kind::deadlock);
        case ServerFailure::serialization:
            throw TransactionConflictError(message + in_statement,
                                           TransactionConflictError::Kind::serialization);
        case ServerFailure::connection_lost:
            throw ConnectionError("lost the connection to " + context.server + ": " + message +
                                  in_statement);
        case ServerFailure::read_only:
            throw DatabaseError(context.server + " accepts no writes (a standby, or read-only): " +
                                message + in_statement);
        case ServerFailure::permission:
            throw DatabaseError(context.server + " refused the user a privilege: " + message +
                                in_statement);
        case ServerFailure::other:
            break;
    }
    throw DatabaseError(message + in_statement);
}

}  // namespace covet
