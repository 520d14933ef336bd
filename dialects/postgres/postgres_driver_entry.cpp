// Entry points of the covet_postgres driver module (see driver_module.h).
#include "driver_module.h"
#include "postgres/postgres_connection.h"

COVET_DRIVER_EXPORT const char* covet_driver_version() {
    return COVET_VERSION;
}

COVET_DRIVER_EXPORT covet::Connection* covet_driver_connect(const covet::DatabaseUrl& url) {
    return new covet::PostgresConnection(url);
}
