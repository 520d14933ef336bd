#include "shell/output_cells.h"

#include <cmath>

#include "query/json_encoding.h"
#include "util/hex.h"

namespace covet::shell {

std::optional<std::string> cell_text(const Value& value) {
    if (value.is_null()) return std::nullopt;
    switch (value.kind()) {
        case Value::Kind::Text:
            return value.as_text();
        case Value::Kind::Decimal:
            return value.as_decimal().to_string();
        case Value::Kind::Json:
            return json_of(value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        default:
            break;
    }
    const nlohmann::json json = json_of(value);
    if (json.is_string()) return json.get<std::string>();
    if (json.is_null()) {  // a float JSON cannot say
        const double number = value.as_double();
        return std::isnan(number) ? "NaN" : number > 0 ? "Infinity" : "-Infinity";
    }
    return json.dump();
}

bool is_numeric(const Value& value) {
    const Value::Kind kind = value.kind();
    return kind == Value::Kind::Int || kind == Value::Kind::Float || kind == Value::Kind::Decimal;
}

std::string python_repr(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Null:
            return "None";
        case Value::Kind::Bool:
            return value.as_bool() ? "True" : "False";
        case Value::Kind::Text: {
            std::string out = "'";
            for (const char c : value.as_text()) {
                if (c == '\'' || c == '\\') out += '\\';
                out += c;
            }
            return one_line(out + "'");
        }
        case Value::Kind::Decimal:
            return "Decimal('" + value.as_decimal().to_string() + "')";
        case Value::Kind::Int:
        case Value::Kind::Float:
        case Value::Kind::Json:
            return *cell_text(value);
        default:
            return "'" + *cell_text(value) + "'";
    }
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
    return width;
}

std::string fit_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return "";
    std::size_t kept = 0;  // code points kept
    std::size_t end = 0;   // bytes kept
    while (end < text.size()) {
        if ((static_cast<unsigned char>(text[end]) & 0xC0) != 0x80) {
            if (kept == width - 1) break;
            ++kept;
        }
        ++end;
    }
    return std::string(text.substr(0, end)) + "\u2026";
}

std::string one_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte != 0x7F) {
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else {
            out += "\\x" + hex_lower(&byte, 1);
        }
    }
    return out;
}

}  // namespace covet::shell
