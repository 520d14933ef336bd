#include "sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "covet/error.h"
#include "db/server_error.h"
#include "sqlite/sqlite_value_codec.h"
#include "util/seconds_text.h"

namespace covet {

namespace {

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

Value column_value(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
        case SQLITE_INTEGER:
            return Value(static_cast<std::int64_t>(sqlite3_column_int64(stmt, i)));
        case SQLITE_FLOAT:
            return Value(sqlite3_column_double(stmt, i));
        case SQLITE_TEXT:
            return Value(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, i)),
                                     static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
        case SQLITE_BLOB: {
            auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, i));
            Bytes b;
            b.data.assign(data, data + sqlite3_column_bytes(stmt, i));
            return Value(std::move(b));
        }
        default:
            return Value();
    }
}

}  // namespace

void SqliteConnection::StatementDeleter::operator()(sqlite3_stmt* stmt) const {
    sqlite3_finalize(stmt);
}

SqliteConnection::SqliteConnection(const DatabaseUrl& url)
    : path_(url.database), memory_(url.is_memory()) {
    // A parameter would be silently ignored: a usage error, as on the other back ends.
    if (!url.params.empty())
        throw UsageError("malformed database URL '" + url.redacted() + "': unknown parameter '" +
                         url.params.begin()->first + "' (SQLite URLs take no parameters)");
    if (!url.is_memory()) {
        namespace fs = std::filesystem;
        fs::path parent = fs::path(path_).parent_path();
        std::error_code ec;
        if (!parent.empty() && !fs::is_directory(parent, ec))
            throw ConnectionError("cannot open SQLite database '" + path_ + "': directory '" +
                                  parent.string() + "' does not exist");
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(path_.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw ConnectionError("cannot open SQLite database '" + path_ + "': " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms_);
    try {
        if (!url.is_memory()) enable_wal();
        exec_simple("PRAGMA foreign_keys=ON");
    } catch (const DatabaseError& e) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw ConnectionError("cannot open SQLite database '" + path_ + "': " + e.what());
    }
}

void SqliteConnection::enable_wal() {
    // Switching a new file to WAL takes a lock without consulting the busy
    // handler, so concurrent first openers retry here with backoff.
    auto delay = std::chrono::milliseconds(5);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms_);
    for (;;) {
        try {
            exec_simple("PRAGMA journal_mode=WAL");
            return;
        } catch (const DatabaseError&) {
            if (std::chrono::steady_clock::now() > deadline) throw;
            std::this_thread::sleep_for(delay);
            delay = std::min(delay * 2, std::chrono::milliseconds(200));
        }
    }
}

SqliteConnection::~SqliteConnection() {
    cache_.clear();
    if (db_) sqlite3_close(db_);
}

void SqliteConnection::fail(int code, const std::string& sql) const {
    std::string message = sqlite3_errmsg(db_);
    int primary = code & 0xff;
    const ServerErrorContext context{"database '" + path_ + "'", ""};
    if (primary == SQLITE_CONSTRAINT) {
        if (code == SQLITE_CONSTRAINT_CHECK) message = "check constraint failed: " + message;
        throw_server_error(ServerFailure::constraint, message, sql, context);
    }
    // Another process holds the file: the retries of the callers depend on
    // this staying a plain DatabaseError, not a lock timeout.
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        throw DatabaseError("database '" + path_ + "' is locked: " + message);
    if (primary == SQLITE_READONLY)
        throw_server_error(ServerFailure::read_only, message, sql, context);
    throw_server_error(ServerFailure::other, message, sql, context);
}

void SqliteConnection::exec_simple(const std::string& sql) {
    execute(sql);
}

sqlite3_stmt* SqliteConnection::prepare_cached(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) {
        sqlite3_reset(it->second.get());
        sqlite3_clear_bindings(it->second.get());
        return it->second.get();
    }
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    cache_.emplace(sql, StatementPtr(stmt));
    return stmt;
}

void SqliteConnection::bind(sqlite3_stmt* stmt, const std::vector<Value>& params,
                            const std::string& sql) {
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(stmt))
        throw DatabaseError("statement expects " +
                            std::to_string(sqlite3_bind_parameter_count(stmt)) +
                            " parameters, got " + std::to_string(params.size()) +
                            " (in: " + sql_excerpt(sql) + ")");
    for (std::size_t i = 0; i < params.size(); ++i) {
        int index = static_cast<int>(i) + 1;
        const Value& v = params[i];
        int rc = SQLITE_OK;
        switch (v.kind()) {
            case Value::Kind::Null:
                rc = sqlite3_bind_null(stmt, index);
                break;
            case Value::Kind::Int:
                rc = sqlite3_bind_int64(stmt, index, v.as_int());
                break;
            case Value::Kind::Float:
                rc = sqlite3_bind_double(stmt, index, v.as_double());
                break;
            case Value::Kind::Bool:
                rc = sqlite3_bind_int(stmt, index, v.as_bool() ? 1 : 0);
                break;
            case Value::Kind::Text:
                rc = sqlite3_bind_text(stmt, index, v.as_text().data(),
                                       static_cast<int>(v.as_text().size()), SQLITE_TRANSIENT);
                break;
            case Value::Kind::Blob:
                rc = sqlite3_bind_blob(stmt, index, v.as_blob().data.data(),
                                       static_cast<int>(v.as_blob().data.size()), SQLITE_TRANSIENT);
                break;
            default: {  // the typed kinds, stored as text
                const std::string text = sqlite_stored_text(v).value_or(v.to_string());
                rc = sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()),
                                       SQLITE_TRANSIENT);
                break;
            }
        }
        if (rc != SQLITE_OK) fail(rc, sql);
    }
}

std::int64_t SqliteConnection::execute(const std::string& sql, const std::vector<Value>& params) {
    auto started = std::chrono::steady_clock::now();
    if (!params.empty()) {
        sqlite3_stmt* stmt = prepare_cached(sql);
        bind(stmt, params, sql);
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        }
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) fail(rc, sql);
        log_sql(sql, elapsed_ms(started));
        return sqlite3_changes64(db_);
    }
    // Without parameters the text may hold several statements (run_sql).
    const char* tail = sql.c_str();
    const char* end = tail + sql.size();
    std::int64_t changes = 0;
    while (tail < end) {
        sqlite3_stmt* raw = nullptr;
        int rc = sqlite3_prepare_v2(db_, tail, static_cast<int>(end - tail), &raw, &tail);
        if (rc != SQLITE_OK) fail(rc, sql);
        if (!raw) break;  // only whitespace or comments left
        StatementPtr stmt(raw);
        while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        }
        if (rc != SQLITE_DONE) fail(rc, sql);
        changes += sqlite3_changes64(db_);
    }
    log_sql(sql, elapsed_ms(started));
    return changes;
}

ResultSet SqliteConnection::query(const std::string& sql, const std::vector<Value>& params) {
    auto started = std::chrono::steady_clock::now();
    sqlite3_stmt* stmt = prepare_cached(sql);
    bind(stmt, params, sql);
    ResultSet rs;
    int columns = sqlite3_column_count(stmt);
    std::vector<Value::Kind> declared;
    for (int i = 0; i < columns; ++i) {
        rs.columns.emplace_back(sqlite3_column_name(stmt, i));
        declared.push_back(sqlite_declared_kind(sqlite3_column_decltype(stmt, i)));
    }
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        Row row;
        row.reserve(static_cast<std::size_t>(columns));
        for (int i = 0; i < columns; ++i)
            row.push_back(
                sqlite_typed_value(declared[static_cast<std::size_t>(i)], column_value(stmt, i)));
        rs.rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) fail(rc, sql);
    log_sql(sql, elapsed_ms(started));
    return rs;
}

bool SqliteConnection::table_exists(const std::string& table) {
    return !query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {table})
                .rows.empty();
}

void SqliteConnection::acquire_migration_lock(std::chrono::milliseconds timeout) {
    // Foreign keys are checked per migration (foreign_key_check) instead, as
    // table rebuilds need them off, and the pragma is ignored in a transaction.
    auto started = std::chrono::steady_clock::now();
    auto gave_up = [&](const std::string& what) {
        return LockTimeoutError("could not take the migration lock (" + what + ") within " +
                                seconds_text(timeout) +
                                ": another covet process is migrating this database");
    };
    // The run lock first, so that a run plans only once no other run can
    // change the history until it ends (SPEC.md §3: held for the whole run).
    if (!memory_ && !run_lock_.acquire(path_, timeout))
        throw gave_up("the lock file '" + SqliteRunLock::path_for(path_) + "'");
    auto left = std::max<std::chrono::milliseconds>(
        std::chrono::milliseconds(0),
        timeout - std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started));
    exec_simple("PRAGMA foreign_keys=OFF");
    run_lock_timeout_ms_ = timeout.count();
    sqlite3_busy_timeout(db_, static_cast<int>(left.count()));
    try {
        exec_simple("BEGIN EXCLUSIVE");
    } catch (const DatabaseError&) {
        sqlite3_busy_timeout(db_, busy_timeout_ms_);
        exec_simple("PRAGMA foreign_keys=ON");
        run_lock_.release();
        throw gave_up("an exclusive transaction on '" + path_ + "'");
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms_);
    in_run_ = true;
}

void SqliteConnection::release_migration_lock(bool commit) {
    if (!in_run_) {
        run_lock_.release();
        return;
    }
    in_run_ = false;
    try {
        if (commit)
            exec_simple("COMMIT");
        else
            exec_simple("ROLLBACK");
        exec_simple("PRAGMA foreign_keys=ON");
    } catch (...) {
        run_lock_.release();
        throw;
    }
    run_lock_.release();
}

void SqliteConnection::begin_migration(bool atomic) {
    if (!in_run_) exec_simple("PRAGMA foreign_keys=OFF");
    if (!atomic) {
        // atomic: false runs each statement in its own transaction, as Django
        // does (VACUUM cannot run inside one). The run lock file still keeps
        // other covet runs out meanwhile.
        if (in_run_) exec_simple("COMMIT");
        autocommit_migration_ = true;
        in_migration_ = true;
        return;
    }
    exec_simple("SAVEPOINT covet_migration");
    in_migration_ = true;
}

void SqliteConnection::commit_migration() {
    ResultSet violations = query("PRAGMA foreign_key_check");
    if (!violations.rows.empty()) {
        const Row& r = violations.rows.front();
        throw IntegrityError("foreign key check failed: table '" + r[0].to_string() + "' row " +
                             r[1].to_string() + " references missing row in '" + r[2].to_string() +
                             "' (" + std::to_string(violations.rows.size()) + " violation(s))");
    }
    if (!autocommit_migration_) exec_simple("RELEASE covet_migration");
    in_migration_ = false;
    if (!in_run_) {
        autocommit_migration_ = false;
        exec_simple("PRAGMA foreign_keys=ON");
        return;
    }
    // Each migration is durable once reported, as with Django or Flyway: commit
    // it and take the exclusive lock again at once. Other covet runs wait on
    // the run lock file meanwhile; only the application's writers slip in.
    if (!autocommit_migration_) exec_simple("COMMIT");
    autocommit_migration_ = false;
    relock_between_migrations();
}

void SqliteConnection::relock_between_migrations() {
    sqlite3_busy_timeout(db_, static_cast<int>(run_lock_timeout_ms_));
    try {
        exec_simple("BEGIN EXCLUSIVE");
    } catch (const DatabaseError&) {
        sqlite3_busy_timeout(db_, busy_timeout_ms_);
        in_run_ = false;
        run_lock_.release();
        exec_simple("PRAGMA foreign_keys=ON");
        throw LockTimeoutError("could not take the write lock on '" + path_ +
                               "' again between migrations: another connection is writing");
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms_);
}

void SqliteConnection::rollback_migration() {
    if (!in_migration_) return;
    in_migration_ = false;
    if (autocommit_migration_) {
        // Its statements are committed: nothing to roll back. The run goes
        // on holding SQLite's write lock again, as it ends by a COMMIT.
        autocommit_migration_ = false;
        exec_simple("PRAGMA legacy_alter_table = OFF");
        if (in_run_) relock_between_migrations();
        return;
    }
    exec_simple("ROLLBACK TO covet_migration");
    exec_simple("RELEASE covet_migration");
    // A table rebuild that failed during its rename leaves the pragma on; it
    // is not part of the transaction.
    exec_simple("PRAGMA legacy_alter_table = OFF");
    if (!in_run_) exec_simple("PRAGMA foreign_keys=ON");
}

}  // namespace covet
