// A TCP server on 127.0.0.1 that accepts connections and never sends a byte:
// what a hung database server looks like to a client waiting for its
// greeting, so connect timeouts can be tested without guessing at networks.
#pragma once

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace covet::test {

class SilentServer {
  public:
    SilentServer();  // listening on a free loopback port once constructed
    ~SilentServer();
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    int port() const { return port_; }
    // Connections accepted so far (all held open, unanswered).
    int accepted() const { return accepted_.load(); }
    // True once `count` connections were accepted; false after `timeout`.
    bool wait_for_connections(int count, std::chrono::milliseconds timeout) const;

  private:
    void serve();

    int listen_fd_ = -1;
    int wake_pipe_[2] = {-1, -1};
    int port_ = 0;
    std::atomic<int> accepted_{0};
    std::vector<int> connections_;
    std::thread thread_;
};

}  // namespace covet::test
