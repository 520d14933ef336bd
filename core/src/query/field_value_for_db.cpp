// A user's value for a field, as the kind bound for its column: what Django's
// Field.get_prep_value makes of it (int("5"), Decimal("1.50"), a date from
// its text, True from 1), refused with Django's message when it cannot be.
#include <cmath>
#include <cstdlib>

#include "covet/error.h"
#include "query/field_value.h"
#include "query/field_value_kinds.h"
#include "schema/number_text.h"
#include "schema/text_formats.h"
#include "util/float_text.h"

namespace covet {

namespace {

[[noreturn]] void refuse(const Field& field, const std::string& message) {
    throw ValidationError(field.name + ": " + message, {{field.name, {message}}});
}

// Django quotes offending values with typographic quotes: “abc”.
std::string quoted(const Value& value) {
    const std::string text =
        value.kind() == Value::Kind::Text ? value.as_text() : value.to_string();
    return "\u201c" + text + "\u201d";
}

// The whole part of a decimal's digits, as Python's int(Decimal('3.7')) gives 3.
std::optional<std::int64_t> truncated_decimal(const Decimal& d) {
    const std::string& text = d.to_string();
    return integer_of_text(text.substr(0, text.find('.')));
}

Value integer_for_db(const Field& field, const Value& given) {
    std::optional<std::int64_t> n;
    switch (given.kind()) {
        case Value::Kind::Int:
            return given;
        case Value::Kind::Bool:
            return Value(std::int64_t{given.as_bool() ? 1 : 0});
        case Value::Kind::Float:  // int(3.7) is 3, as Django binds it
            if (std::isfinite(given.as_double()) && std::fabs(given.as_double()) < 9.2e18)
                n = static_cast<std::int64_t>(given.as_double());
            break;
        case Value::Kind::Decimal:
            n = truncated_decimal(given.as_decimal());
            break;
        case Value::Kind::Text:
            n = integer_of_text(given.as_text());
            break;
        default:
            break;
    }
    if (!n) refuse(field, quoted(given) + " value must be an integer.");
    return Value(*n);
}

Value float_for_db(const Field& field, const Value& given) {
    switch (given.kind()) {
        case Value::Kind::Float:
            return given;
        case Value::Kind::Int:
            return Value(static_cast<double>(given.as_int()));
        case Value::Kind::Bool:
            return Value(given.as_bool() ? 1.0 : 0.0);
        case Value::Kind::Decimal:
            return Value(std::strtod(given.as_decimal().to_string().c_str(), nullptr));
        case Value::Kind::Text:
            if (auto d = double_of_text(given.as_text())) return Value(*d);
            break;
        default:
            break;
    }
    refuse(field, quoted(given) + " value must be a float.");
}

Value decimal_for_db(const Field& field, const Value& given) {
    try {
        switch (given.kind()) {
            case Value::Kind::Decimal:
                return given;
            case Value::Kind::Int:
                return Decimal(given.as_int());
            case Value::Kind::Bool:
                return Decimal(given.as_bool() ? 1 : 0);
            case Value::Kind::Float:  // its shortest digits: 0.1 is 0.1, not 0.1000000000000000055
                return Decimal::parse(
                    float_text(given.as_double(), FloatSpelling{"nan", "inf", false}));
            case Value::Kind::Text:
                return Decimal::parse(trimmed(given.as_text()));
            default:
                break;
        }
    } catch (const ValueError&) {
    }
    refuse(field, quoted(given) + " value must be a decimal number.");
}

// Exactly what Django's BooleanField.to_python takes.
Value bool_for_db(const Field& field, const Value& given) {
    if (given.kind() == Value::Kind::Bool) return given;
    if (given.kind() == Value::Kind::Int && (given.as_int() == 0 || given.as_int() == 1))
        return Value(given.as_int() == 1);
    if (given.kind() == Value::Kind::Text) {
        const std::string& t = given.as_text();
        if (t == "t" || t == "True" || t == "1") return Value(true);
        if (t == "f" || t == "False" || t == "0") return Value(false);
    }
    refuse(field, quoted(given) + (field.null ? " value must be either True, False, or None."
                                              : " value must be either True or False."));
}

Value text_for_db(const Field& field, const Value& given) {
    switch (given.kind()) {
        case Value::Kind::Text:
            return given;
        case Value::Kind::Bool:  // str(True), as Django's CharField.to_python
            return Value(std::string(given.as_bool() ? "True" : "False"));
        case Value::Kind::Blob:
            refuse(field, "bytes are no text; give the text itself.");
        default:
            return Value(given.to_string());
    }
}

Value bytes_for_db(const Field& field, const Value& given) {
    if (given.kind() == Value::Kind::Blob) return given;
    if (given.kind() != Value::Kind::Text) refuse(field, quoted(given) + " is not bytes.");
    Bytes bytes;
    bytes.data.assign(given.as_text().begin(), given.as_text().end());
    return Value(std::move(bytes));
}

std::string temporal_message(FieldType type, const Value& given) {
    const std::string text = given.kind() == Value::Kind::Text ? trimmed(given.as_text()) : "";
    bool bad_date = false;
    if (type == FieldType::DateField) {
        if (given.kind() == Value::Kind::Text && check_date(text) == TemporalCheck::BadValue)
            return quoted(given) +
                   " value has the correct format (YYYY-MM-DD) but it is an invalid date.";
        return quoted(given) +
               " value has an invalid date format. It must be in YYYY-MM-DD format.";
    }
    if (type == FieldType::TimeField) {
        if (given.kind() == Value::Kind::Text && check_time(text) == TemporalCheck::BadValue)
            return quoted(given) +
                   " value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an invalid time.";
        return quoted(given) +
               " value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format.";
    }
    if (given.kind() == Value::Kind::Text &&
        check_datetime(text, bad_date) == TemporalCheck::BadValue)
        return quoted(given) + (bad_date ? " value has the correct format (YYYY-MM-DD) but it is "
                                           "an invalid date."
                                         : " value has the correct format (YYYY-MM-DD "
                                           "HH:MM[:ss[.uuuuuu]][TZ]) but it is an invalid "
                                           "date/time.");
    return quoted(given) +
           " value has an invalid format. It must be in YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format.";
}

Value typed_for_db(const Field& field, Value::Kind kind, const Value& given) {
    try {
        return typed_of(kind, given);
    } catch (const ValueError& e) {
        if (field.type == FieldType::UUIDField)
            refuse(field, quoted(given) + " is not a valid UUID.");
        if (field.type == FieldType::JSONField)
            refuse(field, quoted(given) + " is not valid JSON (" + e.what() + ").");
        refuse(field, temporal_message(field.type, given));
    }
}

}  // namespace

Value value_for_db(const Field& field, Value given) {
    if (given.is_null()) return given;
    if (is_integer_field(field.type)) return integer_for_db(field, given);
    switch (field.type) {
        case FieldType::FloatField:
            return float_for_db(field, given);
        case FieldType::DecimalField:
            return decimal_for_db(field, given);
        case FieldType::BooleanField:
            return bool_for_db(field, given);
        case FieldType::CharField:
        case FieldType::TextField:
        case FieldType::EmailField:
        case FieldType::URLField:
            if (given.kind() == Value::Kind::Text) return given;  // moved, not copied
            return text_for_db(field, given);
        case FieldType::BinaryField:
            return bytes_for_db(field, given);
        default:
            break;
    }
    if (auto kind = typed_kind_of(field.type)) return typed_for_db(field, *kind, given);
    return given;  // a relation: its target's key, checked by the target's own field
}

}  // namespace covet
