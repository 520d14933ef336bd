#include "covet/value_text.h"

#include "covet/error.h"

namespace covet {

Value value_from_text(Value::Kind kind, std::string_view text) {
    switch (kind) {
        case Value::Kind::Decimal:
            return Decimal::parse(text);
        case Value::Kind::Date:
            return Date::parse(text);
        case Value::Kind::Time:
            return Time::parse(text);
        case Value::Kind::DateTime:
            return DateTime::parse(text);
        case Value::Kind::Uuid:
            return Uuid::parse(text);
        case Value::Kind::Json:
            return Json::parse(text);
        case Value::Kind::Text:
            return std::string(text);
        default:
            throw ValueError(
                "only decimals, dates, times, datetimes, UUIDs and JSON are read from text");
    }
}

Value value_from_text_or_text(Value::Kind kind, std::string_view text) {
    try {
        return value_from_text(kind, text);
    } catch (const ValueError&) {
        return std::string(text);
    }
}

std::optional<std::string> typed_value_text(const Value& value, TypedTextForm form) {
    switch (value.kind()) {
        case Value::Kind::Decimal:
            return value.as_decimal().to_string();
        case Value::Kind::Date:
            return value.as_date().to_string();
        case Value::Kind::Time:
            return value.as_time().to_string();
        case Value::Kind::DateTime:
            return value.as_datetime().to_string() + form.datetime_suffix;
        case Value::Kind::Uuid:
            return form.uuid_as_hex ? value.as_uuid().hex() : value.as_uuid().to_string();
        case Value::Kind::Json:
            return value.as_json().text();
        default:
            return std::nullopt;
    }
}

}  // namespace covet
