// What a migration run needs from the database beyond statements and
// transactions: the run-wide lock (SPEC.md §3 "Concurrency"), a bound on how
// long DDL waits for table locks, and who holds those locks, for messages.
#pragma once

#include <chrono>
#include <string>

namespace covet {

class Connection;

class MigrationLock {
  public:
    virtual ~MigrationLock() = default;

    // Throws LockTimeoutError after `timeout`.
    virtual void acquire_migration_lock(std::chrono::milliseconds timeout) = 0;
    // Ends the run; `commit` false discards uncommitted work of the run.
    virtual void release_migration_lock(bool commit) = 0;

    // Statements that must each commit on their own (an atomic: false
    // migration) run between these calls. Where the lock keeps a write
    // transaction open between migrations it lets it go here and takes it
    // again at the end; `succeeded` false after a failed statement.
    virtual void enter_autocommit() {}
    virtual void leave_autocommit(bool /*succeeded*/) {}

    // Bounds how long each following statement waits for table locks. A
    // statement that gives up throws LockTimeoutError. No-op where locks
    // cannot queue.
    virtual void set_ddl_lock_timeout(std::chrono::milliseconds timeout) = 0;
    // Who holds locks on `table` other than this session ("pid 123
    // (127.0.0.1, since 10:00:01, state: idle in transaction)"); "" when unknown.
    virtual std::string describe_lock_holders(const std::string& table) = 0;
};

// The connection's migration lock; throws UsageError where it has none.
MigrationLock& migration_lock_of(Connection& connection);

}  // namespace covet
