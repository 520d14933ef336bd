// Server-side kills for the pool tests: a session's id, ended from another
// connection (pg_terminate_backend, MariaDB KILL) and waited for until the
// server no longer lists it. SQLite has no server: has_sessions() is false.
#pragma once

#include <chrono>
#include <string>
#include <thread>

#include "covet/database.h"
#include "covet/error.h"

namespace covet::test {

inline bool has_sessions(const std::string& backend) {
    return backend != "sqlite";
}

inline std::int64_t session_id(const std::string& backend, Connection& connection) {
    const char* sql =
        backend == "postgresql" ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()";
    return connection.query(sql).rows.at(0).at(0).as_int();
}

// Ends session `id` from `admin` and returns once the server has let it go.
inline void kill_session(const std::string& backend, Connection& admin, std::int64_t id) {
    if (backend == "postgresql")
        admin.query("SELECT pg_terminate_backend($1)", {Value(id)});
    else
        admin.execute("KILL " + std::to_string(id));
    const char* listed = backend == "postgresql"
                             ? "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = $1"
                             : "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (admin.query(listed, {Value(id)}).rows.at(0).at(0).as_int() != 0) {
        if (std::chrono::steady_clock::now() > deadline)
            throw Error("session " + std::to_string(id) + " was still listed 10 s after the kill");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace covet::test
