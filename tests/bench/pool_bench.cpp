// The pool benchmark (run_pool.sh): THREADS threads run an 80/20 mix of
// single-row reads (by primary key) and writes (an increment) on
// bench_items for SECONDS seconds, either through raw libpqxx connections,
// one per thread ("raw"), or sharing a covet pool of CONNECTIONS
// connections, leasing one per operation, through the Connection API
// ("pool") or the ORM's QuerySet ("orm").
//   covet_bench_pool URL MIGRATIONS raw|pool|orm THREADS CONNECTIONS SECONDS ITEMS
// Prints "ops=N ops_per_s=R acquire_us=A solo_acquire_us=S": A is the mean
// time in acquire() during the run (waiting for a free connection included),
// S a lease taken and returned on one thread with no contention (the pool's
// own cost: lock, health check, lease), measured before the run.
#include <pqxx/pqxx>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "covet/orm.h"
#include "covet/pool.h"

namespace {

using Clock = std::chrono::steady_clock;
const char* const kRead =
    "SELECT id, name, quantity, price, active, note FROM bench_items WHERE id = $1";
const char* const kWrite = "UPDATE bench_items SET quantity = quantity + 1 WHERE id = $1";

// The same pseudo-random keys and read/write choices on every side.
struct Mix {
    std::uint64_t state;
    std::int64_t items;
    std::uint64_t next() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return state >> 33;
    }
    std::int64_t key() { return static_cast<std::int64_t>(next() % items) + 1; }
    bool write() { return next() % 5 == 0; }
};

template <class Op>
std::int64_t run_threads(int threads, double seconds, std::int64_t items, Op op_for_thread) {
    std::atomic<std::int64_t> total{0};
    std::atomic<bool> go{false};
    const auto until = [&] {
        return Clock::now() +
               std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    };
    std::vector<std::thread> pool;
    std::atomic<int> ready{0};
    Clock::time_point end;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            auto op = op_for_thread(t);
            Mix mix{static_cast<std::uint64_t>(t) * 7919 + 1, items};
            ++ready;
            while (!go.load())
                std::this_thread::yield();
            std::int64_t n = 0;
            while (Clock::now() < end) {
                op(mix.write(), mix.key());
                ++n;
            }
            total += n;
        });
    while (ready.load() < threads)
        std::this_thread::yield();
    end = until();
    go = true;
    for (auto& thread : pool)
        thread.join();
    return total.load();
}

std::string conninfo(const std::string& url) {
    // libpqxx takes the postgresql:// URL as it is.
    return url;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 8) {
        std::cerr << "usage: covet_bench_pool URL MIGRATIONS raw|pool|orm THREADS CONNECTIONS "
                     "SECONDS ITEMS\n";
        return 2;
    }
    const std::string url = argv[1], mode = argv[3];
    const int threads = std::stoi(argv[4]);
    const std::size_t connections = std::stoul(argv[5]);
    const double seconds = std::stod(argv[6]);
    const std::int64_t items = std::stoll(argv[7]);
    try {
        std::int64_t ops = 0;
        double acquire_us = 0;
        double solo_us = 0;
        if (mode == "raw") {
            ops = run_threads(threads, seconds, items, [&](int) {
                auto c = std::make_shared<pqxx::connection>(conninfo(url));
                c->prepare("read", kRead);
                c->prepare("write", kWrite);
                return [c](bool write, std::int64_t key) {
                    pqxx::nontransaction tx(*c);
                    if (write)
                        tx.exec_prepared("write", key);
                    else
                        tx.exec_prepared("read", key);
                };
            });
        } else {
            covet::Pool pool = covet::open_pool(url, {.min = connections, .max = connections});
            covet::Models models = covet::models_from_migrations(argv[2]);
            // The pool's own cost, without waiting: lease and return on one thread.
            const auto started = Clock::now();
            constexpr int kLeases = 20000;
            for (int i = 0; i < kLeases; ++i)
                pool.acquire();
            solo_us =
                std::chrono::duration<double, std::micro>(Clock::now() - started).count() / kLeases;
            const bool orm = mode == "orm";
            ops = run_threads(threads, seconds, items, [&](int) {
                return [&pool, &models, orm](bool write, std::int64_t key) {
                    covet::Database db = pool.acquire();
                    if (!orm) {
                        if (write)
                            db.connection().execute(kWrite, {covet::Value(key)});
                        else
                            db.connection().query(kRead, {covet::Value(key)});
                        return;
                    }
                    auto items = db.objects(models, "Item").filter({{"pk", covet::Value(key)}});
                    if (write)
                        items.update({{"quantity", covet::F("quantity") + 1}});
                    else
                        items.get();
                };
            });
            const covet::PoolStats stats = pool.stats();
            acquire_us = (stats.acquire_ms * 1000.0 - solo_us * 20000) /
                         static_cast<double>(stats.acquires - 20000);
        }
        std::printf("ops=%lld ops_per_s=%.0f acquire_us=%.2f solo_acquire_us=%.3f\n",
                    static_cast<long long>(ops), static_cast<double>(ops) / seconds, acquire_us,
                    solo_us);
    } catch (const std::exception& e) {
        std::cerr << "covet_bench_pool: " << e.what() << "\n";
        return 1;
    }
}
