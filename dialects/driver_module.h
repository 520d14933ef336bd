// The contract between covet and a back end's driver module.
//
// PostgreSQL and MySQL/MariaDB connections live in shared modules
// (covet_postgres.so, covet_mysql.so) that covet loads the first time a URL
// needs them. Their client libraries (libpq with Kerberos, LDAP and GnuTLS;
// Connector/C++ with libmariadb) took about 13 ms to map and relocate at
// every start, which SQLite users paid for nothing. SQLite stays built in.
//
// A module exports two C functions and nothing else (see driver_module.map):
// its covet version, checked before use so a stale install is refused, and
// a factory for its Connection.
#pragma once

#include "covet/connection.h"
#include "covet/database_url.h"

#define COVET_DRIVER_EXPORT extern "C" __attribute__((visibility("default")))

namespace covet::driver_module {

inline constexpr const char* kVersionSymbol = "covet_driver_version";
inline constexpr const char* kConnectSymbol = "covet_driver_connect";

// Returns COVET_VERSION as the module was built.
using VersionFunction = const char* (*)();
// Returns a new connection owned by the caller; throws covet errors.
using ConnectFunction = Connection* (*)(const DatabaseUrl& url);

}  // namespace covet::driver_module
