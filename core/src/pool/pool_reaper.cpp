// The pool's reaper thread: closes connections idle past idle_timeout (the
// oldest first, down to min) and opens new ones up to min after some were
// dropped.
#include <algorithm>

#include "pool/pool_core.h"

namespace covet {

void PoolCore::reap() {
    // Often enough that an idle connection closes soon after its time is up.
    const auto interval = std::clamp<std::chrono::milliseconds>(
        options_.idle_timeout / 4, std::chrono::milliseconds(10), std::chrono::milliseconds(1000));
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        stop_reaper_.wait_for(lock, interval, [&] { return stopping_; });
        if (stopping_) return;
        lock.unlock();
        close_expired_idle();
        lock.lock();
        while (!stopping_ && size_ < options_.min) {
            ++size_;
            lock.unlock();
            std::unique_ptr<Connection> connection;
            try {
                connection = open_one();
            } catch (const std::exception&) {
                // The server is away: acquire() reports it; try again later.
            }
            lock.lock();
            if (!connection) {
                --size_;
                break;
            }
            idle_.push_back({std::move(connection), Clock::now()});
            freed_.notify_one();
        }
    }
}

void PoolCore::close_expired_idle() {
    std::vector<std::unique_ptr<Connection>> expired;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const auto cutoff = Clock::now() - options_.idle_timeout;
        // idle_ is in order of return: the oldest first.
        std::size_t n = 0;
        while (n < idle_.size() && size_ - n > options_.min && idle_[n].since <= cutoff)
            ++n;
        for (std::size_t i = 0; i < n; ++i)
            expired.push_back(std::move(idle_[i].connection));
        idle_.erase(idle_.begin(), idle_.begin() + static_cast<std::ptrdiff_t>(n));
        size_ -= n;
    }
    // Closed outside the lock: a goodbye to the server may take a moment.
}

}  // namespace covet
