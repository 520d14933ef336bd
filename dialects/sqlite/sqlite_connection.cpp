#include "sqlite/sqlite_connection.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "covet/error.h"
#include "db/server_error.h"
#include "sqlite/sqlite_regexp.h"
#include "sqlite/sqlite_value_codec.h"

namespace covet {

namespace {

// Enough for every statement of a migration run and an ORM's working set.
constexpr std::size_t kCachedStatements = 256;

// Rows straight from sqlite3_step: nothing is read ahead.
class SqliteRows final : public RowSource {
  public:
    SqliteRows(SqliteConnection& connection, std::string sql, SqliteConnection::StatementPtr stmt)
        : connection_(connection), sql_(std::move(sql)), stmt_(std::move(stmt)) {
        read_columns();
        prepares_ = sqlite3_stmt_status(stmt_.get(), SQLITE_STMTSTATUS_REPREPARE, 0);
    }

    const std::vector<std::string>& columns() const override { return columns_; }

    bool next(Row& row) override {
        if (!stmt_) return false;
        sqlite3_stmt* stmt = stmt_.get();
        int rc = sqlite3_step(stmt);
        // A statement SQLite re-prepared after a schema change may have other columns.
        if (!stepped_ && sqlite3_stmt_status(stmt, SQLITE_STMTSTATUS_REPREPARE, 0) != prepares_)
            read_columns();
        stepped_ = true;
        if (rc == SQLITE_DONE) return false;
        if (rc != SQLITE_ROW) {
            sqlite3_reset(stmt);
            stmt_.reset();
            connection_.fail(rc, sql_);
        }
        // Assigned over the row's previous values: mostly of the same kinds,
        // so no value is destroyed and made anew.
        const std::size_t count = columns_.size();
        row.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            const Value::Kind declared = declared_[i];
            if (declared == Value::Kind::Text)  // most columns: the stored value as it is
                read_column(stmt, static_cast<int>(i), row[i]);
            else
                row[i] = sqlite_typed_value(declared, column_value(stmt, static_cast<int>(i)));
        }
        return true;
    }

    void close() override {
        if (!stmt_) return;
        sqlite3_reset(stmt_.get());
        sqlite3_clear_bindings(stmt_.get());
        connection_.return_statement(sql_, std::move(stmt_));
    }

  private:
    void read_columns() {
        const int count = sqlite3_column_count(stmt_.get());
        columns_.clear();
        declared_.clear();
        for (int i = 0; i < count; ++i) {
            columns_.emplace_back(sqlite3_column_name(stmt_.get(), i));
            declared_.push_back(sqlite_declared_kind(sqlite3_column_decltype(stmt_.get(), i)));
        }
    }

    SqliteConnection& connection_;
    std::string sql_;
    SqliteConnection::StatementPtr stmt_;
    std::vector<std::string> columns_;
    // What each column's declared type reads as (date, decimal, ...).
    std::vector<Value::Kind> declared_;
    bool stepped_ = false;
    int prepares_ = 0;  // SQLite's count of re-prepares when the columns were read
};

// Which rule refused the row, from SQLite's extended result code.
ServerFailure constraint_failure(int code) {
    switch (code) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
            return ServerFailure::unique_violation;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
            return ServerFailure::foreign_key_violation;
        case SQLITE_CONSTRAINT_NOTNULL:
            return ServerFailure::not_null_violation;
        case SQLITE_CONSTRAINT_CHECK:
            return ServerFailure::check_violation;
        default:
            return ServerFailure::constraint;
    }
}

}  // namespace

void SqliteConnection::StatementDeleter::operator()(sqlite3_stmt* stmt) const {
    sqlite3_finalize(stmt);
}

SqliteConnection::SqliteConnection(const DatabaseUrl& url)
    : path_(url.database), cache_(kCachedStatements, cache_stats()), memory_(url.is_memory()) {
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
    // `x REGEXP ?` (regex lookup) and `covet_iregexp(?, x)` (iregex): see sqlite_regexp.h.
    if (int registered = register_regexp_functions(db_); registered != SQLITE_OK) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw ConnectionError("cannot open SQLite database '" + path_ +
                              "': registering regexp failed: " + sqlite3_errstr(registered));
    }
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
        throw_server_error(constraint_failure(code), message, sql, context);
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

SqliteConnection::StatementPtr SqliteConnection::take_statement(const std::string& sql) {
    if (auto cached = cache_.take(sql)) return std::move(*cached);
    sqlite3_stmt* stmt = nullptr;
    // prepare_v2: a statement whose tables changed is re-prepared by
    // sqlite3_step itself (SQLITE_SCHEMA never reaches the caller).
    int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    cache_.prepared();
    return StatementPtr(stmt);
}

void SqliteConnection::return_statement(const std::string& sql, StatementPtr stmt) {
    cache_.put(sql, std::move(stmt));
}

std::int64_t SqliteConnection::do_execute(const std::string& sql,
                                          const std::vector<Value>& params) {
    // Without parameters the text may hold several statements (run_sql).
    if (params.empty()) return execute_script(sql);
    StatementPtr stmt = take_statement(sql);
    check_parameter_count(static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt.get())),
                          params.size(), sql);
    // Stepped to its end and reset below, while `params` live.
    if (int rc = bind_values(stmt.get(), params, BindCopy::in_place); rc != SQLITE_OK) {
        sqlite3_clear_bindings(stmt.get());
        fail(rc, sql);
    }
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    }
    sqlite3_reset(stmt.get());
    sqlite3_clear_bindings(stmt.get());  // before `params` go
    if (rc != SQLITE_DONE) fail(rc, sql);
    return_statement(sql, std::move(stmt));
    return sqlite3_changes64(db_);
}

std::int64_t SqliteConnection::execute_script(const std::string& sql) {
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
    return changes;
}

std::unique_ptr<RowSource> SqliteConnection::do_open_cursor(const std::string& sql,
                                                            const std::vector<Value>& params,
                                                            Fetch fetch) {
    StatementPtr stmt = take_statement(sql);
    check_parameter_count(static_cast<std::size_t>(sqlite3_bind_parameter_count(stmt.get())),
                          params.size(), sql);
    // All rows are read and the statement reset before read_rows returns,
    // while `params` live; a streaming cursor may step after they are gone.
    const BindCopy copy = fetch == Fetch::all ? BindCopy::in_place : BindCopy::copied;
    if (int rc = bind_values(stmt.get(), params, copy); rc != SQLITE_OK) {
        sqlite3_clear_bindings(stmt.get());
        fail(rc, sql);
    }
    return std::make_unique<SqliteRows>(*this, sql, std::move(stmt));
}

bool SqliteConnection::table_exists(const std::string& table) {
    return !query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", {table})
                .rows.empty();
}

}  // namespace covet
