#include "pool/job_queue.h"

namespace covet {

void JobQueue::post(std::function<void()> job) {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
    if (threads_.size() < workers_ && threads_.size() < jobs_.size())
        threads_.emplace_back(work, shared_from_this());
    ready_.notify_one();
}

void JobQueue::stop() {
    std::vector<std::thread> threads;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        threads.swap(threads_);
    }
    ready_.notify_all();
    for (auto& thread : threads) {
        if (thread.get_id() == std::this_thread::get_id())
            thread.detach();  // it ends by itself once its job returns
        else
            thread.join();
    }
}

void JobQueue::work(std::shared_ptr<JobQueue> queue) {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(queue->mutex_);
            queue->ready_.wait(lock, [&] { return queue->stopping_ || !queue->jobs_.empty(); });
            if (queue->jobs_.empty()) return;  // stopping, and nothing left to run
            job = std::move(queue->jobs_.front());
            queue->jobs_.pop_front();
        }
        job();  // a packaged task: what it throws goes to its future
    }
}

}  // namespace covet
