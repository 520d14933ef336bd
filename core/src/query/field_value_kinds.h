// What value_from_db and value_for_db share: which fields hold integers,
// and (schema/typed_kind.h) the typed kinds and the conversions to them
// that both directions accept.
#pragma once

#include "covet/field.h"
#include "schema/typed_kind.h"

namespace covet {

inline bool is_integer_field(FieldType type) {
    return type == FieldType::AutoField || type == FieldType::BigAutoField ||
           type == FieldType::IntegerField || type == FieldType::BigIntegerField ||
           type == FieldType::SmallIntegerField;
}

}  // namespace covet
