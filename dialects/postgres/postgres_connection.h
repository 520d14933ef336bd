// A connection to a PostgreSQL database through libpqxx.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/database_url.h"
#include "covet/introspector.h"
#include "covet/migration_lock.h"
#include "db/statement_cache.h"
#include "postgres/postgres_dialect.h"

namespace covet {
enum class ServerFailure;  // db/server_error.h
}

namespace pqxx {
class result;
class sql_error;
}  // namespace pqxx

namespace covet {

class PostgresConnection final : public Connection, public Introspector, public MigrationLock {
  public:
    // Connects (connect_timeout 10 s unless the URL sets one) with the session
    // in UTC and UTF8. Throws ConnectionError naming host, port and database.
    explicit PostgresConnection(const DatabaseUrl& url);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    const Dialect& dialect() const override { return dialect_; }
    Introspector* introspector() override { return this; }
    MigrationLock* migration_lock() override { return this; }

    bool table_exists(const std::string& table) override;
    std::vector<std::string> table_names() override;
    IntrospectedTable describe_table(const std::string& table) override;

    void set_ddl_lock_timeout(std::chrono::milliseconds timeout) override;
    std::string describe_lock_holders(const std::string& table) override;
    // The lock is a session advisory lock taken on a connection of its own,
    // so that atomic: false migrations (CREATE INDEX CONCURRENTLY, which
    // waits for every older transaction) cannot deadlock against it.
    void acquire_migration_lock(std::chrono::milliseconds timeout) override;
    void release_migration_lock(bool commit) override;

    // The server process id of this session (pg_backend_pid()).
    int backend_pid() const;

    // For the server cursor (postgres_cursor.cpp).
    struct Session;
    // Runs sql (with params: as a statement prepared once per connection).
    // `prefix` (parameterless statements only) is sent before `sql` in the
    // same round trip: transaction and savepoint bookkeeping.
    pqxx::result run(const std::string& sql, const std::vector<Value>& params, bool want_rows,
                     std::string prefix = "");
    // Runs transaction or session bookkeeping, logged as sent.
    void control(const std::string& sql, const std::string& prefix = "");
    // Sends a BEGIN that begin() left to travel with the next statement.
    void flush_pending_begin();
    std::string next_cursor_name() { return "covet_cursor_" + std::to_string(++next_cursor_); }
    // The cursor's own transaction, when it was opened outside one.
    void set_cursor_transaction(bool open) { cursor_transaction_ = open; }

    // Without a round trip while the session is idle: a server that ended
    // the session (pg_terminate_backend, a restart) has sent its goodbye or
    // closed the socket, which then reads ready; only then is it asked.
    bool is_usable() override;

  protected:
    std::int64_t do_execute(const std::string& sql, const std::vector<Value>& params) override;
    std::unique_ptr<RowSource> do_open_cursor(const std::string& sql,
                                              const std::vector<Value>& params,
                                              Fetch fetch) override;
    void do_begin() override;
    void do_commit() override;
    void do_rollback() override;
    void do_savepoint(const std::string& quoted) override;
    void do_release_savepoint(const std::string& quoted) override;
    void do_rollback_to(const std::string& quoted) override;

  private:
    struct CachedStatement {
        std::string name;
        bool returns_rows = false;
        int schema_generation = 0;
    };

    pqxx::result exec_prepared(const std::string& sql, const std::vector<Value>& params,
                               bool want_rows);
    std::string statement_name(const std::string& sql, bool returns_rows);
    // Statements the cache let go of are deallocated outside transactions.
    void deallocate_stale();
    // A CREATE INDEX CONCURRENTLY that fails (a lock timeout, a duplicate
    // key, a kill) leaves an INVALID index behind, on which every retry and
    // every later run would fail with "already exists": drop it, before the
    // statement (`must_succeed`: a failure is thrown) and after it fails.
    void drop_invalid_index_left_by(const std::string& sql, bool must_succeed);
    // Statement-level savepoint bookkeeping sent before `sql` (see do_execute).
    std::int64_t execute_in_savepoint(const std::string& sql);
    // A server-side cursor read in batches (postgres_cursor.cpp).
    std::unique_ptr<RowSource> open_server_cursor(const std::string& sql,
                                                  const std::vector<Value>& params);
    // Translates a server error into covet's typed errors: what the SQLSTATE
    // means is decided here, the message by throw_server_error.
    [[noreturn]] void fail(const pqxx::sql_error& error, const std::string& sql) const;
    [[noreturn]] void fail_as(ServerFailure failure, const std::string& driver_message,
                              const std::string& sql) const;
    [[noreturn]] void fail_connection(const std::string& message) const;
    std::unique_ptr<Session> open_session(const std::string& conninfo) const;
    // Who holds the migration lock, for the message of a lock timeout.
    std::string lock_holder_description();
    // The RELEASE of the last statement's savepoint, when one is open.
    std::string release_statement_savepoint();

    PostgresDialect dialect_;
    std::string conninfo_;       // holds the password: never shown
    std::string lock_conninfo_;  // the same, for the migration lock's session
    std::string password_;
    std::string where_;  // "host:port/database" for messages
    std::unique_ptr<Session> session_;
    std::unique_ptr<Session> lock_session_;
    std::vector<std::string> stale_statements_;
    StatementCache<CachedStatement> statements_;
    std::string sent_prefix_;  // what run() sent before the statement
    int next_statement_ = 0;
    int next_cursor_ = 0;
    int schema_generation_ = 0;         // counts statements that may change row types
    bool transaction_aborted_ = false;  // a statement failed inside the transaction
    bool begin_pending_ = false;        // BEGIN not sent yet: it goes with the next statement
    bool savepoint_open_ = false;       // the last statement's savepoint is not released yet
    bool cursor_transaction_ = false;   // an open cursor began the transaction itself
    std::chrono::milliseconds ddl_lock_timeout_{0};
};

}  // namespace covet
