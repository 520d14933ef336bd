#include "sqlite/sqlite_backend.h"

#include "sqlite/sqlite_connection.h"
#include "sqlite/sqlite_dialect.h"

namespace covet {

Backend make_sqlite_backend() {
    Backend backend;
    backend.name = "sqlite";
    backend.url_schemes = {"sqlite", "sqlite3"};
    backend.file_database = true;
    backend.memory_urls = {"sqlite::memory:", "sqlite://:memory:"};
    backend.make_dialect = [] { return std::make_unique<SqliteDialect>(); };
    // Connected directly: SQLite is linked into covet itself.
    backend.connect = [](const DatabaseUrl& url) -> std::unique_ptr<Connection> {
        return std::make_unique<SqliteConnection>(url);
    };
    return backend;
}

}  // namespace covet
