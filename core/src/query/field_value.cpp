// What a driver hands back, as the field's kind. Each back end gives its own
// shapes for the same field: a BooleanField is a bool on one and 0/1 on the
// others, a UUIDField a uuid or the 32 hex digits of a char(32), a JSONField
// a document or its text, a DecimalField a numeric, a REAL or text, and an
// expression column (an aggregate) has no declared type at all. A value the
// field's kind cannot hold comes back as the driver gave it: a column may
// hold what the type cannot ('infinity', zero dates, a loosely typed column).
#include <cmath>
#include <cstdio>

#include "covet/error.h"
#include "query/decimal_places.h"
#include "query/field_value.h"
#include "query/field_value_kinds.h"
#include "schema/number_text.h"

namespace covet {

namespace {

// The digits of an integral Decimal (a SUM over integers may be one).
std::optional<std::int64_t> integer_of_decimal(const Decimal& d) {
    std::string text = d.to_string();
    const auto point = text.find('.');
    if (point != std::string::npos) {
        if (text.find_first_not_of('0', point + 1) != std::string::npos) return std::nullopt;
        text.erase(point);
    }
    return integer_of_text(text);
}

Value integer_from_db(Value raw) {
    switch (raw.kind()) {
        case Value::Kind::Bool:
            return Value(std::int64_t{raw.as_bool() ? 1 : 0});
        case Value::Kind::Float: {
            const double d = raw.as_double();
            if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.2e18)
                return Value(static_cast<std::int64_t>(d));
            return raw;
        }
        case Value::Kind::Decimal:
            if (auto n = integer_of_decimal(raw.as_decimal())) return Value(*n);
            return raw;
        case Value::Kind::Text:
            if (auto n = integer_of_text(raw.as_text())) return Value(*n);
            return raw;
        default:
            return raw;
    }
}

Value float_from_db(Value raw) {
    switch (raw.kind()) {
        case Value::Kind::Int:
            return Value(static_cast<double>(raw.as_int()));
        case Value::Kind::Decimal:
            return Value(std::strtod(raw.as_decimal().to_string().c_str(), nullptr));
        case Value::Kind::Text:
            if (auto d = double_of_text(raw.as_text())) return Value(*d);
            return raw;
        default:
            return raw;
    }
}

// The decimal a driver's value stands for, before the field's places.
std::optional<Decimal> decimal_of(const Value& raw) {
    switch (raw.kind()) {
        case Value::Kind::Decimal:
            return raw.as_decimal();
        case Value::Kind::Int:
            return Decimal(raw.as_int());
        case Value::Kind::Float: {
            // A floating-point column to 15 significant digits, as Django reads it.
            if (!std::isfinite(raw.as_double())) return std::nullopt;
            char digits[40];
            std::snprintf(digits, sizeof digits, "%.15g", raw.as_double());
            return Decimal::parse(digits);
        }
        case Value::Kind::Text:
            try {
                return Decimal::parse(raw.as_text());
            } catch (const ValueError&) {
                return std::nullopt;
            }
        default:
            return std::nullopt;
    }
}

Value decimal_from_db(const Field& field, Value raw) {
    const auto decimal = decimal_of(raw);
    if (!decimal) return raw;
    if (!field.decimal_places) return *decimal;
    return with_decimal_places(*decimal, *field.decimal_places);
}

Value bool_from_db(Value raw) {
    if (raw.kind() == Value::Kind::Int && (raw.as_int() == 0 || raw.as_int() == 1))
        return Value(raw.as_int() == 1);
    if (raw.kind() == Value::Kind::Text && (raw.as_text() == "0" || raw.as_text() == "1"))
        return Value(raw.as_text() == "1");
    return raw;
}

Value text_from_db(Value raw) {
    switch (raw.kind()) {
        case Value::Kind::Int:
        case Value::Kind::Float:
        case Value::Kind::Decimal:
            return Value(raw.to_string());  // a number a loosely typed column kept as one
        default:
            return raw;
    }
}

Value bytes_from_db(Value raw) {
    if (raw.kind() != Value::Kind::Text) return raw;
    Bytes bytes;
    bytes.data.assign(raw.as_text().begin(), raw.as_text().end());
    return Value(std::move(bytes));
}

// Date, Time, DateTime, Uuid and Json from what the drivers give.
Value typed_from_db(Value::Kind kind, Value raw) {
    if (raw.kind() == kind) return raw;
    try {
        return typed_of(kind, raw);
    } catch (const ValueError&) {
        return raw;
    }
}

}  // namespace

Value value_from_db(const Field& field, Value raw) {
    if (raw.is_null()) return raw;
    if (is_integer_field(field.type)) return integer_from_db(std::move(raw));
    switch (field.type) {
        case FieldType::FloatField:
            return float_from_db(std::move(raw));
        case FieldType::DecimalField:
            return decimal_from_db(field, std::move(raw));
        case FieldType::BooleanField:
            return bool_from_db(std::move(raw));
        case FieldType::CharField:
        case FieldType::TextField:
        case FieldType::EmailField:
        case FieldType::URLField:
            return text_from_db(std::move(raw));
        case FieldType::BinaryField:
            return bytes_from_db(std::move(raw));
        default:
            break;
    }
    if (auto kind = typed_kind_of(field.type)) return typed_from_db(*kind, std::move(raw));
    return raw;  // a relation: its target's key, typed by the target's own field
}

std::optional<Value::Kind> kind_kept_from_db(const Field& field) {
    if (is_integer_field(field.type)) return Value::Kind::Int;
    switch (field.type) {
        case FieldType::FloatField:
            return Value::Kind::Float;
        case FieldType::BooleanField:
            return Value::Kind::Bool;
        case FieldType::CharField:
        case FieldType::TextField:
        case FieldType::EmailField:
        case FieldType::URLField:
            return Value::Kind::Text;
        case FieldType::BinaryField:
            return Value::Kind::Blob;
        case FieldType::DecimalField:
            return std::nullopt;  // rounded to the field's places
        default:
            break;
    }
    return typed_kind_of(field.type);  // none for a relation: it is never converted anyway
}

Value decimal_for_save(const Field& field, const Value& value) {
    if (!field.decimal_places) return value;
    return Value(with_decimal_places(value.as_decimal(), *field.decimal_places));
}

}  // namespace covet
