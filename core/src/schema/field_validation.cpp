#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <regex>

#include "covet/error.h"
#include "covet/field.h"
#include "schema/number_text.h"
#include "schema/python_repr.h"
#include "schema/text_formats.h"
#include "schema/typed_default.h"
#include "util/text_case.h"

namespace covet {

namespace {

bool is_temporal_or_uuid(Value::Kind kind) {
    return kind == Value::Kind::Date || kind == Value::Kind::Time ||
           kind == Value::Kind::DateTime || kind == Value::Kind::Uuid;
}

std::string text_of(const Value& value) {
    return value.kind() == Value::Kind::Text ? value.as_text() : value.to_string();
}

bool is_empty_text(const Value& value) {
    return value.kind() == Value::Kind::Text && value.as_text().empty();
}

// Django quotes offending values with typographic quotes: “abc”.
std::string quoted(const Value& value) {
    return "\u201c" + text_of(value) + "\u201d";
}

std::int64_t character_count(const std::string& text) {
    return std::count_if(text.begin(), text.end(),
                         [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::int64_t length_of(const Value& value) {
    if (value.kind() == Value::Kind::Blob) {
        return static_cast<std::int64_t>(value.as_blob().data.size());
    }
    return character_count(text_of(value));
}

// Limits are stored as doubles but were mostly written as integers: show 18, not 18.0.
std::string format_limit(double limit) {
    if (std::isfinite(limit) && std::floor(limit) == limit && std::fabs(limit) < 1e15) {
        return std::to_string(static_cast<std::int64_t>(limit));
    }
    return python_repr(Value(limit));
}

std::string plural(std::int64_t count, const char* singular, const char* plural_form) {
    return count == 1 ? singular : plural_form;
}

bool same_choice_value(const Value& value, const Value& choice) {
    if (value == choice) return true;
    if (is_temporal_or_uuid(value.kind()) && choice.kind() == Value::Kind::Text)
        return value.to_string() == choice.as_text();  // a typed value and its written choice
    const auto a = number_of(value);
    const auto b = number_of(choice);
    const bool numeric_pair =
        value.kind() != Value::Kind::Text || choice.kind() != Value::Kind::Text;
    return numeric_pair && a && b && *a == *b;
}

bool is_integer_type(FieldType type) {
    return type == FieldType::AutoField || type == FieldType::BigAutoField ||
           type == FieldType::IntegerField || type == FieldType::BigIntegerField ||
           type == FieldType::SmallIntegerField;
}

std::optional<std::string> boolean_conversion_error(const Field& field, const Value& value) {
    const Value::Kind kind = value.kind();
    const bool is_text = kind == Value::Kind::Text;
    if (kind == Value::Kind::Bool) return std::nullopt;
    if (kind == Value::Kind::Int && (value.as_int() == 0 || value.as_int() == 1)) {
        return std::nullopt;
    }
    const std::string text = is_text ? value.as_text() : "";
    if (is_text && (text == "t" || text == "True" || text == "1" || text == "f" ||
                    text == "False" || text == "0")) {
        return std::nullopt;
    }
    return quoted(value) + (field.null ? " value must be either True, False, or None."
                                       : " value must be either True or False.");
}

std::optional<std::string> date_conversion_error(const Value& value) {
    const bool is_text = value.kind() == Value::Kind::Text;
    const TemporalCheck check =
        is_text ? check_date(trimmed(value.as_text())) : TemporalCheck::BadFormat;
    if (check == TemporalCheck::BadFormat) {
        return quoted(value) +
               " value has an invalid date format. It must be in YYYY-MM-DD format.";
    }
    if (check == TemporalCheck::BadValue) {
        return quoted(value) +
               " value has the correct format (YYYY-MM-DD) but it is an invalid date.";
    }
    return std::nullopt;
}

std::optional<std::string> time_conversion_error(const Value& value) {
    const bool is_text = value.kind() == Value::Kind::Text;
    const TemporalCheck check =
        is_text ? check_time(trimmed(value.as_text())) : TemporalCheck::BadFormat;
    if (check == TemporalCheck::BadFormat) {
        return quoted(value) +
               " value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] format.";
    }
    if (check == TemporalCheck::BadValue) {
        return quoted(value) +
               " value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an invalid "
               "time.";
    }
    return std::nullopt;
}

std::optional<std::string> datetime_conversion_error(const Value& value) {
    const bool is_text = value.kind() == Value::Kind::Text;
    bool bad_date = false;
    const TemporalCheck check =
        is_text ? check_datetime(trimmed(value.as_text()), bad_date) : TemporalCheck::BadFormat;
    if (check == TemporalCheck::BadFormat) {
        return quoted(value) +
               " value has an invalid format. It must be in YYYY-MM-DD "
               "HH:MM[:ss[.uuuuuu]][TZ] format.";
    }
    if (check == TemporalCheck::BadValue && bad_date) {
        return quoted(value) +
               " value has the correct format (YYYY-MM-DD) but it is an invalid date.";
    }
    if (check == TemporalCheck::BadValue) {
        return quoted(value) +
               " value has the correct format (YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]) but it "
               "is an invalid date/time.";
    }
    return std::nullopt;
}

// A value already of a kind the field's to_python takes as it is (a Date
// for a DateField, a Decimal for a DecimalField, a DateTime for either
// temporal field with a date, ...).
bool is_typed_for(FieldType type, Value::Kind kind) {
    using Kind = Value::Kind;
    switch (type) {
        case FieldType::DateField:
        case FieldType::DateTimeField:
            return kind == Kind::Date || kind == Kind::DateTime;
        case FieldType::TimeField:
            return kind == Kind::Time || kind == Kind::DateTime;
        case FieldType::UUIDField:
            return kind == Kind::Uuid;
        default:
            return false;
    }
}

// The value cannot be read as the field's type; Django stops at this message.
std::optional<std::string> conversion_error(const Field& field, const Value& value) {
    const Value::Kind kind = value.kind();
    if (is_typed_for(field.type, kind)) return std::nullopt;
    const bool is_text = kind == Value::Kind::Text;
    const bool is_number = kind == Value::Kind::Int || kind == Value::Kind::Float ||
                           kind == Value::Kind::Bool || kind == Value::Kind::Decimal;
    if (is_integer_type(field.type)) {
        if (is_number || (is_text && integer_of_text(value.as_text()))) return std::nullopt;
        return quoted(value) + " value must be an integer.";
    }
    switch (field.type) {
        case FieldType::FloatField:
            if (is_number || (is_text && double_of_text(value.as_text()))) return std::nullopt;
            return quoted(value) + " value must be a float.";
        case FieldType::DecimalField:
            if (is_number || (is_text && decimal_shape(value.as_text()))) return std::nullopt;
            return quoted(value) + " value must be a decimal number.";
        case FieldType::BooleanField:
            return boolean_conversion_error(field, value);
        case FieldType::UUIDField:
            if ((is_text && is_uuid_text(value.as_text())) ||
                (kind == Value::Kind::Int && value.as_int() >= 0) ||
                (kind == Value::Kind::Blob && value.as_blob().data.size() == 16)) {
                return std::nullopt;
            }
            return quoted(value) + " is not a valid UUID.";
        case FieldType::DateField:
            return date_conversion_error(value);
        case FieldType::TimeField:
            return time_conversion_error(value);
        case FieldType::DateTimeField:
            return datetime_conversion_error(value);
        default:
            return std::nullopt;
    }
}

void check_max_length(std::int64_t limit, const Value& value, std::vector<std::string>& out) {
    const std::int64_t length = length_of(value);
    if (length > limit) {
        out.push_back("Ensure this value has at most " + std::to_string(limit) + " " +
                      plural(limit, "character", "characters") + " (it has " +
                      std::to_string(length) + ").");
    }
}

void check_min_length(std::int64_t limit, const Value& value, std::vector<std::string>& out) {
    const std::int64_t length = length_of(value);
    if (length < limit) {
        out.push_back("Ensure this value has at least " + std::to_string(limit) + " " +
                      plural(limit, "character", "characters") + " (it has " +
                      std::to_string(length) + ").");
    }
}

void check_min_value(double limit, const Value& value, std::vector<std::string>& out) {
    const auto number = number_of(value);
    if (number && *number < limit) {
        out.push_back("Ensure this value is greater than or equal to " + format_limit(limit) + ".");
    }
}

void check_max_value(double limit, const Value& value, std::vector<std::string>& out) {
    const auto number = number_of(value);
    if (number && *number > limit) {
        out.push_back("Ensure this value is less than or equal to " + format_limit(limit) + ".");
    }
}

// Django's DecimalValidator reports only the first rule broken.
void check_decimal_digits(const Field& field, const Value& value, std::vector<std::string>& out) {
    const auto shape = decimal_shape_of(value);
    if (!shape) return;
    const std::int64_t whole_digits = shape->digits - shape->decimals;
    if (field.max_digits && shape->digits > *field.max_digits) {
        out.push_back("Ensure that there are no more than " + std::to_string(*field.max_digits) +
                      " " + plural(*field.max_digits, "digit", "digits") + " in total.");
    } else if (field.decimal_places && shape->decimals > *field.decimal_places) {
        out.push_back("Ensure that there are no more than " +
                      std::to_string(*field.decimal_places) + " " +
                      plural(*field.decimal_places, "decimal place", "decimal places") + ".");
    } else if (field.max_digits && field.decimal_places &&
               whole_digits > *field.max_digits - *field.decimal_places) {
        const std::int64_t allowed = *field.max_digits - *field.decimal_places;
        out.push_back("Ensure that there are no more than " + std::to_string(allowed) + " " +
                      plural(allowed, "digit", "digits") + " before the decimal point.");
    }
}

void check_integer_range(FieldType type, const Value& value, std::vector<std::string>& out) {
    double low = 0, high = 0;
    if (type == FieldType::SmallIntegerField) {
        low = -32768;
        high = 32767;
    } else if (type == FieldType::IntegerField || type == FieldType::AutoField) {
        low = -2147483648.0;
        high = 2147483647.0;
    } else {
        return;
    }
    check_min_value(low, value, out);
    check_max_value(high, value, out);
}

void check_regex(const std::string& pattern, const Value& value, std::vector<std::string>& out) {
    try {
        const std::regex regex(pattern, std::regex::ECMAScript);
        if (!std::regex_search(text_of(value), regex)) out.push_back("Enter a valid value.");
    } catch (const std::regex_error& e) {
        throw FieldError("invalid regex " + python_quote(pattern) + ": " + e.what());
    }
}

}  // namespace

std::vector<std::string> Field::validate(const Value& value) const {
    // As in Django: fields the user cannot edit and many-to-many sets are not checked here.
    if (!editable || is_many_to_many()) return {};
    if (value.is_null()) {
        // The database or save() fills these in.
        if (null || is_auto() || auto_now || auto_now_add) return {};
        return {"This field cannot be null."};
    }
    if (blank && is_empty_text(value)) return {};
    if (auto error = conversion_error(*this, value)) return {*error};

    std::vector<std::string> messages;
    if (!choices.empty() && !is_empty_text(value)) {
        const bool listed = std::any_of(choices.begin(), choices.end(), [&](const Choice& choice) {
            return same_choice_value(value, choice.value);
        });
        if (!listed) messages.push_back("Value " + python_repr(value) + " is not a valid choice.");
    }
    if (is_empty_text(value)) {
        messages.push_back("This field cannot be blank.");
        return messages;
    }

    if (type == FieldType::EmailField && !is_valid_email(text_of(value))) {
        messages.push_back("Enter a valid email address.");
    }
    if (type == FieldType::URLField && !is_valid_url(text_of(value))) {
        messages.push_back("Enter a valid URL.");
    }
    if (type == FieldType::DecimalField) check_decimal_digits(*this, value, messages);
    if (const auto limit = effective_max_length()) check_max_length(*limit, value, messages);
    if (is_integer_type(type)) check_integer_range(type, value, messages);

    if (validators.min_value) check_min_value(*validators.min_value, value, messages);
    if (validators.max_value) check_max_value(*validators.max_value, value, messages);
    if (validators.min_length) check_min_length(*validators.min_length, value, messages);
    if (validators.max_length) check_max_length(*validators.max_length, value, messages);
    if (validators.regex) check_regex(*validators.regex, value, messages);

    // A limit given both as the column length and as a validator is reported once.
    std::vector<std::string> unique_messages;
    for (auto& message : messages) {
        if (std::find(unique_messages.begin(), unique_messages.end(), message) ==
            unique_messages.end()) {
            unique_messages.push_back(std::move(message));
        }
    }
    return unique_messages;
}

std::optional<std::string> default_value_problem(const Field& field) {
    if (!field.default_value || field.default_value->is_null()) return std::nullopt;
    // A relation's default is typed by its target's key; JSON and bytes take any value.
    if (field.is_relation() || field.type == FieldType::JSONField ||
        field.type == FieldType::BinaryField)
        return field.type == FieldType::JSONField ? typed_default_problem(field) : std::nullopt;
    const Value& value = *field.default_value;
    if (auto error = conversion_error(field, value)) return error;
    // An integer column given 1.5 would round on one back end and keep 1.5 on another.
    if (is_integer_type(field.type) && value.kind() == Value::Kind::Float &&
        value.as_double() != std::floor(value.as_double()))
        return quoted(value) + " value must be an integer.";
    std::vector<std::string> messages;
    if (field.type == FieldType::DecimalField) check_decimal_digits(field, value, messages);
    if (const auto limit = field.effective_max_length()) check_max_length(*limit, value, messages);
    if (is_integer_type(field.type)) check_integer_range(field.type, value, messages);
    if (messages.empty()) return typed_default_problem(field);
    return messages.front();
}

}  // namespace covet
