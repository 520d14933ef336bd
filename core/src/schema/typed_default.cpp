// A field's default in its typed kind. The written default stays on the
// field as written (its spelling is part of the checksum and of the DDL);
// this is the value it stands for, which the ORM stores and compares.
#include <cmath>

#include "covet/error.h"
#include "covet/field.h"
#include "covet/value_text.h"
#include "schema/text_formats.h"
#include "schema/typed_default.h"
#include "schema/typed_kind.h"

namespace covet {

namespace {

std::optional<Value::Kind> typed_kind(FieldType type) {
    if (type == FieldType::DecimalField) return Value::Kind::Decimal;
    return typed_kind_of(type);
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

// A JSONField's text default is the document itself (a list or dict literal
// becomes its JSON text), as the DDL writes it: typed_of reads it so.
Value typed(Value::Kind kind, const Value& value) {
    if (kind != Value::Kind::Decimal) return typed_of(kind, value);
    switch (value.kind()) {
        case Value::Kind::Text:
            return value_from_text(kind, trimmed(value.as_text()));
        case Value::Kind::Decimal:
            return value;
        case Value::Kind::Int:
        case Value::Kind::Float:
        case Value::Kind::Bool:
            return decimal_of_number(value);
        default:
            throw ValueError(value.to_string() + " cannot be read as the field's type");
    }
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
