// Runs one statement a schema editor compiled: plain SQL, or a query marked
// as a guard or as a source of statements (covet/schema_editor.h).
#pragma once

#include <string>

#include "covet/connection.h"

namespace covet {

// Throws MigrationError with the guard's message when a guard returns a row.
void run_schema_statement(Connection& connection, const std::string& sql);

}  // namespace covet
