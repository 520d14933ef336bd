#include "registry.h"

#include "mysql/mysql_backend.h"
#include "postgres/postgres_backend.h"
#include "sqlite/sqlite_backend.h"

namespace covet {

namespace {

BackendRegistry make_registry() {
    BackendRegistry registry;
    // The order is the order messages list the back ends in.
    registry.add(make_sqlite_backend());
    registry.add(make_postgres_backend());
    registry.add(make_mysql_backend());
    return registry;
}

}  // namespace

const BackendRegistry& dialect_registry() {
    static const BackendRegistry registry = make_registry();
    return registry;
}

void install_dialect_registry() {
    install_backend_registry(dialect_registry());
}

}  // namespace covet
