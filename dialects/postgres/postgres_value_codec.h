// Typed values in PostgreSQL: numeric, date, time, timestamp and
// timestamptz, uuid, json and jsonb, bound and read as their text forms.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <vector>

#include "covet/value.h"

namespace pqxx {
class field;
}  // namespace pqxx

namespace covet {

// The text parameter of a typed value (a datetime carries "+00", so that a
// timestamptz reads it as UTC whatever the session's TimeZone); nullopt for
// the kinds the connection binds itself.
std::optional<std::string> postgres_param_text(const Value& value);

// The typed kind of a result column's type OID, or Text for any other type.
Value::Kind postgres_oid_kind(unsigned int oid);

// The server's text of a column of that kind as a typed value; values the
// kind cannot hold ('infinity', 'NaN', 24:00:00, BC dates) stay Text.
Value postgres_typed_value(Value::Kind kind, std::string_view text);

// The text form of each parameter (nullopt: SQL NULL). Throws
// DatabaseError naming the parameter for a value PostgreSQL cannot take.
std::vector<std::optional<std::string>> parameter_texts(const std::vector<Value>& params,
                                                        const std::string& sql);

// Pointers into `texts` as libpq takes them (null for NULL).
std::vector<const char*> parameter_pointers(const std::vector<std::optional<std::string>>& texts);

// The value of one result field.
Value field_value(const pqxx::field& f);

}  // namespace covet
