#include "postgres/postgres_value_codec.h"

#include "covet/value_text.h"
#include "schema/sql_literals.h"

namespace covet {

namespace {

// pg_type OIDs of the typed kinds (PostgreSQL's catalog, stable across versions).
constexpr unsigned int kNumericOid = 1700;
constexpr unsigned int kDateOid = 1082;
constexpr unsigned int kTimeOid = 1083;
constexpr unsigned int kTimestampOid = 1114;
constexpr unsigned int kTimestamptzOid = 1184;
constexpr unsigned int kUuidOid = 2950;
constexpr unsigned int kJsonOid = 114;
constexpr unsigned int kJsonbOid = 3802;

}  // namespace

std::optional<std::string> postgres_param_text(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Decimal:
            return value.as_decimal().to_string();
        case Value::Kind::Date:
            return value.as_date().to_string();
        case Value::Kind::Time:
            return value.as_time().to_string();
        case Value::Kind::DateTime:
            return value.as_datetime().to_string() + "+00";
        case Value::Kind::Uuid:
            return value.as_uuid().to_string();
        case Value::Kind::Json:
            return value.as_json().text();
        default:
            return std::nullopt;
    }
}

std::string postgres_typed_literal(const Value& value) {
    if (value.kind() == Value::Kind::Decimal) return value.as_decimal().to_string();
    return quote_string(postgres_param_text(value).value_or(value.to_string()), false);
}

Value::Kind postgres_oid_kind(unsigned int oid) {
    switch (oid) {
        case kNumericOid:
            return Value::Kind::Decimal;
        case kDateOid:
            return Value::Kind::Date;
        case kTimeOid:
            return Value::Kind::Time;
        case kTimestampOid:
        case kTimestamptzOid:
            return Value::Kind::DateTime;
        case kUuidOid:
            return Value::Kind::Uuid;
        case kJsonOid:
        case kJsonbOid:
            return Value::Kind::Json;
        default:
            return Value::Kind::Text;
    }
}

Value postgres_typed_value(Value::Kind kind, std::string_view text) {
    if (kind == Value::Kind::Text) return std::string(text);
    return value_from_text_or_text(kind, text);
}

}  // namespace covet
