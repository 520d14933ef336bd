#include "pty_session.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

extern char** environ;

namespace covet_test {

namespace {

std::vector<std::string> environment_of(const RunOptions& options) {
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        std::string text = *entry;
        std::string name = text.substr(0, text.find('='));
        if (options.clear_covet_env && name.rfind("COVET_", 0) == 0) continue;
        if (options.env.count(name) != 0) continue;
        env.push_back(text);
    }
    for (const auto& [name, value] : options.env)
        if (value) env.push_back(name + "=" + *value);
    return env;
}

// Terminal output as a reader sees it: escape sequences and carriage returns
// dropped, backspaces applied.
void append_plain(std::string& text, const std::string& raw, std::size_t& escape_state) {
    for (char c : raw) {
        if (escape_state == 1) {  // after ESC
            escape_state = c == '[' ? 2 : 0;
            continue;
        }
        if (escape_state == 2) {  // inside CSI until its final byte
            if (c >= 0x40 && c <= 0x7e) escape_state = 0;
            continue;
        }
        if (c == '\x1b') {
            escape_state = 1;
        } else if (c == '\b') {
            if (!text.empty() && text.back() != '\n') text.pop_back();
        } else if (c != '\r' && c != '\a') {
            text += c;
        }
    }
}

}  // namespace

PtySession::PtySession(const RunOptions& options, int rows, int columns) {
    std::vector<std::string> args{options.program};
    args.insert(args.end(), options.args.begin(), options.args.end());
    std::vector<std::string> env = environment_of(options);
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (auto& entry : env)
        envp.push_back(entry.data());
    envp.push_back(nullptr);
    winsize size{};
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(columns);
    pid_ = forkpty(&fd_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error(std::string("forkpty: ") + std::strerror(errno));
    if (pid_ == 0) {
        if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(127);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    fcntl(fd_, F_SETFL, O_NONBLOCK);
}

PtySession::~PtySession() {
    if (!exited_) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    if (fd_ >= 0) close(fd_);
}

void PtySession::send(const std::string& keys) {
    std::size_t written = 0;
    while (written < keys.size()) {
        ssize_t n = write(fd_, keys.data() + written, keys.size() - written);
        if (n < 0 && errno == EAGAIN) {
            pump(10);
            continue;
        }
        if (n <= 0) return;
        written += static_cast<std::size_t>(n);
    }
}

// Reads what is there; false once the terminal is closed (the program ended).
bool PtySession::pump(int poll_ms) {
    pollfd fds{fd_, POLLIN, 0};
    if (poll(&fds, 1, poll_ms) <= 0) return true;
    char buffer[4096];
    while (true) {
        ssize_t n = read(fd_, buffer, sizeof buffer);
        if (n > 0) {
            std::string chunk(buffer, static_cast<std::size_t>(n));
            raw_ += chunk;
            append_plain(text_, chunk, escape_state_);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) return true;
        return false;  // EIO: the child side closed
    }
}

bool PtySession::wait_for(const std::string& needle, std::size_t from,
                          std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (text_.find(needle, from) == std::string::npos) {
        if (std::chrono::steady_clock::now() >= deadline || !pump(20)) {
            if (text_.find(needle, from) != std::string::npos) return true;
            // For the failing CHECK: what the screen showed instead.
            UNSCOPED_INFO("waited for: " << needle << "\nthe terminal showed:\n" << text_);
            return false;
        }
    }
    return true;
}

int PtySession::wait_exit(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!exited_) {
        pump(20);
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            exited_ = true;
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        } else if (std::chrono::steady_clock::now() >= deadline) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
            exited_ = true;
        }
    }
    return exit_code_;
}

}  // namespace covet_test
