#include "query/field_value.h"

namespace covet {

// Placeholder until the value conversions land (issue 9, helper C).
Value value_from_db(const Field&, Value raw) {
    return raw;
}
Value value_for_db(const Field&, Value given) {
    return given;
}

}  // namespace covet
