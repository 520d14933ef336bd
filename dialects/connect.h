// A database URL to a live connection or a dialect, through the back-end
// registry (registry.h).
#pragma once

#include <memory>

#include "covet/connection.h"
#include "covet/database_url.h"

namespace covet {

// Opens a live connection. Throws ConnectionError (never showing the password).
std::unique_ptr<Connection> connect_database(const DatabaseUrl& url);

// The dialect of a URL, without connecting (sqlmigrate prints SQL offline).
std::unique_ptr<Dialect> dialect_for_url(const DatabaseUrl& url);

}  // namespace covet
