// A PostgreSQL database URL as libpq connection keywords, and where it
// points, for messages (never with the password).
#pragma once

#include <string>

#include "covet/database_url.h"

namespace covet {

// URL parameters are libpq keywords; any other is a usage error, found before connecting.
void check_url_parameters(const DatabaseUrl& url);
// The conninfo string for `url` (it holds the password: never show it).
std::string build_conninfo(const DatabaseUrl& url, const std::string& application_name);
// "host:port, database 'name'" (or the socket directory).
std::string location(const DatabaseUrl& url);

}  // namespace covet
