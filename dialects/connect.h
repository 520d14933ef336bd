// The one place that maps a database URL to a back end. Adding a back end
// means a folder under dialects/ and a line here; core/ does not change.
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
