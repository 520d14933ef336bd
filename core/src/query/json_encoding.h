// Values as JSON, in the encoding of SPEC.md §6 (the shell's --format json,
// Record::to_json/from_json, NamedRow::to_json): integers and floats as
// numbers, a Decimal as its string, datetimes YYYY-MM-DDTHH:MM:SS[.ffffff],
// dates YYYY-MM-DD, times HH:MM:SS[.ffffff], a UUID as its 32 hex digits, a
// JSON document embedded, bytes as base64, NULL as null.
//
//   nlohmann::json j = json_of(value);              // value as read (value_from_db first)
//   nlohmann::json j = json_of(field, raw);         // a driver's value of field's column
//   Value v = value_of_json(field, j);              // back, as bound for the column
//
// Text is kept as it is: dump with nlohmann::json::error_handler_t::replace
// where a column may hold text that is not UTF-8.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "covet/field.h"
#include "covet/value.h"

namespace covet {

// The JSON of a value by its kind (a Bool read as 0/1 stays a number here:
// use the field's overload, or value_from_db, for a driver's raw value).
// NaN and infinities, which JSON cannot say, become null.
nlohmann::json json_of(const Value& value);
// json_of(value).dump() (NaN as null, text not UTF-8 replaced) appended to
// `out`, without building the JSON value for the common kinds: the shell
// writes every row of a queryset through it.
void append_json(std::string& out, const Value& value);
// The text as a JSON string (json_quote) appended to `out`.
void append_json_string(std::string& out, const std::string& text);
// json_of(value_from_db(field, raw)).
nlohmann::json json_of(const Field& field, const Value& raw);

// A JSON value given for `field`, as value_for_db makes it: strings read as
// the field's kind (Decimal, date, datetime, UUID, base64 bytes for a
// BinaryField), a JSONField takes any JSON (null is SQL NULL). Throws
// ValidationError naming the field when the JSON cannot be its value.
Value value_of_json(const Field& field, const nlohmann::json& json);

}  // namespace covet
