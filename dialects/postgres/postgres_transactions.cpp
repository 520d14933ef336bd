// PostgreSQL transactions and savepoints. BEGIN waits to travel with the
// first statement (one round trip fewer per migration, which is most of
// covet's cost on a fast server); each statement of a transaction with a DDL
// lock timeout runs in a savepoint of its own (see do_execute).
#include <poll.h>

#include "covet/error.h"
#include "postgres/postgres_connection.h"
#include "postgres/postgres_session.h"

namespace covet {

void PostgresConnection::do_begin() {
    if (cursor_transaction_)
        throw UsageError("close the open cursor before beginning a transaction");
    begin_pending_ = true;
    transaction_aborted_ = false;
    savepoint_open_ = false;
}

void PostgresConnection::do_commit() {
    savepoint_open_ = false;
    if (begin_pending_) {  // nothing was sent: there is no transaction to end
        begin_pending_ = false;
        return;
    }
    // COMMIT of a transaction an error aborted would silently roll it back.
    if (transaction_aborted_) {
        transaction_ended();
        do_rollback();
        throw DatabaseError(
            "the transaction was aborted by an earlier error and has been rolled back");
    }
    control("COMMIT");
}

void PostgresConnection::do_rollback() {
    transaction_aborted_ = false;
    savepoint_open_ = false;
    if (begin_pending_) {  // nothing was sent
        begin_pending_ = false;
        return;
    }
    try {
        control("ROLLBACK");
    } catch (const ConnectionError&) {
        return;  // the server rolls back a lost session's transaction itself
    }
    // A SET inside the transaction was undone with it.
    if (ddl_lock_timeout_.count() > 0) set_ddl_lock_timeout(ddl_lock_timeout_);
}

// The statement savepoint goes first: releasing it later would release the
// caller's savepoint, which was taken after it, as well.
void PostgresConnection::do_savepoint(const std::string& quoted) {
    control("SAVEPOINT " + quoted, release_statement_savepoint());
}

void PostgresConnection::do_release_savepoint(const std::string& quoted) {
    control("RELEASE SAVEPOINT " + quoted, release_statement_savepoint());
}

void PostgresConnection::do_rollback_to(const std::string& quoted) {
    // Rolling back to a savepoint also ends the abort of the transaction.
    control("ROLLBACK TO SAVEPOINT " + quoted, release_statement_savepoint());
    transaction_aborted_ = false;
}

bool PostgresConnection::is_usable() {
    if (broken()) return false;
    if (in_transaction() || cursor_transaction_ || begin_pending_ || !session_)
        return Connection::is_usable();
    pollfd socket{session_->connection.sock(), POLLIN, 0};
    if (socket.fd < 0) return false;
    if (::poll(&socket, 1, 0) == 0) return true;  // nothing said: still there
    return Connection::is_usable();
}

}  // namespace covet
