// Values crossing between a field and the database: what a driver hands
// back becomes the field's kind (a Bool for a BooleanField read as 0/1, a
// Uuid from the text of a char(32) column, ...), and what a user gives
// (text for a DateTimeField, an int for a BooleanField) becomes the value
// bound for the column.
#pragma once

#include <optional>

#include "covet/field.h"
#include "covet/value.h"

namespace covet {

// The driver's value of `field`'s column as the field's kind.
Value value_from_db(const Field& field, Value raw);
// The kind of driver value that value_from_db gives back untouched (as
// NULL), so that a reader may skip the call; nullopt when none is.
std::optional<Value::Kind> kind_kept_from_db(const Field& field);
// A value given for `field` as the kind bound for its column; throws
// ValidationError when it cannot be one (text that is no date, ...).
Value value_for_db(const Field& field, Value given);
// A value as written into `field`'s column by an INSERT or UPDATE: a
// DecimalField's decimal rounded to its decimal_places (Django's
// get_db_prep_save, half to even), anything else as it is. Lookups compare
// with the value as given, as Django's do.
inline Value value_for_save(const Field& field, Value value);

Value decimal_for_save(const Field& field, const Value& value);

inline Value value_for_save(const Field& field, Value value) {
    if (field.type != FieldType::DecimalField || value.kind() != Value::Kind::Decimal) return value;
    return decimal_for_save(field, value);
}

}  // namespace covet
