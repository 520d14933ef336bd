// The shared state behind covet::Pool: the idle connections, the count of
// open ones, the threads waiting in acquire(), the async workers and the
// reaper that closes idle connections.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "covet/connection.h"
#include "covet/pool.h"
#include "pool/job_queue.h"

namespace covet {

class PoolCore : public std::enable_shared_from_this<PoolCore> {
  public:
    using Factory = std::function<std::unique_ptr<Connection>()>;
    PoolCore(Factory factory, PoolOptions options);
    ~PoolCore();
    PoolCore(const PoolCore&) = delete;
    PoolCore& operator=(const PoolCore&) = delete;

    // Opens the first `min` connections and starts the reaper.
    void start();
    Database acquire();
    // A lease's connection coming back: kept idle, or dropped when broken.
    void release(std::unique_ptr<Connection> connection);
    void post(std::function<void()> job);
    PoolStats stats() const;
    const PoolOptions& options() const { return options_; }

  private:
    using Clock = std::chrono::steady_clock;
    struct Idle {
        std::unique_ptr<Connection> connection;
        Clock::time_point since;
    };
    // A connection reserved under the lock (size_ counted), checked or opened outside it.
    std::unique_ptr<Connection> take(std::unique_lock<std::mutex>& lock,
                                     Clock::time_point deadline);
    std::unique_ptr<Connection> open_one();
    Database lease(std::unique_ptr<Connection> connection);
    [[noreturn]] void fail_timeout() const;  // under the lock
    void reap();                             // the reaper thread's loop
    void close_expired_idle();

    Factory factory_;
    PoolOptions options_;
    mutable std::mutex mutex_;
    std::condition_variable freed_;  // a connection came back or a slot opened
    std::condition_variable stop_reaper_;
    std::vector<Idle> idle_;  // the most recently used last
    std::size_t size_ = 0;    // open, idle or leased, or being opened
    std::size_t waiting_ = 0;
    std::uint64_t opened_ = 0;
    std::uint64_t discarded_ = 0;
    bool stopping_ = false;
    std::atomic<std::uint64_t> acquires_{0};
    std::atomic<std::uint64_t> acquire_ns_{0};
    std::thread reaper_;
    std::shared_ptr<JobQueue> jobs_;
};

}  // namespace covet
