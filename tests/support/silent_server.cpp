#include "silent_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace covet::test {

namespace {

[[noreturn]] void fail(const char* what) {
    throw std::runtime_error(std::string("silent server: ") + what + ": " + std::strerror(errno));
}

}  // namespace

SilentServer::SilentServer() {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0) fail("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) fail("bind");
    socklen_t length = sizeof addr;
    if (::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &length) != 0)
        fail("getsockname");
    port_ = ntohs(addr.sin_port);
    if (::listen(listen_fd_, 16) != 0) fail("listen");
    if (::pipe2(wake_pipe_, O_CLOEXEC) != 0) fail("pipe");
    thread_ = std::thread([this] { serve(); });
}

SilentServer::~SilentServer() {
    char stop = 'x';
    ssize_t ignored = ::write(wake_pipe_[1], &stop, 1);
    (void)ignored;
    thread_.join();
    for (int fd : connections_)
        ::close(fd);
    ::close(listen_fd_);
    ::close(wake_pipe_[0]);
    ::close(wake_pipe_[1]);
}

void SilentServer::serve() {
    for (;;) {
        pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            return;
        }
        if (fds[1].revents != 0) return;
        int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        connections_.push_back(fd);  // held open; nothing is ever written
        accepted_.fetch_add(1);
    }
}

bool SilentServer::wait_for_connections(int count, std::chrono::milliseconds timeout) const {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (accepted_.load() < count) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

}  // namespace covet::test
