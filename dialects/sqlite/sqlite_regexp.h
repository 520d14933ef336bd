// SQLite has the REGEXP operator but no function behind it: covet registers
// one on every connection, so the regex and iregex lookups work there as on
// the other back ends (SPEC.md §7: case-sensitive regex everywhere).
//
//   x REGEXP pattern            calls regexp(pattern, x): case-sensitive
//   covet_iregexp(pattern, x)   the same, ignoring case (the iregex lookup)
//
// Both search (a match anywhere, as Python's re.search and PostgreSQL's ~)
// with ECMAScript std::regex, compile each pattern once per statement, and
// give NULL when either argument is NULL. An invalid pattern fails the
// statement with "invalid regular expression ...". Case is ignored for
// ASCII letters only (std::regex compares bytes).
#pragma once

struct sqlite3;

namespace covet {

// Returns SQLite's result code (SQLITE_OK when both are registered).
int register_regexp_functions(sqlite3* db);

}  // namespace covet
