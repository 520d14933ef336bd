#include "connect.h"

#include "covet/error.h"
#include "driver_loader.h"
#include "mysql/mysql_dialect.h"
#include "postgres/postgres_dialect.h"
#include "sqlite/sqlite_connection.h"
#include "sqlite/sqlite_dialect.h"

namespace covet {

std::unique_ptr<Connection> connect_database(const DatabaseUrl& url) {
    if (url.scheme == "sqlite") return std::make_unique<SqliteConnection>(url);
    if (url.scheme == "postgresql")
        return connect_through_driver("covet_postgres", "PostgreSQL", url);
    if (url.scheme == "mysql") return connect_through_driver("covet_mysql", "MySQL/MariaDB", url);
    throw UsageError("unknown database scheme '" + url.scheme + "'");
}

std::unique_ptr<Dialect> dialect_for_url(const DatabaseUrl& url) {
    if (url.scheme == "postgresql") return std::make_unique<PostgresDialect>();
    if (url.scheme == "mysql") return std::make_unique<MysqlDialect>();
    return std::make_unique<SqliteDialect>();
}

}  // namespace covet
