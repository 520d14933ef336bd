#include "sqlite/sqlite_run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "covet/error.h"

namespace covet {

std::string SqliteRunLock::path_for(const std::string& database_path) {
    return database_path + "-migrate.lock";
}

bool SqliteRunLock::acquire(const std::string& database_path, std::chrono::milliseconds timeout) {
    release();
    const std::string path = path_for(database_path);
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        throw DatabaseError("cannot open the migration lock file '" + path +
                            "': " + std::strerror(errno));
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::milliseconds(2);
    for (;;) {
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            fd_ = fd;
            return true;
        }
        if (errno != EWOULDBLOCK && errno != EINTR) {
            std::string reason = std::strerror(errno);
            ::close(fd);
            throw DatabaseError("cannot lock the migration lock file '" + path + "': " + reason);
        }
        auto now = std::chrono::steady_clock::now();
        if (now >= deadline) {
            ::close(fd);
            return false;
        }
        std::this_thread::sleep_for(
            std::min<std::chrono::steady_clock::duration>(pause, deadline - now));
        pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
}

void SqliteRunLock::release() {
    if (fd_ < 0) return;
    ::flock(fd_, LOCK_UN);
    ::close(fd_);
    fd_ = -1;
}

}  // namespace covet
