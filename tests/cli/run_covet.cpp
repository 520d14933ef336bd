#include "run_covet.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace covet_test {
namespace {

std::string shell_quoted(const std::string& word) {
    if (!word.empty() && word.find_first_of(" \t\n'\"\\$*?;&|<>(){}[]") == std::string::npos) {
        return word;
    }
    std::string quoted = "'";
    for (char c : word) {
        if (c == '\'') {
            quoted += "'\\''";
        } else {
            quoted += c;
        }
    }
    return quoted + "'";
}

std::string command_line(const RunOptions& options) {
    std::string text;
    if (!options.cwd.empty()) text += "cd " + shell_quoted(options.cwd) + " && ";
    for (const auto& [name, value] : options.env) {
        if (value) text += name + "=" + shell_quoted(*value) + " ";
    }
    text += shell_quoted(options.program);
    for (const auto& arg : options.args)
        text += " " + shell_quoted(arg);
    return text;
}

std::vector<std::string> child_environment(const RunOptions& options) {
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        std::string text = *entry;
        std::string name = text.substr(0, text.find('='));
        if (options.clear_covet_env && name.rfind("COVET_", 0) == 0) continue;
        if (options.env.count(name) != 0) continue;
        env.push_back(text);
    }
    for (const auto& [name, value] : options.env) {
        if (value) env.push_back(name + "=" + *value);
    }
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings)
        pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

void write_all(int fd, const char* text) {
    ssize_t ignored = write(fd, text, std::strlen(text));
    (void)ignored;
}

}  // namespace

std::string RunResult::describe() const {
    std::string text = "command: " + command + "\n";
    if (timed_out) text += "TIMED OUT and was killed\n";
    if (signal != 0) {
        text += "killed by signal " + std::to_string(signal) + "\n";
    } else {
        text += "exit code: " + std::to_string(exit_code) + "\n";
    }
    text += "stdout:\n" + out + (out.empty() || out.back() == '\n' ? "" : "\n");
    text += "stderr:\n" + err + (err.empty() || err.back() == '\n' ? "" : "\n");
    return text;
}

BackgroundProcess::BackgroundProcess(const RunOptions& options)
    : options_(options), started_(std::chrono::steady_clock::now()) {
    result_.command = command_line(options);

    std::vector<std::string> argv_strings{options.program};
    argv_strings.insert(argv_strings.end(), options.args.begin(), options.args.end());
    std::vector<std::string> env_strings = child_environment(options);
    std::vector<char*> argv = c_strings(argv_strings);
    std::vector<char*> envp = c_strings(env_strings);

    int out_pipe[2];
    int err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
    }
    const std::string input = options.stdin_file.empty() ? "/dev/null" : options.stdin_file;
    int null_fd = open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (null_fd < 0) throw std::runtime_error("cannot open " + input + ": " + std::strerror(errno));
    const char* cwd = options.cwd.empty() ? nullptr : options.cwd.c_str();

    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    if (pid_ == 0) {
        // Only async-signal-safe calls between fork and exec.
        dup2(null_fd, STDIN_FILENO);
        dup2(out_pipe[1], STDOUT_FILENO);
        dup2(err_pipe[1], STDERR_FILENO);
        if (cwd != nullptr && chdir(cwd) != 0) {
            write_all(STDERR_FILENO, "run_covet: chdir failed\n");
            _exit(127);
        }
        execve(argv[0], argv.data(), envp.data());
        write_all(STDERR_FILENO, "run_covet: execve failed\n");
        _exit(127);
    }
    close(null_fd);
    close(out_pipe[1]);
    close(err_pipe[1]);
    out_fd_ = out_pipe[0];
    err_fd_ = err_pipe[0];
    fcntl(out_fd_, F_SETFL, O_NONBLOCK);
    fcntl(err_fd_, F_SETFL, O_NONBLOCK);
}

BackgroundProcess::~BackgroundProcess() {
    if (!exited_) {
        kill(pid_, SIGKILL);
        reap(true);
    }
    if (out_fd_ >= 0) close(out_fd_);
    if (err_fd_ >= 0) close(err_fd_);
}

void BackgroundProcess::pump(int poll_ms) {
    pollfd fds[2];
    int count = 0;
    if (out_fd_ >= 0) fds[count++] = {out_fd_, POLLIN, 0};
    if (err_fd_ >= 0) fds[count++] = {err_fd_, POLLIN, 0};
    if (count == 0) {
        if (poll_ms > 0) poll(nullptr, 0, poll_ms);
        return;
    }
    if (poll(fds, count, poll_ms) <= 0) return;
    for (int i = 0; i < count; ++i) {
        if (fds[i].revents == 0) continue;
        int& fd = fds[i].fd == out_fd_ ? out_fd_ : err_fd_;
        std::string& sink = fds[i].fd == out_fd_ ? result_.out : result_.err;
        char buffer[65536];
        while (true) {
            ssize_t n = read(fd, buffer, sizeof buffer);
            if (n > 0) {
                sink.append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) break;
            close(fd);
            fd = -1;
            break;
        }
    }
}

bool BackgroundProcess::reap(bool block) {
    if (exited_) return true;
    int status = 0;
    pid_t r = waitpid(pid_, &status, block ? 0 : WNOHANG);
    if (r != pid_) return false;
    exited_ = true;
    if (WIFEXITED(status)) {
        result_.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result_.signal = WTERMSIG(status);
    }
    return true;
}

bool BackgroundProcess::running() {
    pump(0);
    return !reap(false);
}

bool BackgroundProcess::wait_for_stdout(const std::string& needle,
                                        std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (result_.out.find(needle) == std::string::npos) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        pump(20);
        if (reap(false) && out_fd_ < 0) return result_.out.find(needle) != std::string::npos;
    }
    return true;
}

void BackgroundProcess::kill_now() {
    if (!exited_) kill(pid_, SIGKILL);
}

RunResult BackgroundProcess::wait() {
    auto deadline = started_ + options_.timeout;
    std::optional<std::chrono::steady_clock::time_point> exited_at;
    while (true) {
        auto now = std::chrono::steady_clock::now();
        if (!exited_ && now >= deadline) {
            result_.timed_out = true;
            kill(pid_, SIGKILL);
        }
        pump(50);
        if (reap(false) && !exited_at) exited_at = std::chrono::steady_clock::now();
        if (exited_ && out_fd_ < 0 && err_fd_ < 0) break;
        // A grandchild holding the pipes open must not hang the test.
        if (exited_at && std::chrono::steady_clock::now() - *exited_at > std::chrono::seconds(2)) {
            break;
        }
    }
    return result_;
}

RunResult run_process(const RunOptions& options) {
    BackgroundProcess process(options);
    return process.wait();
}

}  // namespace covet_test
