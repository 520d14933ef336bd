// A connection to an SQLite database file (or :memory:) on the sqlite3 C API.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "covet/connection.h"
#include "covet/database_url.h"
#include "sqlite/sqlite_dialect.h"
#include "sqlite/sqlite_run_lock.h"

struct sqlite3;
struct sqlite3_stmt;

namespace covet {

class SqliteConnection final : public Connection {
  public:
    // Opens with WAL, foreign_keys=ON and a busy timeout. Throws
    // ConnectionError naming the path when it cannot be opened.
    explicit SqliteConnection(const DatabaseUrl& url);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    const Dialect& dialect() const override { return dialect_; }
    std::int64_t execute(const std::string& sql, const std::vector<Value>& params = {}) override;
    ResultSet query(const std::string& sql, const std::vector<Value>& params = {}) override;
    bool table_exists(const std::string& table) override;
    std::vector<std::string> table_names() override;
    IntrospectedTable describe_table(const std::string& table) override;
    // SQLite has no lock queue: writers wait on busy_timeout instead.
    void set_ddl_lock_timeout(std::chrono::milliseconds) override {}
    std::string describe_lock_holders(const std::string&) override { return ""; }

    void acquire_migration_lock(std::chrono::milliseconds timeout) override;
    void release_migration_lock(bool commit) override;
    void begin_migration(bool atomic) override;
    void commit_migration() override;
    void rollback_migration() override;

    sqlite3* handle() { return db_; }

  private:
    struct StatementDeleter {
        void operator()(sqlite3_stmt* stmt) const;
    };
    using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

    // Prepared statements are reused per SQL text (only those with parameters).
    sqlite3_stmt* prepare_cached(const std::string& sql);
    void bind(sqlite3_stmt* stmt, const std::vector<Value>& params, const std::string& sql);
    [[noreturn]] void fail(int code, const std::string& sql) const;
    void exec_simple(const std::string& sql);
    void enable_wal();
    // Takes SQLite's write lock again after a migration committed.
    void relock_between_migrations();

    SqliteDialect dialect_;
    std::string path_;
    sqlite3* db_ = nullptr;
    std::map<std::string, StatementPtr> cache_;
    bool memory_ = false;
    SqliteRunLock run_lock_;
    bool in_run_ = false;  // a migrate/rollback run holds the write lock
    bool in_migration_ = false;
    bool autocommit_migration_ = false;  // an atomic: false migration is running
    int busy_timeout_ms_ = 5000;
    std::int64_t run_lock_timeout_ms_ = 60000;
};

}  // namespace covet
