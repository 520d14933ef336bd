// Spotting statements that may change the schema, for the connections'
// prepared-statement caches.
#pragma once

#include <string>

namespace covet {

// Whether `sql` may create, alter, rename, drop or truncate tables: one of
// those words appears whole, in any case. A false alarm only costs
// re-preparing cached statements; a miss could run a statement prepared
// against the old row type, so the test is deliberately loose.
bool may_change_schema(const std::string& sql);

}  // namespace covet
