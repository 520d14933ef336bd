// What value_from_db and value_for_db share: which fields hold which kind,
// and the conversions to the typed kinds that both directions accept.
#pragma once

#include <optional>

#include "covet/field.h"
#include "covet/value.h"

namespace covet {

bool is_integer_field(FieldType type);
// Date, Time, DateTime, Uuid or Json for those fields; nullopt for the others.
std::optional<Value::Kind> typed_kind_of(FieldType type);

// `value` as `kind` (one of typed_kind_of's): text read in that kind (blanks
// around it ignored, a JSON document as written), a DateTime's date or time,
// a Date as its midnight, UUID(int=n) and 16 bytes for a UUID, numbers and
// booleans as JSON scalars. Throws ValueError saying why it cannot.
Value typed_of(Value::Kind kind, const Value& value);

}  // namespace covet
