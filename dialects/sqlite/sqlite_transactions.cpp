// SQLite transactions and the migration run's lock: a lock file keeps other
// covet runs out, and an exclusive transaction, taken again after each
// commit, keeps the write lock for the whole run.
#include <sqlite3.h>

#include <algorithm>

#include "covet/error.h"
#include "sqlite/sqlite_connection.h"
#include "util/seconds_text.h"

namespace covet {

void SqliteConnection::set_foreign_keys(bool on) {
    exec_simple(on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
    foreign_keys_on_ = on;
}

void SqliteConnection::acquire_migration_lock(std::chrono::milliseconds timeout) {
    // Foreign keys are checked per migration (foreign_key_check) instead, as
    // table rebuilds need them off, and the pragma is ignored in a transaction.
    auto started = std::chrono::steady_clock::now();
    auto gave_up = [&](const std::string& what) {
        return LockTimeoutError("could not take the migration lock (" + what + ") within " +
                                seconds_text(timeout) +
                                ": another covet process is migrating this database");
    };
    // The run lock first, so that a run plans only once no other run can
    // change the history until it ends (SPEC.md §3: held for the whole run).
    if (!memory_ && !run_lock_.acquire(path_, timeout))
        throw gave_up("the lock file '" + SqliteRunLock::path_for(path_) + "'");
    auto left = std::max<std::chrono::milliseconds>(
        std::chrono::milliseconds(0),
        timeout - std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started));
    set_foreign_keys(false);
    run_lock_timeout_ms_ = timeout.count();
    sqlite3_busy_timeout(db_, static_cast<int>(left.count()));
    try {
        exec_simple("BEGIN EXCLUSIVE");
    } catch (const DatabaseError&) {
        sqlite3_busy_timeout(db_, busy_timeout_ms_);
        set_foreign_keys(true);
        run_lock_.release();
        throw gave_up("an exclusive transaction on '" + path_ + "'");
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms_);
    in_run_ = true;
}

void SqliteConnection::release_migration_lock(bool commit) {
    if (!in_run_) {
        run_lock_.release();
        return;
    }
    in_run_ = false;
    // The run's transaction ends here, with any transaction still open in it.
    open_ = Open::none;
    transaction_ended();
    try {
        exec_simple(commit ? "COMMIT" : "ROLLBACK");
        set_foreign_keys(true);
    } catch (...) {
        run_lock_.release();
        throw;
    }
    run_lock_.release();
}

void SqliteConnection::check_foreign_keys() {
    if (foreign_keys_on_) return;
    ResultSet violations = query("PRAGMA foreign_key_check");
    if (violations.rows.empty()) return;
    const Row& r = violations.rows.front();
    throw IntegrityError("foreign key check failed: table '" + r[0].to_string() + "' row " +
                             r[1].to_string() + " references missing row in '" + r[2].to_string() +
                             "' (" + std::to_string(violations.rows.size()) + " violation(s))",
                         IntegrityError::Kind::foreign_key);
}

void SqliteConnection::do_begin() {
    // In a run the exclusive transaction is already open: nest in it.
    if (in_run_) {
        exec_simple("SAVEPOINT covet_transaction");
        open_ = Open::savepoint;
        return;
    }
    exec_simple(immediate_ ? "BEGIN IMMEDIATE" : "BEGIN");
    open_ = Open::plain;
}

void SqliteConnection::do_commit() {
    check_foreign_keys();
    const Open was = open_;
    if (was == Open::plain) {
        // A COMMIT that a deferred foreign key refuses leaves the transaction
        // open: it stays marked so, for the rollback that follows to end it.
        exec_simple("COMMIT");
        open_ = Open::none;
        return;
    }
    open_ = Open::none;
    exec_simple("RELEASE covet_transaction");
    // Each transaction of a run is durable once it ends, as with Django or
    // Flyway: commit it and take the exclusive lock again at once. Other covet
    // runs wait on the run lock file meanwhile; only the application's writers slip in.
    exec_simple("COMMIT");
    relock_between_migrations();
}

void SqliteConnection::do_rollback() {
    const Open was = open_;
    open_ = Open::none;
    if (was == Open::none) return;
    if (was == Open::plain) {
        exec_simple("ROLLBACK");
    } else {
        exec_simple("ROLLBACK TO covet_transaction");
        exec_simple("RELEASE covet_transaction");
    }
    // A table rebuild that failed during its rename leaves the pragma on; it
    // is not part of the transaction.
    exec_simple("PRAGMA legacy_alter_table = OFF");
}

void SqliteConnection::enter_autocommit() {
    // atomic: false runs each statement in its own transaction, as Django
    // does (VACUUM cannot run inside one). The run lock file still keeps
    // other covet runs out meanwhile.
    if (in_run_) exec_simple("COMMIT");
    autocommit_ = true;
}

void SqliteConnection::leave_autocommit(bool succeeded) {
    if (!autocommit_) return;
    autocommit_ = false;
    if (succeeded) {
        try {
            check_foreign_keys();
        } catch (const IntegrityError&) {
            leave_autocommit_after_failure();
            throw;
        }
        if (in_run_) relock_between_migrations();
        return;
    }
    leave_autocommit_after_failure();
}

void SqliteConnection::leave_autocommit_after_failure() {
    // Its statements are committed: nothing to roll back. The run goes on
    // holding SQLite's write lock again, as it ends by a COMMIT.
    exec_simple("PRAGMA legacy_alter_table = OFF");
    if (in_run_) relock_between_migrations();
}

void SqliteConnection::relock_between_migrations() {
    sqlite3_busy_timeout(db_, static_cast<int>(run_lock_timeout_ms_));
    try {
        exec_simple("BEGIN EXCLUSIVE");
    } catch (const DatabaseError&) {
        sqlite3_busy_timeout(db_, busy_timeout_ms_);
        in_run_ = false;
        run_lock_.release();
        set_foreign_keys(true);
        throw LockTimeoutError("could not take the write lock on '" + path_ +
                               "' again between migrations: another connection is writing");
    }
    sqlite3_busy_timeout(db_, busy_timeout_ms_);
}

}  // namespace covet
