// A live connection to one database: statements, cursors and transactions.
// Dialects implement the protected do_* hooks; the public calls around them
// time each statement, hand it to the -v log and give driver errors one form.
// Introspection and the migration lock are separate roles (introspector.h,
// migration_lock.h) that a dialect's connection may also play.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "covet/cursor.h"
#include "covet/dialect.h"
#include "covet/statement_cache_stats.h"
#include "covet/value.h"

namespace covet {

class Introspector;
class MigrationLock;

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
    // Without parameters the text may hold several statements (run_sql).
    std::int64_t execute(const std::string& sql, const std::vector<Value>& params = {});
    // The rows of a query, read as the cursor advances.
    Cursor open_cursor(const std::string& sql, const std::vector<Value>& params = {});
    // All rows of a query at once (through a cursor).
    ResultSet query(const std::string& sql, const std::vector<Value>& params = {});
    // The rows of a query as query() reads them, each handed to `each` (it
    // may move the values out) instead of kept: no copy of the whole result.
    void query_each(const std::string& sql, const std::vector<Value>& params,
                    const std::function<void(Row&)>& each);

    // Outside a transaction each statement commits on its own.
    void begin();
    void commit();
    // Does nothing when no transaction is open.
    void rollback();
    bool in_transaction() const { return in_transaction_; }
    // Savepoints inside a transaction: rollback_to undoes what ran after
    // savepoint(name) and keeps the savepoint; release_savepoint forgets it.
    void savepoint(const std::string& name);
    void release_savepoint(const std::string& name);
    void rollback_to(const std::string& name);

    // Django's transaction.on_commit: `fn` runs once the outermost
    // transaction commits, and is dropped when the transaction, or a
    // savepoint opened before `fn` was registered, rolls back. Outside a
    // transaction it runs at once.
    void on_commit(std::function<void()> fn);

    // For a pool (covet/pool.h). Whether the connection still reaches its
    // server: the default asks it (SELECT 1).
    virtual bool is_usable();
    // The connection shares its database with the other connections of a
    // pool, used from other threads. A back end that locks the whole file
    // for writes takes the write lock when a transaction begins, so that
    // concurrent writers wait for it (busy timeout) instead of failing to
    // upgrade a read lock.
    virtual void share_with_pool() {}
    // A statement lost the connection (a ConnectionError): a pool drops it.
    bool broken() const { return broken_; }

    // The roles this connection also plays; null where it does not.
    virtual Introspector* introspector() { return nullptr; }
    virtual MigrationLock* migration_lock() { return nullptr; }

    const StatementCacheStats& statement_cache_stats() const { return cache_stats_; }
    void set_log_hook(SqlLogHook hook) { log_hook_ = std::move(hook); }

  protected:
    // Whether a cursor's rows are wanted as they come or all at once (query()).
    enum class Fetch { stream, all };

    virtual std::int64_t do_execute(const std::string& sql, const std::vector<Value>& params) = 0;
    virtual std::unique_ptr<RowSource> do_open_cursor(const std::string& sql,
                                                      const std::vector<Value>& params,
                                                      Fetch fetch) = 0;
    virtual void do_begin() { execute("BEGIN"); }
    virtual void do_commit() { execute("COMMIT"); }
    virtual void do_rollback() { execute("ROLLBACK"); }
    virtual void do_savepoint(const std::string& quoted) { execute("SAVEPOINT " + quoted); }
    virtual void do_release_savepoint(const std::string& quoted) {
        execute("RELEASE SAVEPOINT " + quoted);
    }
    virtual void do_rollback_to(const std::string& quoted) {
        execute("ROLLBACK TO SAVEPOINT " + quoted);
    }

    // For statements a dialect sends on its own (a lock taken on a session of its own).
    void log_sql(const std::string& sql, double ms) const {
        if (log_hook_) log_hook_(sql, ms);
    }
    // Text the dialect sent in the same round trip before the statement
    // (transaction bookkeeping): the log shows it in front of the statement.
    void sent_before(std::string prefix) { sent_before_ = std::move(prefix); }
    // A transaction the back end ended on its own (an aborted one rolled back).
    void transaction_ended() {
        in_transaction_ = false;
        forget_transaction();
    }
    // Throws DatabaseError unless `given` parameters fill `expected` placeholders.
    static void check_parameter_count(std::size_t expected, std::size_t given,
                                      const std::string& sql);
    // A statement's error that no server reported, with the statement quoted.
    [[noreturn]] static void fail_statement(const std::string& message, const std::string& sql);
    StatementCacheStats& cache_stats() { return cache_stats_; }

  private:
    friend class Cursor;
    void log_statement(const std::string& sql, std::chrono::steady_clock::time_point started);
    // query() and query_each(): every row read (Fetch::all) to `each`.
    void read_rows(const std::string& sql, const std::vector<Value>& params,
                   std::vector<std::string>& columns, const std::function<void(Row&)>& each);
    // The savepoints and on_commit callbacks of a transaction that ended.
    void forget_transaction();
    void run_on_commit();

    SqlLogHook log_hook_;
    std::string sent_before_;
    bool in_transaction_ = false;
    bool broken_ = false;
    StatementCacheStats cache_stats_;
    // Open savepoints, outermost first, and each on_commit callback with the
    // number of savepoints open when it was registered.
    std::vector<std::string> savepoints_;
    std::vector<std::pair<std::size_t, std::function<void()>>> on_commit_;
};

}  // namespace covet
