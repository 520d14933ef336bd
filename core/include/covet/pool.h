// A thread-safe pool of connections to one database, and the worker
// threads that run async calls on them.
//
//   covet::Pool pool = covet::open_pool(url, {.min = 2, .max = 8});
//   {
//       covet::Database db = pool.acquire();  // a lease on one connection
//       db.objects(models, "Post").filter({{"pk", 1}}).update({{"view_count", 2}});
//   }                                         // the last copy returns it
//   std::future<std::int64_t> n =
//       pool.submit([&](covet::Database& db) { return db.objects(models, "Post").count(); });
//
// A lease is a Database: its copies (and the QuerySets and Records made
// through it) share one connection, used by one thread at a time, and the
// connection goes back to the pool when the last copy is gone. A connection
// that lost its server (a restart, pg_terminate_backend, KILL, a network
// timeout) is dropped when it comes back, or found dead by the health check
// on acquire, and a new one is opened in its place.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <string>
#include <type_traits>

#include "covet/database.h"

namespace covet {

class PoolCore;  // core/src/pool/pool_core.h

struct PoolOptions {
    std::size_t min = 1;  // opened at once, and kept open when idle
    std::size_t max = 8;  // connections open at most; also the number of async workers
    // How long acquire() waits for a connection before PoolTimeoutError.
    std::chrono::milliseconds acquire_timeout{30'000};
    // A connection idle this long is closed (down to `min`).
    std::chrono::milliseconds idle_timeout{600'000};
    // A connection idle at least this long is checked (Connection::is_usable)
    // before it is handed out; 0 checks each one (cheap where the back end
    // can tell without a round trip).
    std::chrono::milliseconds check_after{0};
};

struct PoolStats {
    std::size_t size = 0;         // connections open
    std::size_t in_use = 0;       // leased
    std::size_t idle = 0;         // open and free
    std::size_t waiting = 0;      // acquire() calls waiting for one
    std::uint64_t opened = 0;     // connections opened since the pool was made
    std::uint64_t discarded = 0;  // dropped as broken or dead
    std::uint64_t acquires = 0;
    double acquire_ms = 0;  // time spent in acquire(), all calls together
};

class Pool {
  public:
    explicit Pool(std::shared_ptr<PoolCore> core) : core_(std::move(core)) {}

    // A free connection, or a new one below `max`, else waits for one.
    // Throws PoolTimeoutError naming the pool's state after acquire_timeout,
    // ConnectionError when a new connection cannot be opened.
    Database acquire() const;
    // Runs fn(db) on a worker thread with a connection of the pool; what it
    // returns, or throws, arrives through the future.
    template <class F>
    auto submit(F fn) const -> std::future<std::invoke_result_t<F&, Database&>>;
    PoolStats stats() const;
    const PoolOptions& options() const;

  private:
    std::shared_ptr<PoolCore> core_;
};

// Hands `job` to the pool's worker threads (started on first use).
void post_to_pool(const std::shared_ptr<PoolCore>& core, std::function<void()> job);

template <class F>
auto Pool::submit(F fn) const -> std::future<std::invoke_result_t<F&, Database&>> {
    using Result = std::invoke_result_t<F&, Database&>;
    auto task = std::make_shared<std::packaged_task<Result()>>(
        [core = core_, fn = std::move(fn)]() mutable {
            Database db = Pool(core).acquire();
            return fn(db);
        });
    auto future = task->get_future();
    post_to_pool(core_, [task] { (*task)(); });
    return future;
}

// Opens a pool on a database URL (SPEC.md §2) with `min` connections.
// Throws UsageError for a bad URL or options, ConnectionError when the
// server cannot be reached.
Pool open_pool(const std::string& url, PoolOptions options = {});

}  // namespace covet
