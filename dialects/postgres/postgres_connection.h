// A connection to a PostgreSQL database through libpqxx.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "covet/connection.h"
#include "covet/database_url.h"
#include "postgres/postgres_dialect.h"

namespace covet {
enum class ServerFailure;  // db/server_error.h
}

namespace pqxx {
class sql_error;
}  // namespace pqxx

namespace covet {

class PostgresConnection final : public Connection {
  public:
    // Connects (connect_timeout 10 s unless the URL sets one) with the session
    // in UTC and UTF8. Throws ConnectionError naming host, port and database.
    explicit PostgresConnection(const DatabaseUrl& url);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    const Dialect& dialect() const override { return dialect_; }
    std::int64_t execute(const std::string& sql, const std::vector<Value>& params = {}) override;
    ResultSet query(const std::string& sql, const std::vector<Value>& params = {}) override;
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
    void begin_migration(bool atomic) override;
    void commit_migration() override;
    void rollback_migration() override;

    // The server process id of this session (pg_backend_pid()).
    int backend_pid() const;

  private:
    struct Session;

    // Runs sql (with params: as a statement prepared once per connection).
    // `prefix` (parameterless statements only) is sent before `sql` in the
    // same round trip: transaction and savepoint bookkeeping.
    ResultSet run(const std::string& sql, const std::vector<Value>& params, bool want_rows,
                  std::int64_t* affected, std::string prefix = "");
    std::string statement_name(const std::string& sql, bool returns_rows);
    // A CREATE INDEX CONCURRENTLY that fails (a lock timeout, a duplicate
    // key, a kill) leaves an INVALID index behind, on which every retry and
    // every later run would fail with "already exists": drop it, before the
    // statement (`must_succeed`: a failure is thrown) and after it fails.
    void drop_invalid_index_left_by(const std::string& sql, bool must_succeed);
    // Translates a server error into covet's typed errors: what the SQLSTATE
    // means is decided here, the message by throw_server_error.
    [[noreturn]] void fail(const pqxx::sql_error& error, const std::string& sql) const;
    [[noreturn]] void fail_as(ServerFailure failure, const std::string& driver_message,
                              const std::string& sql) const;
    [[noreturn]] void fail_connection(const std::string& message) const;
    std::unique_ptr<Session> open_session(const std::string& conninfo) const;
    // Who holds the migration lock, for the message of a lock timeout.
    std::string lock_holder_description();

    PostgresDialect dialect_;
    std::string conninfo_;       // holds the password: never shown
    std::string lock_conninfo_;  // the same, for the migration lock's session
    std::string password_;
    std::string where_;  // "host:port/database" for messages
    std::unique_ptr<Session> session_;
    std::unique_ptr<Session> lock_session_;
    struct CachedStatement {
        std::string name;
        bool returns_rows = false;
        int schema_generation = 0;
    };
    std::map<std::string, CachedStatement> statements_;
    int next_statement_ = 0;
    int schema_generation_ = 0;  // counts statements that may change row types
    bool in_transaction_ = false;
    bool transaction_aborted_ = false;  // a statement failed inside the transaction
    bool begin_pending_ = false;        // BEGIN not sent yet: it goes with the next statement
    bool savepoint_open_ = false;       // the last statement's savepoint is not released yet
    std::chrono::milliseconds ddl_lock_timeout_{0};
};

}  // namespace covet
