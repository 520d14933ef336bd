// The kinds a field's values are typed as beyond numbers and text (a Date
// for a DateField, a Uuid for a UUIDField, ...), and values read as them:
// what the ORM's conversions and Field::typed_default() share.
#pragma once

#include <optional>

#include "covet/field.h"
#include "covet/value.h"

namespace covet {

// Date, Time, DateTime, Uuid or Json for those fields; nullopt for the others.
std::optional<Value::Kind> typed_kind_of(FieldType type);

// `value` as `kind` (one of typed_kind_of's): text read in that kind (blanks
// around it ignored, a JSON document as written), a DateTime's date or time,
// a Date as its midnight, UUID(int=n) and 16 bytes for a UUID, numbers and
// booleans as JSON scalars. Throws ValueError saying why it cannot.
Value typed_of(Value::Kind kind, const Value& value);

}  // namespace covet
