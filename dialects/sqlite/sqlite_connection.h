// A connection to an SQLite database file (or :memory:) on the sqlite3 C API.
#pragma once

#include <memory>
#include <string>

#include "covet/connection.h"
#include "covet/database_url.h"
#include "covet/introspector.h"
#include "covet/migration_lock.h"
#include "db/statement_cache.h"
#include "sqlite/sqlite_dialect.h"
#include "sqlite/sqlite_run_lock.h"

struct sqlite3;
struct sqlite3_stmt;

namespace covet {

class SqliteConnection final : public Connection, public Introspector, public MigrationLock {
  public:
    // Opens with WAL, foreign_keys=ON and a busy timeout. Throws
    // ConnectionError naming the path when it cannot be opened.
    explicit SqliteConnection(const DatabaseUrl& url);
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    const Dialect& dialect() const override { return dialect_; }
    Introspector* introspector() override { return this; }
    MigrationLock* migration_lock() override { return this; }

    bool table_exists(const std::string& table) override;
    std::vector<std::string> table_names() override;
    IntrospectedTable describe_table(const std::string& table) override;

    // SQLite has no lock queue: writers wait on busy_timeout instead.
    void set_ddl_lock_timeout(std::chrono::milliseconds) override {}
    std::string describe_lock_holders(const std::string&) override { return ""; }
    // The run holds a lock file and an exclusive transaction, taken again
    // after each commit so that the run keeps the write lock throughout.
    void acquire_migration_lock(std::chrono::milliseconds timeout) override;
    void release_migration_lock(bool commit) override;
    void enter_autocommit() override;
    void leave_autocommit(bool succeeded) override;

    // Transactions begin IMMEDIATE (taking the write lock at once, waiting
    // on the busy timeout): a deferred one that read first could not take
    // it later while another connection writes, and would fail with SQLITE_BUSY.
    void share_with_pool() override { immediate_ = true; }

    sqlite3* handle() { return db_; }

    struct StatementDeleter {
        void operator()(sqlite3_stmt* stmt) const;
    };
    using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;
    // A finished cursor's statement goes back to the cache for the next run.
    void return_statement(const std::string& sql, StatementPtr stmt);
    [[noreturn]] void fail(int code, const std::string& sql) const;

  protected:
    std::int64_t do_execute(const std::string& sql, const std::vector<Value>& params) override;
    std::unique_ptr<RowSource> do_open_cursor(const std::string& sql,
                                              const std::vector<Value>& params,
                                              Fetch fetch) override;
    void do_begin() override;
    void do_commit() override;
    void do_rollback() override;

  private:
    // Where the transaction begun by do_begin stands.
    enum class Open { none, plain, savepoint };

    // The cached statement for `sql` (reset, unbound) or a new one.
    StatementPtr take_statement(const std::string& sql);
    std::int64_t execute_script(const std::string& sql);
    void exec_simple(const std::string& sql);
    void enable_wal();
    void set_foreign_keys(bool on);
    // Foreign keys are not enforced during a run: check them before a commit.
    void check_foreign_keys();
    void leave_autocommit_after_failure();
    // Takes SQLite's write lock again after a migration committed.
    void relock_between_migrations();

    SqliteDialect dialect_;
    std::string path_;
    sqlite3* db_ = nullptr;
    StatementCache<StatementPtr> cache_;
    bool memory_ = false;
    bool immediate_ = false;  // share_with_pool()
    SqliteRunLock run_lock_;
    bool in_run_ = false;  // a migrate/rollback run holds the write lock
    Open open_ = Open::none;
    bool autocommit_ = false;  // an atomic: false migration is running
    bool foreign_keys_on_ = true;
    int busy_timeout_ms_ = 5000;
    std::int64_t run_lock_timeout_ms_ = 60000;
};

}  // namespace covet
