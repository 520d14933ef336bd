#include "query/json_encoding.h"

#include <charconv>
#include <cmath>
#include <cstdint>

#include "covet/error.h"
#include "covet/value_text.h"
#include "query/field_value.h"
#include "util/base64.h"
#include "util/json_writer.h"

namespace covet {

nlohmann::json json_of(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Null:
            return nullptr;
        case Value::Kind::Int:
            return value.as_int();
        case Value::Kind::Float:
            if (!std::isfinite(value.as_double())) return nullptr;
            return value.as_double();
        case Value::Kind::Bool:
            return value.as_bool();
        case Value::Kind::Text:
            return value.as_text();
        case Value::Kind::Blob:
            return base64_encode(value.as_blob().data.data(), value.as_blob().data.size());
        case Value::Kind::DateTime:
            return value.as_datetime().iso();
        case Value::Kind::Json:
            return nlohmann::json::parse(value.as_json().text());
        default:  // Decimal, Date, Time, Uuid: their text, a UUID as its 32 hex digits
            return *typed_value_text(value, TypedTextForm{true, ""});
    }
}

namespace {

// Printable ASCII with nothing to escape: the JSON string is the text quoted.
bool plain_ascii(const std::string& text) {
    for (const char c : text)
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
    return true;
}

}  // namespace

void append_json_string(std::string& out, const std::string& text) {
    if (!plain_ascii(text)) {
        out += json_quote(text);
        return;
    }
    out += '"';
    out += text;
    out += '"';
}

void append_json(std::string& out, const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Null:
            out += "null";
            return;
        case Value::Kind::Int: {
            char digits[24];
            const auto end = std::to_chars(digits, digits + sizeof digits, value.as_int()).ptr;
            out.append(digits, end);
            return;
        }
        case Value::Kind::Bool:
            out += value.as_bool() ? "true" : "false";
            return;
        case Value::Kind::Text:
            if (!plain_ascii(value.as_text())) break;
            append_json_string(out, value.as_text());
            return;
        default:
            break;
    }
    out += json_of(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json json_of(const Field& field, const Value& raw) {
    return json_of(value_from_db(field, raw));
}

namespace {

[[noreturn]] void refuse(const Field& field, const std::string& message) {
    throw ValidationError(field.name + ": " + message, {{field.name, {message}}});
}

// A JSON scalar as the plain value value_for_db reads for the field.
Value plain_value(const Field& field, const nlohmann::json& json) {
    switch (json.type()) {
        case nlohmann::json::value_t::boolean:
            return Value(json.get<bool>());
        case nlohmann::json::value_t::number_integer:
            return Value(json.get<std::int64_t>());
        case nlohmann::json::value_t::number_unsigned:
            if (json.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
                refuse(field, json.dump() + " is too large an integer.");
            return Value(static_cast<std::int64_t>(json.get<std::uint64_t>()));
        case nlohmann::json::value_t::number_float:
            return Value(json.get<double>());
        case nlohmann::json::value_t::string:
            return Value(json.get<std::string>());
        default:
            refuse(field, "a " + std::string(json.type_name()) + " cannot be its value.");
    }
}

Value bytes_of_json(const Field& field, const nlohmann::json& json) {
    if (!json.is_string()) refuse(field, "bytes are written as a base64 string.");
    auto bytes = base64_decode(json.get<std::string>());
    if (!bytes) refuse(field, "\u201c" + json.get<std::string>() + "\u201d is not base64.");
    return Value(Bytes{std::move(*bytes)});
}

}  // namespace

Value value_of_json(const Field& field, const nlohmann::json& json) {
    if (json.is_null()) return Value();
    if (field.type == FieldType::JSONField) return Value(Json::parse(json.dump()));
    if (field.type == FieldType::BinaryField) return bytes_of_json(field, json);
    return value_for_db(field, plain_value(field, json));
}

}  // namespace covet
