// A live connection to one database. Dialects implement it; the executor and
// recorder use only this interface.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "covet/dialect.h"
#include "covet/introspection.h"
#include "covet/value.h"

namespace covet {

struct ResultSet {
    std::vector<std::string> columns;
    std::vector<Row> rows;
};

// Called after each statement with its SQL and duration (for -v).
using SqlLogHook = std::function<void(const std::string& sql, double milliseconds)>;

class Connection {
  public:
    virtual ~Connection() = default;
    virtual const Dialect& dialect() const = 0;

    // Runs one statement with bound parameters; returns the affected rows.
    virtual std::int64_t execute(const std::string& sql, const std::vector<Value>& params = {}) = 0;
    virtual ResultSet query(const std::string& sql, const std::vector<Value>& params = {}) = 0;
    virtual bool table_exists(const std::string& table) = 0;

    // Introspection of the live schema (user tables of the connected
    // database/schema, sorted by name; includes covet_migrations).
    virtual std::vector<std::string> table_names() = 0;
    // Throws DatabaseError when the table does not exist.
    virtual IntrospectedTable describe_table(const std::string& table) = 0;

    // Bounds how long each following statement waits for table locks
    // (PostgreSQL lock_timeout, MySQL lock_wait_timeout). A statement that
    // gives up throws LockTimeoutError. No-op where locks cannot queue (SQLite).
    virtual void set_ddl_lock_timeout(std::chrono::milliseconds timeout) = 0;
    // Who holds locks on `table` other than this session, for messages
    // ("pid 123 (127.0.0.1, since 10:00:01, state: idle in transaction)"); "" when unknown.
    virtual std::string describe_lock_holders(const std::string& table) = 0;

    // The run-wide migration lock (SPEC.md §3 "Concurrency"). Throws
    // LockTimeoutError after `timeout`.
    virtual void acquire_migration_lock(std::chrono::milliseconds timeout) = 0;
    // Ends the run; `commit` false discards uncommitted work of the run.
    virtual void release_migration_lock(bool commit) = 0;
    // One migration's bracket: its operations and its history row are
    // applied together or not at all where the dialect can roll back DDL.
    virtual void begin_migration(bool atomic) = 0;
    virtual void commit_migration() = 0;
    virtual void rollback_migration() = 0;

    void set_log_hook(SqlLogHook hook) { log_hook_ = std::move(hook); }

  protected:
    void log_sql(const std::string& sql, double ms) const {
        if (log_hook_) log_hook_(sql, ms);
    }

  private:
    SqlLogHook log_hook_;
};

}  // namespace covet
