#include "schema/python_repr.h"

#include <cstdio>

namespace covet {

std::string python_quote(const std::string& text) {
    std::string out = "'";
    for (unsigned char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\'':
                out += "\\'";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char escape[8];
                    std::snprintf(escape, sizeof escape, "\\x%02x", c);
                    out += escape;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "'";
}

std::string python_repr(const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Null:
            return "None";
        case Value::Kind::Bool:
            return value.as_bool() ? "True" : "False";
        case Value::Kind::Text:
            return python_quote(value.as_text());
        case Value::Kind::Blob: {
            std::string out = "b'";
            for (unsigned char byte : value.as_blob().data) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\x%02x", byte);
                out += escape;
            }
            return out + "'";
        }
        case Value::Kind::Int:
        case Value::Kind::Float:
            return value.to_string();
        case Value::Kind::Decimal:
            return "Decimal(" + python_quote(value.to_string()) + ")";
        case Value::Kind::Date:
            return "datetime.date.fromisoformat(" + python_quote(value.to_string()) + ")";
        case Value::Kind::Time:
            return "datetime.time.fromisoformat(" + python_quote(value.to_string()) + ")";
        case Value::Kind::DateTime:
            return "datetime.datetime.fromisoformat(" +
                   python_quote(value.as_datetime().iso() + "+00:00") + ")";
        case Value::Kind::Uuid:
            return "UUID(" + python_quote(value.to_string()) + ")";
        case Value::Kind::Json:
            return python_quote(value.to_string());
    }
    return value.to_string();
}

}  // namespace covet
