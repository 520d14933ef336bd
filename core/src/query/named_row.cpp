// values(), values_list() and aggregate() rows: values by name, and their
// JSON object in the value encoding of SPEC.md §6.
#include <string>

#include "covet/error.h"
#include "covet/queryset.h"
#include "util/float_text.h"
#include "util/json_writer.h"

namespace covet {

namespace {

std::string base64(const std::vector<unsigned char>& data) {
    static const char* const alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < data.size(); i += 3) {
        const std::size_t left = data.size() - i;
        const unsigned n = (data[i] << 16u) | (left > 1 ? data[i + 1] << 8u : 0u) |
                           (left > 2 ? data[i + 2] : 0u);
        out += alphabet[(n >> 18u) & 63u];
        out += alphabet[(n >> 12u) & 63u];
        out += left > 1 ? alphabet[(n >> 6u) & 63u] : '=';
        out += left > 2 ? alphabet[n & 63u] : '=';
    }
    return out;
}

// A local encoder of SPEC.md §6 (one value): decimals as strings, datetimes
// with a 'T', UUIDs as 32 hex digits, JSON embedded, bytes as base64.
std::string json_of(const Value& value) {
    static const FloatSpelling spelling{"NaN", "Infinity", true};
    switch (value.kind()) {
        case Value::Kind::Null:
            return "null";
        case Value::Kind::Int:
            return std::to_string(value.as_int());
        case Value::Kind::Float:
            return float_text(value.as_double(), spelling);
        case Value::Kind::Bool:
            return value.as_bool() ? "true" : "false";
        case Value::Kind::Text:
            return json_quote(value.as_text());
        case Value::Kind::Blob:
            return json_quote(base64(value.as_blob().data));
        case Value::Kind::DateTime:
            return json_quote(value.as_datetime().iso());
        case Value::Kind::Uuid:
            return json_quote(value.as_uuid().hex());
        case Value::Kind::Json:
            return value.as_json().text();
        default:  // Decimal, Date, Time: their canonical text
            return json_quote(value.to_string());
    }
}

}  // namespace

const Value& NamedRow::operator[](const std::string& name) const {
    if (names)
        for (std::size_t i = 0; i < names->size() && i < values.size(); ++i)
            if ((*names)[i] == name) return values[i];
    std::string known;
    if (names)
        for (const std::string& each : *names)
            known += (known.empty() ? "" : ", ") + each;
    throw QueryError("no value named '" + name +
                     "' in this row; it has: " + (known.empty() ? "(none)" : known));
}

std::string NamedRow::to_json() const {
    std::string out = "{";
    for (std::size_t i = 0; names && i < names->size() && i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += json_quote((*names)[i]) + ": " + json_of(values[i]);
    }
    return out + "}";
}

}  // namespace covet
