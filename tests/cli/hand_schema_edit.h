// Changes to a live schema made by hand, behind covet's back, as a DBA would:
// what `covet check` must then report as drift.
#pragma once

#include <string>

#include "covet/connection.h"

namespace covet_test {

// SQLite alters little in place: the table is re-created from its own
// CREATE TABLE text with `from` replaced by `to` (which must occur), the
// old one dropped and the new one renamed, and its indexes made again.
// The table must be empty and referenced by no other table.
void rewrite_sqlite_table(covet::Connection& connection, const std::string& table,
                          const std::string& from, const std::string& to);

}  // namespace covet_test
