#include "connect.h"

#include "covet/error.h"
#include "mysql/mysql_connection.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_connection.h"
#include "postgres/postgres_dialect.h"
#include "sqlite/sqlite_connection.h"
#include "sqlite/sqlite_dialect.h"

namespace covet {

std::unique_ptr<Connection> connect_database(const DatabaseUrl& url) {
    if (url.scheme == "sqlite") return std::make_unique<SqliteConnection>(url);
    if (url.scheme == "postgresql") return std::make_unique<PostgresConnection>(url);
    if (url.scheme == "mysql") return std::make_unique<MysqlConnection>(url);
    // Live PostgreSQL and MySQL connections are issue 4; their DDL already works offline.
    throw ConnectionError(
        "live " + std::string(url.scheme == "mysql" ? "MySQL/MariaDB" : "PostgreSQL") +
        " connections are not available in this build yet (database '" + url.database +
        "' on host '" + url.host + "'); `covet sqlmigrate` prints their SQL without connecting");
}

std::unique_ptr<Dialect> dialect_for_url(const DatabaseUrl& url) {
    if (url.scheme == "postgresql") return std::make_unique<PostgresDialect>();
    if (url.scheme == "mysql") return std::make_unique<MysqlDialect>();
    return std::make_unique<SqliteDialect>();
}

}  // namespace covet
