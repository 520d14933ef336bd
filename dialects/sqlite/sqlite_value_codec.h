// Values to and from SQLite: binding parameters and reading columns.
#pragma once

#include <string>
#include <vector>

#include "covet/value.h"

struct sqlite3_stmt;

namespace covet {

// Binds params[i] to placeholder i + 1; returns the first SQLite error code
// (SQLITE_OK when all were bound).
int bind_values(sqlite3_stmt* stmt, const std::vector<Value>& params);

// The value of column i of the current row.
Value column_value(sqlite3_stmt* stmt, int i);

}  // namespace covet
