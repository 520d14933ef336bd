// Entry points of the covet_mysql driver module (see driver_module.h).
#include "driver_module.h"
#include "mysql/mysql_connection.h"

COVET_DRIVER_EXPORT const char* covet_driver_version() {
    return COVET_VERSION;
}

COVET_DRIVER_EXPORT covet::Connection* covet_driver_connect(const covet::DatabaseUrl& url) {
    return new covet::MysqlConnection(url);
}
