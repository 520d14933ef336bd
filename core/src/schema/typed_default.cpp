// A field's default in its typed kind. The written default stays on the
// field as written (its spelling is part of the checksum and of the DDL);
// this is the value it stands for, which the ORM stores and compares.
#include <algorithm>
#include <cmath>

#include "covet/error.h"
#include "covet/field.h"
#include "covet/value_text.h"
#include "schema/typed_default.h"
#include "value/uuid_integer.h"

namespace covet {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

std::optional<Value::Kind> typed_kind(FieldType type) {
    switch (type) {
        case FieldType::DecimalField:
            return Value::Kind::Decimal;
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

// A number written for a DecimalField (default=0, default=1.5), as its decimal
// digits: the shortest text that reads back as the float, as Python's repr.
Value decimal_of_number(const Value& value) {
    if (value.kind() == Value::Kind::Bool) return Decimal(value.as_bool() ? 1 : 0);
    if (value.kind() == Value::Kind::Int) return Decimal(value.as_int());
    if (!std::isfinite(value.as_double()))
        throw ValueError("a decimal default must be a finite number, not " + value.to_string());
    return Decimal::parse(value.to_string());
}

std::string json_scalar(const Value& value) {
    if (value.kind() == Value::Kind::Bool) return value.as_bool() ? "true" : "false";
    return value.to_string();  // a float that JSON cannot hold (nan, inf) fails to parse
}

Value typed(Value::Kind kind, const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Text:
            // A JSONField's text default is the document itself (a list or dict
            // literal becomes its JSON text), as the DDL writes it.
            return value_from_text(
                kind, kind == Value::Kind::Json ? value.as_text() : trimmed(value.as_text()));
        case Value::Kind::Int:
        case Value::Kind::Float:
        case Value::Kind::Bool:
            if (kind == Value::Kind::Decimal) return decimal_of_number(value);
            if (kind == Value::Kind::Json) return Json::parse(json_scalar(value));
            if (kind == Value::Kind::Uuid && value.kind() == Value::Kind::Int)
                return uuid_of_integer(value.as_int());
            break;
        case Value::Kind::Blob:
            if (kind == Value::Kind::Uuid && value.as_blob().data.size() == 16) {
                Uuid::Bytes16 bytes{};
                std::copy(value.as_blob().data.begin(), value.as_blob().data.end(), bytes.begin());
                return Uuid(bytes);
            }
            break;
        default:
            if (value.kind() == kind) return value;
            break;
    }
    throw ValueError(value.to_string() + " cannot be read as the field's type");
}

}  // namespace

std::optional<Value> Field::typed_default() const {
    if (!default_value) return std::nullopt;
    const auto kind = typed_kind(type);
    if (!kind || default_value->is_null()) return default_value;
    return typed(*kind, *default_value);
}

std::optional<std::string> typed_default_problem(const Field& field) {
    try {
        (void)field.typed_default();
        return std::nullopt;
    } catch (const ValueError& e) {
        return std::string(e.what());
    }
}

}  // namespace covet
