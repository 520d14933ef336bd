#include "util/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <thread>
#include <vector>

namespace covet {

void parallel_for(std::size_t count, std::size_t min_items_per_thread,
                  const std::function<void(std::size_t)>& body) {
    std::vector<std::exception_ptr> errors(count);
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < count;) {
            try {
                body(i);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    std::size_t threads =
        std::min(cores, count / std::max<std::size_t>(1, min_items_per_thread) + 1);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (auto& thread : pool)
        thread.join();
    for (auto& error : errors)
        if (error) std::rethrow_exception(error);
}

}  // namespace covet
