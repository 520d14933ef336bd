#include "sqlite/sqlite_value_codec.h"

#include <cstdio>

#include "covet/value_text.h"
#include "schema/sql_literals.h"
#include "util/text_case.h"

namespace covet {

std::optional<std::string> sqlite_stored_text(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Decimal:
            return value.as_decimal().to_string();
        case Value::Kind::Date:
            return value.as_date().to_string();
        case Value::Kind::Time:
            return value.as_time().to_string();
        case Value::Kind::DateTime:
            return value.as_datetime().to_string();
        case Value::Kind::Uuid:
            return value.as_uuid().hex();
        case Value::Kind::Json:
            return value.as_json().text();
        default:
            return std::nullopt;
    }
}

std::string sqlite_typed_literal(const Value& value) {
    if (value.kind() == Value::Kind::Decimal) return value.as_decimal().to_string();
    return quote_string(sqlite_stored_text(value).value_or(value.to_string()), false);
}

Value::Kind sqlite_declared_kind(const char* declared_type) {
    if (!declared_type) return Value::Kind::Text;  // an expression, not a column
    const std::string type = to_lower(declared_type);
    const std::string base = type.substr(0, type.find('('));
    if (base == "decimal") return Value::Kind::Decimal;
    if (base == "date") return Value::Kind::Date;
    if (base == "time") return Value::Kind::Time;
    if (base == "datetime" || base == "timestamp") return Value::Kind::DateTime;
    return Value::Kind::Text;
}

Value sqlite_typed_value(Value::Kind declared, Value stored) {
    if (declared == Value::Kind::Text) return stored;
    switch (stored.kind()) {
        case Value::Kind::Text:
            return value_from_text_or_text(declared, stored.as_text());
        case Value::Kind::Int:
            if (declared == Value::Kind::Decimal) return Decimal(stored.as_int());
            return stored;
        case Value::Kind::Float: {
            if (declared != Value::Kind::Decimal) return stored;
            // What the REAL holds to SQLite's own 15 digits (Django reads it so too).
            char digits[40];
            std::snprintf(digits, sizeof digits, "%.15g", stored.as_double());
            Value typed = value_from_text_or_text(Value::Kind::Decimal, digits);
            return typed.kind() == Value::Kind::Decimal ? typed : stored;  // not nan or inf
        }
        default:
            return stored;
    }
}

}  // namespace covet
