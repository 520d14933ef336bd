// The covet side of the Django same-database test: the migration whose
// tables Django's models describe (tests/django/django_same_database.py),
// covet's reading of every row in the JSON encoding of SPEC.md §6, and the
// rows covet writes for Django to read.
#pragma once

#include <nlohmann/json.hpp>

#include "orm_harness.h"

namespace covet::test {

extern const char* const kDjangoSchema;

// {"Author": [...], "Item": [...]}: every row by primary key, keyed by
// column attribute name (author_id), as covet's QuerySet reads it.
nlohmann::json covet_dump(OrmHarness& o);
// The same through a plain SELECT and value_from_db.
nlohmann::json covet_dump_raw(OrmHarness& o);

// One author and two items saved as Records, from values as a user gives
// them (text for a date, 1 for a boolean, a hyphenated upper-case UUID, ...).
void covet_write_fixture(OrmHarness& o);
// What covet_write_fixture means to store, in the JSON encoding (without
// the keys): {"Author": [one], "Item": [two]}, written out by hand.
extern const char* const kCovetFixtureJson;

}  // namespace covet::test
