// Values of a compiled SELECT's columns in the types Django hands out.
// Aggregates need more than the field's conversion: servers widen them (a
// SUM of integers is a DECIMAL on one back end, an AVG a float or a
// numeric), and Django's result types do not follow the server.
#include <cmath>
#include <cstdio>
#include <string>

#include "covet/error.h"
#include "query/field_value.h"
#include "query/record_reader.h"

namespace covet {

namespace {

bool is_integer_field(const Field& field) {
    switch (field.type) {
        case FieldType::AutoField:
        case FieldType::BigAutoField:
        case FieldType::IntegerField:
        case FieldType::BigIntegerField:
        case FieldType::SmallIntegerField:
            return true;
        default:
            return false;
    }
}

std::int64_t as_integer(const Value& raw) {
    switch (raw.kind()) {
        case Value::Kind::Int:
            return raw.as_int();
        case Value::Kind::Bool:
            return raw.as_bool() ? 1 : 0;
        case Value::Kind::Float:
            return std::llround(raw.as_double());
        case Value::Kind::Decimal:
            return std::llround(std::stod(raw.as_decimal().to_string()));
        case Value::Kind::Text:
            return std::stoll(raw.as_text());
        default:
            throw QueryError("an aggregate gave " + raw.to_string() + ", not a number");
    }
}

double as_float(const Value& raw) {
    switch (raw.kind()) {
        case Value::Kind::Float:
            return raw.as_double();
        case Value::Kind::Int:
            return static_cast<double>(raw.as_int());
        case Value::Kind::Decimal:
            return std::stod(raw.as_decimal().to_string());
        case Value::Kind::Text:
            return std::stod(raw.as_text());
        default:
            throw QueryError("an aggregate gave " + raw.to_string() + ", not a number");
    }
}

Decimal as_decimal(const Value& raw) {
    switch (raw.kind()) {
        case Value::Kind::Decimal:
            return raw.as_decimal();
        case Value::Kind::Int:
            return Decimal(raw.as_int());
        case Value::Kind::Float: {  // 15 significant digits, as Django's float converter
            char text[40];
            std::snprintf(text, sizeof text, "%.15g", raw.as_double());
            return Decimal::parse(text);
        }
        case Value::Kind::Text:
            return Decimal::parse(raw.as_text());
        default:
            throw QueryError("an aggregate gave " + raw.to_string() + ", not a number");
    }
}

Value aggregate_value(const SelectColumn& column, Value raw) {
    using Function = Expr::Function;
    if (column.function == Function::Count)
        return raw.is_null() ? Value(0) : Value(as_integer(raw));
    if (raw.is_null()) return raw;
    const Field* field = column.field;
    const bool decimal = field && field->type == FieldType::DecimalField;
    // Over a DecimalField the result is a Decimal as the server computed it,
    // not rounded to the field's places (Django applies no column converter
    // to an aggregate): AVG(1.00, 2.00, 2.00) is 1.6666..., not 1.67.
    if (column.function == Function::Avg)
        return decimal ? Value(as_decimal(raw)) : Value(as_float(raw));
    if (!field) return raw;
    if (decimal) return Value(as_decimal(raw));
    if (is_integer_field(*field)) return Value(as_integer(raw));
    if (field->type == FieldType::FloatField) return Value(as_float(raw));
    return value_from_db(*field, std::move(raw));
}

// Arithmetic over integer fields is an integer, as Django's convert_value
// (int(value)): a server that divides into a DECIMAL (7 / 2 is 3.5000) gives
// the integer part, as the others' integer division does.
bool widened_integer(const SelectColumn& column, const Value& raw) {
    return column.kind == SelectColumn::Kind::Annotation && column.field &&
           is_integer_field(*column.field) &&
           (raw.kind() == Value::Kind::Decimal || raw.kind() == Value::Kind::Float);
}

}  // namespace

Value column_value(const SelectColumn& column, Value raw) {
    if (column.aggregate) return aggregate_value(column, std::move(raw));
    if (widened_integer(column, raw))
        return Value(static_cast<std::int64_t>(std::trunc(as_float(raw))));
    if (column.value_field) return value_from_db(*column.value_field, std::move(raw));
    if (column.field && column.field->has_column())
        return value_from_db(*column.field, std::move(raw));
    return raw;
}

}  // namespace covet
