#include "postgres/postgres_backend.h"

#include "driver_loader.h"
#include "postgres/postgres_dialect.h"

namespace covet {

Backend make_postgres_backend() {
    Backend backend;
    backend.name = "postgresql";
    backend.aliases = {"postgres"};
    backend.url_schemes = {"postgresql", "postgres"};
    backend.make_dialect = [] { return std::make_unique<PostgresDialect>(); };
    // libpqxx lives in a driver module, loaded only when a URL asks for it.
    backend.connect = [](const DatabaseUrl& url) {
        return connect_through_driver("covet_postgres", "PostgreSQL", url);
    };
    return backend;
}

}  // namespace covet
