// Values to and from PostgreSQL: parameters sent as text, columns read by type.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "covet/value.h"

namespace pqxx {
class field;
}  // namespace pqxx

namespace covet {

// The text form of each parameter (nullopt: SQL NULL). Throws
// DatabaseError naming the parameter for a value PostgreSQL cannot take.
std::vector<std::optional<std::string>> parameter_texts(const std::vector<Value>& params,
                                                        const std::string& sql);

// Pointers into `texts` as libpq takes them (null for NULL).
std::vector<const char*> parameter_pointers(const std::vector<std::optional<std::string>>& texts);

// The value of one result field.
Value field_value(const pqxx::field& f);

}  // namespace covet
