// Runs a program as a user would (fork/exec, no shell) and captures what it prints.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace covet_test {

struct RunOptions {
    std::string program;
    std::vector<std::string> args;
    std::string cwd;         // empty: the test's own working directory
    std::string stdin_file;  // read as stdin; empty: /dev/null
    // Variables to set; a nullopt value removes the variable.
    std::map<std::string, std::optional<std::string>> env;
    // Inherited COVET_* variables would silently change what the binary does.
    bool clear_covet_env = true;
    std::chrono::milliseconds timeout{60000};
};

struct RunResult {
    std::string command;  // the command line, for failure messages
    int exit_code = -1;   // -1 when the process died from a signal
    int signal = 0;
    bool timed_out = false;
    std::string out;
    std::string err;

    // Command, exit status, stdout and stderr in one text for INFO().
    std::string describe() const;
};

// A started process whose output is collected while it runs.
class BackgroundProcess {
  public:
    explicit BackgroundProcess(const RunOptions& options);
    ~BackgroundProcess();
    BackgroundProcess(const BackgroundProcess&) = delete;
    BackgroundProcess& operator=(const BackgroundProcess&) = delete;

    pid_t pid() const { return pid_; }
    bool running();
    // Reads output until stdout contains `needle`; false on timeout or exit.
    bool wait_for_stdout(const std::string& needle, std::chrono::milliseconds timeout);
    void kill_now();
    // Waits for exit (killing the process when the run's timeout passes).
    RunResult wait();

  private:
    void pump(int poll_ms);
    bool reap(bool block);

    RunOptions options_;
    std::chrono::steady_clock::time_point started_;
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    bool exited_ = false;
    RunResult result_;
};

RunResult run_process(const RunOptions& options);

}  // namespace covet_test
