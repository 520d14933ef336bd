// A program run on a pseudo-terminal, driven by keystrokes from the test as
// a user at a terminal would: what interactive front ends are tested with.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>

#include "run_covet.h"

namespace covet_test {

class PtySession {
  public:
    PtySession(const RunOptions& options, int rows = 40, int columns = 120);
    ~PtySession();
    PtySession(const PtySession&) = delete;
    PtySession& operator=(const PtySession&) = delete;

    // Types `keys` (control characters and escape sequences included).
    void send(const std::string& keys);
    // Reads until the screen text since `from` contains `needle`; false on
    // timeout or when the program ended without printing it.
    bool wait_for(const std::string& needle, std::size_t from = 0,
                  std::chrono::milliseconds timeout = std::chrono::seconds(20));
    // Everything printed so far without escape sequences and carriage returns.
    const std::string& text() const { return text_; }
    std::size_t mark() const { return text_.size(); }
    // Waits for the program to end; its exit code, -1 when killed or timed out.
    int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(20));

  private:
    bool pump(int poll_ms);

    pid_t pid_ = -1;
    int fd_ = -1;
    bool exited_ = false;
    int exit_code_ = -1;
    std::string raw_;
    std::size_t escape_state_ = 0;  // of append_plain, across reads
    std::string text_;
};

}  // namespace covet_test
