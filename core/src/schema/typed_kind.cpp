// A field's typed kind and values read as it: shared by the ORM's value
// conversions (query/field_value*.cpp) and Field::typed_default().
#include "schema/typed_kind.h"

#include <algorithm>

#include "covet/error.h"
#include "covet/value_text.h"
#include "schema/text_formats.h"
#include "value/uuid_integer.h"

namespace covet {

namespace {

Value uuid_of(const Value& value) {
    if (value.kind() == Value::Kind::Int) return uuid_of_integer(value.as_int());
    if (value.kind() == Value::Kind::Blob && value.as_blob().data.size() == 16) {
        Uuid::Bytes16 bytes{};
        std::copy(value.as_blob().data.begin(), value.as_blob().data.end(), bytes.begin());
        return Uuid(bytes);
    }
    throw ValueError(value.to_string() + " is not a valid UUID");
}

Value json_of_scalar(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Bool:
            return Json::parse(value.as_bool() ? "true" : "false");
        case Value::Kind::Int:
        case Value::Kind::Float:  // nan and inf are no JSON: parse refuses them
        case Value::Kind::Decimal:
            return Json::parse(value.to_string());
        default:
            throw ValueError(value.to_string() + " is not a JSON value");
    }
}

}  // namespace

std::optional<Value::Kind> typed_kind_of(FieldType type) {
    switch (type) {
        case FieldType::DateField:
            return Value::Kind::Date;
        case FieldType::TimeField:
            return Value::Kind::Time;
        case FieldType::DateTimeField:
            return Value::Kind::DateTime;
        case FieldType::UUIDField:
            return Value::Kind::Uuid;
        case FieldType::JSONField:
            return Value::Kind::Json;
        default:
            return std::nullopt;
    }
}

Value typed_of(Value::Kind kind, const Value& value) {
    if (value.kind() == kind) return value;
    if (value.kind() == Value::Kind::Text) {
        const std::string& text = value.as_text();
        return value_from_text(kind, kind == Value::Kind::Json ? text : trimmed(text));
    }
    switch (kind) {
        case Value::Kind::Date:
            if (value.kind() == Value::Kind::DateTime) return value.as_datetime().date();
            break;
        case Value::Kind::Time:
            if (value.kind() == Value::Kind::DateTime) return value.as_datetime().time();
            break;
        case Value::Kind::DateTime:
            if (value.kind() == Value::Kind::Date) return DateTime(value.as_date(), Time());
            break;
        case Value::Kind::Uuid:
            return uuid_of(value);
        case Value::Kind::Json:
            return json_of_scalar(value);
        default:
            break;
    }
    throw ValueError(value.to_string() + " cannot be read as the field's type");
}

}  // namespace covet
