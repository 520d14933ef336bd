// The run-wide migration lock on an SQLite file. SQLite's own write lock
// lapses between migrations (each one commits), so two runs could interleave
// their plans; an advisory flock on a file beside the database is held for
// the whole run instead, and released by the kernel if the process dies.
#pragma once

#include <chrono>
#include <string>

namespace covet {

class SqliteRunLock {
  public:
    SqliteRunLock() = default;
    ~SqliteRunLock() { release(); }
    SqliteRunLock(const SqliteRunLock&) = delete;
    SqliteRunLock& operator=(const SqliteRunLock&) = delete;

    // The lock file of the database at `database_path`.
    static std::string path_for(const std::string& database_path);

    // Waits up to `timeout` for the lock; false when it stayed taken.
    // Throws DatabaseError when the lock file cannot be opened.
    bool acquire(const std::string& database_path, std::chrono::milliseconds timeout);
    void release();
    bool held() const { return fd_ >= 0; }

  private:
    int fd_ = -1;
};

}  // namespace covet
