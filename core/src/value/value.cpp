#include "covet/value.h"

#include <charconv>
#include <cmath>

#include "covet/error.h"
#include "util/float_text.h"
#include "util/hex.h"

namespace covet {

namespace {

const char* kind_name(Value::Kind kind) {
    switch (kind) {
        case Value::Kind::Null:
            return "null";
        case Value::Kind::Int:
            return "an integer";
        case Value::Kind::Float:
            return "a float";
        case Value::Kind::Bool:
            return "a boolean";
        case Value::Kind::Text:
            return "text";
        case Value::Kind::Blob:
            return "a blob";
        case Value::Kind::Decimal:
            return "a decimal";
        case Value::Kind::Date:
            return "a date";
        case Value::Kind::Time:
            return "a time";
        case Value::Kind::DateTime:
            return "a datetime";
        case Value::Kind::Uuid:
            return "a UUID";
        case Value::Kind::Json:
            return "JSON";
    }
    return "unknown";
}

[[noreturn]] void throw_wrong_kind(Value::Kind actual, const char* wanted) {
    throw Error(std::string("value is ") + kind_name(actual) + ", not " + wanted);
}

// Shortest text that reads back as the same double, always marked as a float
// (1.0, not 1) so that it cannot be mistaken for an integer.
std::string float_to_string(double v) {
    return float_text(v, FloatSpelling{"nan", "inf", true});
}

std::string blob_to_string(const Bytes& bytes) {
    return "x'" + hex_lower(bytes.data.data(), bytes.data.size()) + "'";
}

}  // namespace

void Value::wrong_kind(const char* wanted) const {
    throw_wrong_kind(kind(), wanted);
}

const Bytes& Value::as_blob() const {
    if (kind() != Kind::Blob) throw_wrong_kind(kind(), "a blob");
    return std::get<Bytes>(v_);
}

const Decimal& Value::as_decimal() const {
    if (kind() != Kind::Decimal) throw_wrong_kind(kind(), "a decimal");
    return std::get<Decimal>(v_);
}

Date Value::as_date() const {
    if (kind() != Kind::Date) throw_wrong_kind(kind(), "a date");
    return std::get<Date>(v_);
}

Time Value::as_time() const {
    if (kind() != Kind::Time) throw_wrong_kind(kind(), "a time");
    return std::get<Time>(v_);
}

DateTime Value::as_datetime() const {
    if (kind() != Kind::DateTime) throw_wrong_kind(kind(), "a datetime");
    return std::get<DateTime>(v_);
}

const Uuid& Value::as_uuid() const {
    if (kind() != Kind::Uuid) throw_wrong_kind(kind(), "a UUID");
    return std::get<Uuid>(v_);
}

const Json& Value::as_json() const {
    if (kind() != Kind::Json) throw_wrong_kind(kind(), "JSON");
    return std::get<Json>(v_);
}

std::string Value::to_string() const {
    switch (kind()) {
        case Kind::Null:
            return "NULL";
        case Kind::Int:
            return std::to_string(std::get<std::int64_t>(v_));
        case Kind::Float:
            return float_to_string(std::get<double>(v_));
        case Kind::Bool:
            return std::get<bool>(v_) ? "true" : "false";
        case Kind::Text:
            return std::get<std::string>(v_);
        case Kind::Blob:
            return blob_to_string(std::get<Bytes>(v_));
        case Kind::Decimal:
            return std::get<Decimal>(v_).to_string();
        case Kind::Date:
            return std::get<Date>(v_).to_string();
        case Kind::Time:
            return std::get<Time>(v_).to_string();
        case Kind::DateTime:
            return std::get<DateTime>(v_).to_string();
        case Kind::Uuid:
            return std::get<Uuid>(v_).to_string();
        case Kind::Json:
            return std::get<Json>(v_).to_string();
    }
    return {};
}

}  // namespace covet
