// Leasing connections: a free one (checked when it idled long enough), a
// new one below the maximum, else a wait bounded by the acquire timeout.
#include "pool/pool_core.h"

#include <algorithm>

#include "covet/error.h"
#include "util/seconds_text.h"

namespace covet {

namespace {

// The connection of a Database leased from a pool: back to the pool when
// the last copy of the Database is gone.
struct Lease {
    Lease(std::shared_ptr<PoolCore> owner, std::unique_ptr<Connection> leased)
        : pool(std::move(owner)), connection(std::move(leased)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool->release(std::move(connection)); }
    std::shared_ptr<PoolCore> pool;
    std::unique_ptr<Connection> connection;
};

}  // namespace

PoolCore::PoolCore(Factory factory, PoolOptions options)
    : factory_(std::move(factory)),
      options_(options),
      jobs_(std::make_shared<JobQueue>(options.max)) {
    if (options_.max == 0) throw UsageError("a connection pool needs max of at least 1");
    if (options_.min > options_.max)
        throw UsageError("a connection pool's min (" + std::to_string(options_.min) +
                         ") is above its max (" + std::to_string(options_.max) + ")");
}

PoolCore::~PoolCore() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    stop_reaper_.notify_all();
    if (reaper_.joinable()) {
        if (reaper_.get_id() == std::this_thread::get_id())
            reaper_.detach();
        else
            reaper_.join();
    }
    jobs_->stop();
}

void PoolCore::start() {
    std::vector<std::unique_ptr<Connection>> first;
    for (std::size_t i = 0; i < options_.min; ++i)
        first.push_back(open_one());
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto& connection : first)
            idle_.push_back({std::move(connection), Clock::now()});
        size_ = idle_.size();
    }
    // The reaper holds no owning pointer: the pool's destructor stops it.
    reaper_ = std::thread([this] { reap(); });
}

std::unique_ptr<Connection> PoolCore::open_one() {
    std::unique_ptr<Connection> connection = factory_();
    connection->share_with_pool();
    std::lock_guard<std::mutex> lock(mutex_);
    ++opened_;
    return connection;
}

Database PoolCore::acquire() {
    const auto started = Clock::now();
    std::unique_ptr<Connection> connection;
    {
        std::unique_lock<std::mutex> lock(mutex_);
        connection = take(lock, started + options_.acquire_timeout);
    }
    Database db = lease(std::move(connection));
    acquires_.fetch_add(1, std::memory_order_relaxed);
    acquire_ns_.fetch_add(
        static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - started).count()),
        std::memory_order_relaxed);
    return db;
}

std::unique_ptr<Connection> PoolCore::take(std::unique_lock<std::mutex>& lock,
                                           Clock::time_point deadline) {
    for (;;) {
        if (!idle_.empty()) {
            Idle idle = std::move(idle_.back());
            idle_.pop_back();
            const bool check = Clock::now() - idle.since >= options_.check_after;
            if (!check) return std::move(idle.connection);
            lock.unlock();
            const bool usable = idle.connection->is_usable();
            if (usable) return std::move(idle.connection);
            idle.connection.reset();  // a dead one: closed, and its slot free
            lock.lock();
            --size_;
            ++discarded_;
            continue;
        }
        if (size_ < options_.max) {
            ++size_;  // the slot is reserved while the connection opens
            lock.unlock();
            try {
                return open_one();
            } catch (...) {
                lock.lock();
                --size_;
                freed_.notify_one();
                throw;
            }
        }
        ++waiting_;
        const bool freed = freed_.wait_until(
            lock, deadline, [&] { return !idle_.empty() || size_ < options_.max; });
        --waiting_;
        if (!freed) fail_timeout();
    }
}

void PoolCore::fail_timeout() const {
    throw PoolTimeoutError(
        "no connection of the pool came free within " + seconds_text(options_.acquire_timeout) +
        ": " + std::to_string(size_) + " open (max " + std::to_string(options_.max) + "), " +
        std::to_string(size_ - idle_.size()) + " in use, " + std::to_string(idle_.size()) +
        " idle, " + std::to_string(waiting_ + 1) + " waiting");
}

Database PoolCore::lease(std::unique_ptr<Connection> connection) {
    auto held = std::make_shared<Lease>(shared_from_this(), std::move(connection));
    Connection* raw = held->connection.get();
    return Database(std::shared_ptr<Connection>(held, raw), shared_from_this());
}

void PoolCore::release(std::unique_ptr<Connection> connection) {
    if (!connection) return;
    bool keep = !connection->broken();
    if (keep && connection->in_transaction()) {
        // A lease dropped inside a transaction (no Atomic scope ended it).
        try {
            connection->rollback();
        } catch (const std::exception&) {
            keep = false;
        }
    }
    connection->set_log_hook(nullptr);
    std::unique_ptr<Connection> dropped;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (keep && !connection->broken() && !stopping_) {
            idle_.push_back({std::move(connection), Clock::now()});
        } else {
            --size_;
            if (!stopping_) ++discarded_;
            dropped = std::move(connection);
        }
    }
    freed_.notify_one();
    // `dropped` closes here, outside the lock.
}

void PoolCore::post(std::function<void()> job) {
    jobs_->post(std::move(job));
}

PoolStats PoolCore::stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    PoolStats stats;
    stats.size = size_;
    stats.idle = idle_.size();
    stats.in_use = size_ - idle_.size();
    stats.waiting = waiting_;
    stats.opened = opened_;
    stats.discarded = discarded_;
    stats.acquires = acquires_.load();
    stats.acquire_ms = static_cast<double>(acquire_ns_.load()) / 1e6;
    return stats;
}

}  // namespace covet
