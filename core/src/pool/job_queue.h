// The worker threads of a pool's async calls: jobs run in the order
// posted, on as many threads as the pool has connections at most.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace covet {

class JobQueue : public std::enable_shared_from_this<JobQueue> {
  public:
    explicit JobQueue(std::size_t workers) : workers_(workers) {}
    // Starts the workers on the first job.
    void post(std::function<void()> job);
    // Runs what was posted, then ends the workers. A worker thread that
    // stops its own queue (the last lease dropped in a job) is detached.
    void stop();

  private:
    static void work(std::shared_ptr<JobQueue> queue);

    std::size_t workers_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> threads_;
    bool stopping_ = false;
};

}  // namespace covet
