// Shared by the connection tests of both server dialects: timing, a loopback
// port nobody answers on, and lookups in what introspection returns.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "covet/introspection.h"

namespace covet::test {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A socket bound to a free loopback port, not listening: nothing answers there.
class LoopbackSocket {
  public:
    LoopbackSocket() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        socklen_t length = sizeof addr;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &length) == 0);
        port_ = ntohs(addr.sin_port);
    }
    ~LoopbackSocket() { close(); }
    LoopbackSocket(const LoopbackSocket&) = delete;
    LoopbackSocket& operator=(const LoopbackSocket&) = delete;
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    int port() const { return port_; }

  private:
    int fd_ = -1;
    int port_ = 0;
};

// A loopback port nobody listens on: bound once by us, then released.
inline int closed_port() {
    LoopbackSocket socket;
    return socket.port();
}

inline const IntrospectedIndex* find_index(const IntrospectedTable& t, const std::string& name) {
    for (const auto& i : t.indexes)
        if (i.name == name) return &i;
    return nullptr;
}

// Each column's name and type, in table order.
inline std::vector<std::pair<std::string, std::string>> column_types(const IntrospectedTable& t) {
    std::vector<std::pair<std::string, std::string>> types;
    for (const auto& c : t.columns)
        types.emplace_back(c.name, c.type);
    return types;
}

}  // namespace covet::test
