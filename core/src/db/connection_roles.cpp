// Asking a connection for a role it plays.
#include "covet/connection.h"
#include "covet/error.h"
#include "covet/introspector.h"
#include "covet/migration_lock.h"

namespace covet {

Introspector& introspector_of(Connection& connection) {
    if (Introspector* role = connection.introspector()) return *role;
    throw UsageError("this connection cannot describe the database's tables");
}

MigrationLock& migration_lock_of(Connection& connection) {
    if (MigrationLock* role = connection.migration_lock()) return *role;
    throw UsageError("this connection cannot take the migration lock");
}

}  // namespace covet
