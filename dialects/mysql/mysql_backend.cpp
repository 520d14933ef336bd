#include "mysql/mysql_backend.h"

#include "driver_loader.h"
#include "mysql/mysql_dialect.h"

namespace covet {

Backend make_mysql_backend() {
    Backend backend;
    backend.name = "mysql";
    backend.aliases = {"mariadb"};
    backend.url_schemes = {"mysql", "mariadb"};
    backend.make_dialect = [] { return std::make_unique<MysqlDialect>(); };
    // Connector/C++ lives in a driver module, loaded only when a URL asks for it.
    backend.connect = [](const DatabaseUrl& url) {
        return connect_through_driver("covet_mysql", "MySQL/MariaDB", url);
    };
    return backend;
}

}  // namespace covet
