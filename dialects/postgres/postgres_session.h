// One libpqxx session of a PostgreSQL connection, with server notices kept
// quiet ("table does not exist, skipping" would go to stderr; library code
// never prints).
#pragma once

#include <pqxx/pqxx>

#include <string>

#include "postgres/postgres_connection.h"

namespace covet {

class QuietNotices final : public pqxx::errorhandler {
  public:
    explicit QuietNotices(pqxx::connection_base& connection) : pqxx::errorhandler(connection) {}
    bool operator()(const char*) noexcept override { return false; }
};

struct PostgresConnection::Session {
    explicit Session(const std::string& conninfo) : connection(conninfo), quiet(connection) {}
    pqxx::connection connection;
    QuietNotices quiet;
};

}  // namespace covet
