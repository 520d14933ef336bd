// PostgreSQL's migration lock (a session advisory lock on a session of its
// own), the DDL lock timeout, and who holds the locks a statement waits for.
#include <algorithm>
#include <exception>

#include "covet/error.h"
#include "db/server_error.h"
#include "postgres/postgres_connection.h"
#include "postgres/postgres_session.h"
#include "util/elapsed_ms.h"
#include "util/fnv.h"
#include "util/seconds_text.h"

namespace covet {

namespace {

// The advisory lock key: FNV-1a of "covet_migrations", fixed so that every
// covet version and process agrees on it.
constexpr std::int64_t advisory_key(std::string_view text) {
    return static_cast<std::int64_t>(fnv1a_64(text));
}
constexpr std::string_view kLockName = "covet_migrations";
constexpr std::int64_t kLockKey = advisory_key(kLockName);

}  // namespace

void PostgresConnection::set_ddl_lock_timeout(std::chrono::milliseconds timeout) {
    auto ms = std::clamp<std::int64_t>(timeout.count(), 0, 2147483647);
    control("SET lock_timeout = '" + std::to_string(ms) + "ms'");
    ddl_lock_timeout_ = std::chrono::milliseconds(ms);
}

std::string PostgresConnection::describe_lock_holders(const std::string& table) {
    ResultSet rs;
    try {
        rs = query(
            "SELECT a.pid, host(a.client_addr), a.state, "
            "to_char(coalesce(a.xact_start, a.backend_start) AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD HH24:MI:SS'), left(regexp_replace(a.query, '\\s+', ' ', 'g'), 120), "
            "bool_or(l.granted), string_agg(DISTINCT l.mode, ', ') "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'relation' AND l.pid <> pg_backend_pid() AND l.relation = "
            "to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1)) "
            "GROUP BY a.pid, a.client_addr, a.state, a.xact_start, a.backend_start, a.query "
            "ORDER BY bool_or(l.granted) DESC, a.pid",
            {table});
    } catch (const Error&) {
        return "";  // only a message detail: never hide the error it explains
    }
    std::string out;
    for (const auto& row : rs.rows) {
        std::string details = row[1].is_null() ? "local socket" : row[1].to_string();
        if (!row[2].is_null()) details += ", " + row[2].to_string();
        if (!row[3].is_null()) details += ", since " + row[3].to_string() + " UTC";
        details += (row[5].as_bool() ? ", holds " : ", waits for ") + row[6].to_string();
        if (!row[4].is_null() && !row[4].as_text().empty())
            details += ", query: " + row[4].to_string();
        out += (out.empty() ? "" : "; ") + std::string("pid ") + row[0].to_string() + " (" +
               details + ")";
    }
    return out;
}

std::string PostgresConnection::lock_holder_description() {
    const auto key = static_cast<std::uint64_t>(kLockKey);
    ResultSet rs;
    try {
        rs = query(
            "SELECT l.pid, host(a.client_addr), to_char(a.backend_start AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD HH24:MI:SS'), a.application_name FROM pg_locks l "
            "LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 "
            "AND l.objsubid = 1 AND l.database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
            {static_cast<std::int64_t>(key >> 32), static_cast<std::int64_t>(key & 0xffffffffu)});
    } catch (const Error&) {
        return "held by another session";
    }
    if (rs.rows.empty()) return "held by another session, which has just released it";
    const Row& row = rs.rows.front();
    std::string details = row[1].is_null() ? "local socket" : row[1].to_string();
    if (!row[2].is_null()) details += ", since " + row[2].to_string() + " UTC";
    if (!row[3].is_null() && !row[3].as_text().empty())
        details += ", application '" + row[3].to_string() + "'";
    return "held by pid " + row[0].to_string() + " (" + details + ")";
}

void PostgresConnection::acquire_migration_lock(std::chrono::milliseconds timeout) {
    if (lock_session_) return;
    auto session = open_session(lock_conninfo_);
    const std::string key = std::to_string(kLockKey);
    const std::string lock_sql = "SELECT pg_advisory_lock(" + key + ")";
    auto started = std::chrono::steady_clock::now();
    bool taken = false;
    try {
        pqxx::nontransaction tx(session->connection);
        if (timeout.count() <= 0) {
            taken = tx.exec("SELECT pg_try_advisory_lock(" + key + ")")[0][0].as<bool>();
        } else {
            // The server wakes the waiter the moment the holder releases.
            auto ms = std::min<std::int64_t>(timeout.count(), 2147483647);
            tx.exec("SET lock_timeout = '" + std::to_string(ms) + "ms'");
            tx.exec(lock_sql);
            tx.exec("SET lock_timeout = 0");
            taken = true;
        }
    } catch (const pqxx::sql_error& e) {
        if (e.sqlstate() != "55P03") fail(e, lock_sql);
    } catch (const pqxx::broken_connection& e) {
        fail_as(ServerFailure::connection_lost, e.what(), lock_sql);
    }
    log_sql(lock_sql, elapsed_ms(started));
    if (!taken)
        throw LockTimeoutError("could not take the migration lock (PostgreSQL advisory lock " +
                               std::string(kLockName) + ", key " + key + ") within " +
                               seconds_text(timeout) + ": " + lock_holder_description());
    lock_session_ = std::move(session);
}

void PostgresConnection::release_migration_lock(bool commit) {
    std::exception_ptr failure;
    if (in_transaction()) {
        try {
            if (commit)
                this->commit();
            else
                rollback();
        } catch (...) {
            failure = std::current_exception();
        }
    }
    if (lock_session_) {
        auto session = std::move(lock_session_);
        try {
            pqxx::nontransaction tx(session->connection);
            tx.exec("SELECT pg_advisory_unlock(" + std::to_string(kLockKey) + ")");
        } catch (const std::exception&) {
            // Closing the session (now) releases the lock as well.
        }
    }
    if (failure) std::rethrow_exception(failure);
}

}  // namespace covet
