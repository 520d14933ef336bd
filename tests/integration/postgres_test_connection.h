// PostgresConnection for the PostgreSQL connection tests: to a URL, to a
// fresh database of the test server, or with another password.
#pragma once

#include <memory>
#include <string>

#include "covet/database_url.h"
#include "postgres/postgres_connection.h"
#include "test_servers.h"

namespace covet::test::on_postgres {

inline std::unique_ptr<PostgresConnection> connect(const std::string& url) {
    return std::make_unique<PostgresConnection>(parse_database_url(url));
}

inline std::unique_ptr<PostgresConnection> fresh() {
    return connect(fresh_database_url("postgresql"));
}

// The URL of the test server with its password replaced.
inline std::string with_password(const std::string& url, const std::string& password) {
    DatabaseUrl parsed = parse_database_url(url);
    return "postgresql://" + parsed.user + ":" + password + "@" + parsed.host + ":" + parsed.port +
           "/" + parsed.database;
}

}  // namespace covet::test::on_postgres
