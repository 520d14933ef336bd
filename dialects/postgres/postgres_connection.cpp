#include "postgres/postgres_connection.h"

#include <exception>

#include "covet/error.h"
#include "db/schema_change_words.h"
#include "db/server_error.h"
#include "postgres/postgres_conninfo.h"
#include "postgres/postgres_messages.h"
#include "postgres/postgres_session.h"
#include "postgres/postgres_value_codec.h"
#include "util/elapsed_ms.h"
#include "util/secret_mask.h"

namespace covet {

namespace {

// PostgreSQL keeps prepared statements per session; a bound keeps a long
// session (the ORM's) from piling them up.
constexpr std::size_t kCachedStatements = 256;

// Rows of a result already read whole (query()).
class BufferedRows final : public RowSource {
  public:
    explicit BufferedRows(pqxx::result result) : result_(std::move(result)) {
        for (pqxx::row_size_type i = 0; i < result_.columns(); ++i)
            columns_.emplace_back(result_.column_name(i));
    }
    const std::vector<std::string>& columns() const override { return columns_; }
    bool next(Row& row) override {
        if (next_ >= result_.size()) return false;
        row.clear();
        row.reserve(columns_.size());
        for (const auto& f : result_[static_cast<pqxx::result::size_type>(next_++)])
            row.push_back(field_value(f));
        return true;
    }
    void close() override { result_.clear(); }

  private:
    pqxx::result result_;
    std::vector<std::string> columns_;
    std::size_t next_ = 0;
};

// Another session changed a table under a cached query's row type.
bool is_stale_plan(const pqxx::sql_error& e) {
    return e.sqlstate() == "0A000" &&
           std::string(e.what()).find("cached plan must not change result type") !=
               std::string::npos;
}

}  // namespace

namespace {

// libpq's "invalid sslmode value: "x"" or "invalid integer value "x" for
// connection option "y"", from the end of a connection failure's message.
std::optional<std::string> refused_option_value(const std::string& message) {
    const auto start = message.find("invalid ");
    if (start == std::string::npos) return std::nullopt;
    const std::string rest = message.substr(start);
    const auto line_end = rest.find('\n');
    const std::string line = rest.substr(0, line_end);
    if (line.find(" value") == std::string::npos) return std::nullopt;
    return line;
}

}  // namespace

PostgresConnection::PostgresConnection(const DatabaseUrl& url)
    : conninfo_((check_url_parameters(url), build_conninfo(url, "covet"))),
      lock_conninfo_(build_conninfo(url, "covet migration lock")),
      password_(url.password),
      where_(location(url)),
      statements_(kCachedStatements, cache_stats(),
                  [this](CachedStatement& s) { stale_statements_.push_back(s.name); }) {
    try {
        session_ = open_session(conninfo_);
    } catch (const ConnectionError& e) {
        // libpq checks a keyword's value only when it connects; a value it
        // refuses is a fault of the URL, as for the other back ends.
        if (auto problem = refused_option_value(e.what()))
            throw UsageError("malformed database URL '" + url.redacted() + "': " + *problem);
        throw;
    }
    try {
        run("SET TIME ZONE 'UTC'", {}, false);
    } catch (const Error& e) {
        fail_connection(e.what());
    }
}

PostgresConnection::~PostgresConnection() = default;

std::unique_ptr<PostgresConnection::Session> PostgresConnection::open_session(
    const std::string& conninfo) const {
    try {
        return std::make_unique<Session>(conninfo);
    } catch (const std::exception& e) {
        fail_connection(e.what());
    }
}

void PostgresConnection::fail_connection(const std::string& message) const {
    throw ConnectionError("cannot connect to PostgreSQL at " + where_ + ": " +
                          mask_secret(pg_message(message), password_));
}

int PostgresConnection::backend_pid() const {
    return session_->connection.backendpid();
}

void PostgresConnection::fail(const pqxx::sql_error& error, const std::string& sql) const {
    const std::string message = pg_message(without_position_quote(error.what()));
    // libpqxx 6.4 throws some SQLSTATE classes without the code (42501 among them).
    if (dynamic_cast<const pqxx::insufficient_privilege*>(&error))
        fail_as(ServerFailure::permission, message, sql);
    fail_as(failure_of(error.sqlstate(), message), message, sql);
}

void PostgresConnection::fail_as(ServerFailure failure, const std::string& driver_message,
                                 const std::string& sql) const {
    throw_server_error(failure, pg_message(driver_message), sql,
                       ServerErrorContext{"PostgreSQL at " + where_, password_});
}

void PostgresConnection::deallocate_stale() {
    // DEALLOCATE inside a transaction would abort it if it failed: wait.
    if (in_transaction() || cursor_transaction_ || begin_pending_) return;
    for (const auto& name : stale_statements_) {
        try {
            session_->connection.unprepare(name);
        } catch (const std::exception&) {
            // Closing the session frees it anyway.
        }
    }
    stale_statements_.clear();
}

std::string PostgresConnection::statement_name(const std::string& sql, bool returns_rows) {
    if (auto cached = statements_.take(sql)) {
        returns_rows = returns_rows || cached->returns_rows;
        // A query prepared before a schema change may no longer match its row
        // type ("cached plan must not change result type"): prepare it afresh.
        if (!returns_rows || cached->schema_generation == schema_generation_) {
            std::string name = cached->name;
            statements_.put(sql, std::move(*cached));
            return name;
        }
        stale_statements_.push_back(cached->name);
    }
    deallocate_stale();
    std::string name = "covet_" + std::to_string(++next_statement_);
    session_->connection.prepare(name, sql);
    statements_.prepared();
    statements_.put(sql, CachedStatement{name, returns_rows, schema_generation_});
    return name;
}

pqxx::result PostgresConnection::exec_prepared(const std::string& sql,
                                               const std::vector<Value>& params, bool want_rows) {
    const std::vector<std::optional<std::string>> texts = parameter_texts(params, sql);
    const std::vector<const char*> pointers = parameter_pointers(texts);
    for (int attempt = 0;; ++attempt) {
        const std::string name = statement_name(sql, want_rows);
        try {
            pqxx::nontransaction tx(session_->connection);
            return tx.exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
        } catch (const pqxx::sql_error& e) {
            // Outside a transaction the failure aborted nothing: prepare afresh
            // and run again. Inside one, the transaction is lost anyway.
            if (attempt > 0 || in_transaction() || cursor_transaction_ || !is_stale_plan(e)) throw;
            if (auto stale = statements_.take(sql)) stale_statements_.push_back(stale->name);
        }
    }
}

pqxx::result PostgresConnection::run(const std::string& sql, const std::vector<Value>& params,
                                     bool want_rows, std::string prefix) {
    // A transaction's BEGIN waits to travel with its first statement.
    if (begin_pending_ && params.empty()) {
        begin_pending_ = false;
        prefix = "BEGIN; " + prefix;
    }
    flush_pending_begin();
    sent_prefix_ = prefix;
    try {
        if (!params.empty()) return exec_prepared(sql, params, want_rows);
        // Without parameters the text may hold several statements (run_sql);
        // they run in order, so a prefix has run when the statement fails.
        pqxx::nontransaction tx(session_->connection);
        pqxx::result result = tx.exec(prefix + sql);
        if (may_change_schema(sql)) ++schema_generation_;
        return result;
    } catch (const pqxx::sql_error& e) {
        transaction_aborted_ = in_transaction() || cursor_transaction_;
        fail(e, sql);
    } catch (const pqxx::broken_connection& e) {
        fail_as(ServerFailure::connection_lost, e.what(), sql);
    } catch (const pqxx::deadlock_detected& e) {
        // libpqxx 6 derives these from pqxx::failure, not sql_error.
        transaction_aborted_ = in_transaction() || cursor_transaction_;
        fail_as(ServerFailure::deadlock, e.what(), sql);
    } catch (const pqxx::serialization_failure& e) {
        transaction_aborted_ = in_transaction() || cursor_transaction_;
        fail_as(ServerFailure::serialization, e.what(), sql);
    } catch (const pqxx::failure& e) {
        transaction_aborted_ = in_transaction() || cursor_transaction_;
        fail_as(ServerFailure::other, e.what(), sql);
    } catch (const pqxx::usage_error& e) {
        fail_as(ServerFailure::other, e.what(), sql);
    }
}

void PostgresConnection::flush_pending_begin() {
    if (!begin_pending_) return;
    begin_pending_ = false;
    control("BEGIN");
}

void PostgresConnection::control(const std::string& sql, const std::string& prefix) {
    const auto started = std::chrono::steady_clock::now();
    run(sql, {}, false, prefix);
    log_sql(sent_prefix_ + sql, elapsed_ms(started));
}

std::int64_t PostgresConnection::do_execute(const std::string& sql,
                                            const std::vector<Value>& params) {
    // A statement that gives up on a lock inside a transaction would abort
    // it; a savepoint keeps the transaction alive for the retry.
    if (in_transaction() && params.empty() && ddl_lock_timeout_.count() > 0)
        return execute_in_savepoint(sql);
    const bool builds_concurrently = !in_transaction() && params.empty();
    // Debris of an earlier failed build (one still blocked, or a killed
    // run) goes first; a drop that times out is a lock timeout to retry.
    if (builds_concurrently) drop_invalid_index_left_by(sql, true);
    std::int64_t affected = 0;
    try {
        affected = static_cast<std::int64_t>(run(sql, params, false).affected_rows());
    } catch (const Error&) {
        if (builds_concurrently) drop_invalid_index_left_by(sql, false);
        throw;
    }
    sent_before(sent_prefix_);
    return affected;
}

std::string PostgresConnection::release_statement_savepoint() {
    if (!savepoint_open_) return "";
    savepoint_open_ = false;
    return "RELEASE SAVEPOINT covet_statement; ";
}

std::int64_t PostgresConnection::execute_in_savepoint(const std::string& sql) {
    // One round trip per statement: the previous statement's savepoint is
    // released and this one's taken in the same text (COMMIT releases the last).
    const std::string prefix = release_statement_savepoint() + "SAVEPOINT covet_statement; ";
    std::int64_t affected = 0;
    try {
        affected = static_cast<std::int64_t>(run(sql, {}, false, prefix).affected_rows());
    } catch (const LockTimeoutError&) {
        control("ROLLBACK TO SAVEPOINT covet_statement; RELEASE SAVEPOINT covet_statement");
        transaction_aborted_ = false;
        throw;
    }
    savepoint_open_ = true;
    sent_before(prefix);
    return affected;
}

void PostgresConnection::drop_invalid_index_left_by(const std::string& sql, bool must_succeed) {
    const std::string name = concurrent_index_name(sql);
    if (name.empty()) return;
    try {
        // Only an INVALID index: never one that was built.
        ResultSet rs = query(
            "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = $1 AND n.nspname = current_schema() AND NOT i.indisvalid",
            {Value(name)});
        if (rs.rows.empty()) return;
        control("DROP INDEX CONCURRENTLY IF EXISTS " + dialect_.quote_name(name));
    } catch (const Error&) {
        // After a failure the statement's own error is the one to report;
        // the drop is tried again before the next attempt.
        if (must_succeed) throw;
    }
}

std::unique_ptr<RowSource> PostgresConnection::do_open_cursor(const std::string& sql,
                                                              const std::vector<Value>& params,
                                                              Fetch fetch) {
    if (fetch == Fetch::stream) return open_server_cursor(sql, params);
    pqxx::result result = run(sql, params, true);
    sent_before(sent_prefix_);
    return std::make_unique<BufferedRows>(std::move(result));
}

bool PostgresConnection::table_exists(const std::string& table) {
    return !query(
                "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relname = $1 "
                "AND c.relkind IN ('r', 'p')",
                {table})
                .rows.empty();
}

}  // namespace covet
