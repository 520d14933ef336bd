// The part of every connection that is the same on each back end: timing,
// the -v log, the form of driver errors and transaction bookkeeping.
#include "covet/connection.h"

#include <exception>

#include "covet/error.h"
#include "db/server_error.h"
#include "util/elapsed_ms.h"

namespace covet {

namespace {

// Anything a driver throws that is not already a covet error becomes one,
// naming the statement: no raw driver exception reaches the user.
// A lost connection also sets `broken` (when given): a pool drops it.
template <class F>
auto mapped(const std::string& sql, bool* broken, F&& run) -> decltype(run()) {
    try {
        return run();
    } catch (const ConnectionError&) {
        if (broken) *broken = true;
        throw;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw DatabaseError(one_line(e.what()) +
                            (sql.empty() ? "" : " (in: " + sql_excerpt(sql) + ")"));
    }
}

}  // namespace

void Connection::log_statement(const std::string& sql,
                               std::chrono::steady_clock::time_point started) {
    if (!log_hook_) {
        sent_before_.clear();
        return;
    }
    std::string prefix = std::move(sent_before_);
    sent_before_.clear();
    log_hook_(prefix.empty() ? sql : prefix + sql, elapsed_ms(started));
}

std::int64_t Connection::execute(const std::string& sql, const std::vector<Value>& params) {
    const auto started = std::chrono::steady_clock::now();
    std::int64_t affected = 0;
    try {
        affected = mapped(sql, &broken_, [&] { return do_execute(sql, params); });
    } catch (...) {
        log_statement(sql, started);  // -v shows the statement that failed too
        throw;
    }
    log_statement(sql, started);
    return affected;
}

Cursor Connection::open_cursor(const std::string& sql, const std::vector<Value>& params) {
    const auto started = std::chrono::steady_clock::now();
    auto source = mapped(sql, &broken_, [&] { return do_open_cursor(sql, params, Fetch::stream); });
    return Cursor(*this, sql, std::move(source), started);
}

namespace {

void close_quietly(RowSource& source) {
    try {
        source.close();
    } catch (...) {
    }
}

}  // namespace

ResultSet Connection::query(const std::string& sql, const std::vector<Value>& params) {
    ResultSet out;
    read_rows(sql, params, out.columns, [&](Row& row) { out.rows.push_back(std::move(row)); });
    return out;
}

void Connection::query_each(const std::string& sql, const std::vector<Value>& params,
                            const std::function<void(Row&)>& each) {
    std::vector<std::string> columns;
    read_rows(sql, params, columns, each);
}

void Connection::read_rows(const std::string& sql, const std::vector<Value>& params,
                           std::vector<std::string>& columns,
                           const std::function<void(Row&)>& each) {
    const auto started = std::chrono::steady_clock::now();
    auto read_all = [&] {
        std::unique_ptr<RowSource> source = do_open_cursor(sql, params, Fetch::all);
        columns = source->columns();
        Row row;
        try {
            while (source->next(row))
                each(row);
        } catch (...) {
            close_quietly(*source);  // the connection stays ready for the next statement
            throw;
        }
        // Columns may be known only once a row was read (a re-prepared statement).
        columns = source->columns();
        source->close();
    };
    try {
        mapped(sql, &broken_, read_all);
    } catch (...) {
        log_statement(sql, started);
        throw;
    }
    log_statement(sql, started);
}

void Connection::begin() {
    if (in_transaction_) throw UsageError("a transaction is already open on this connection");
    do_begin();
    in_transaction_ = true;
}

void Connection::commit() {
    if (!in_transaction_) throw UsageError("commit without an open transaction");
    do_commit();
    in_transaction_ = false;
    run_on_commit();
}

void Connection::rollback() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    forget_transaction();
    do_rollback();
}

void Connection::check_parameter_count(std::size_t expected, std::size_t given,
                                       const std::string& sql) {
    if (expected != given)
        fail_statement("statement expects " + std::to_string(expected) + " parameters, got " +
                           std::to_string(given),
                       sql);
}

void Connection::fail_statement(const std::string& message, const std::string& sql) {
    throw DatabaseError(message + " (in: " + sql_excerpt(sql) + ")");
}

Cursor::Cursor(const Connection& owner, std::string sql, std::unique_ptr<RowSource> source,
               std::chrono::steady_clock::time_point started)
    : owner_(&owner), sql_(std::move(sql)), source_(std::move(source)), started_(started) {}

Cursor::Cursor(Cursor&& other) noexcept
    : owner_(other.owner_),
      sql_(std::move(other.sql_)),
      source_(std::move(other.source_)),
      started_(other.started_) {}

Cursor& Cursor::operator=(Cursor&& other) noexcept {
    if (this != &other) {
        try {
            close();
        } catch (...) {
        }
        owner_ = other.owner_;
        sql_ = std::move(other.sql_);
        source_ = std::move(other.source_);
        started_ = other.started_;
    }
    return *this;
}

Cursor::~Cursor() {
    try {
        close();
    } catch (...) {
        // A destructor cannot report: close() explicitly to see the error.
    }
}

const std::vector<std::string>& Cursor::columns() const {
    return source_ ? source_->columns() : no_columns_;
}

bool Cursor::next(Row& row) {
    if (!source_) return false;
    bool more = mapped(sql_, nullptr, [&] { return source_->next(row); });
    if (!more) close();
    return more;
}

void Cursor::close() {
    if (!source_) return;
    no_columns_ = source_->columns();
    std::unique_ptr<RowSource> source = std::move(source_);
    mapped(sql_, nullptr, [&] { source->close(); });
    owner_->log_sql(sql_, elapsed_ms(started_));
}

}  // namespace covet
