#include "sqlite/sqlite_value_codec.h"

#include <sqlite3.h>

#include <cstdio>
#include <string_view>

#include "covet/value_text.h"
#include "schema/sql_literals.h"
#include "util/text_case.h"

namespace covet {

std::optional<std::string> sqlite_stored_text(const Value& value) {
    return typed_value_text(value, TypedTextForm{true, ""});
}

namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// Whether the declared type's name (up to any '(') is `name`, in any case.
bool declared_as(const char* declared_type, std::string_view name) {
    std::size_t i = 0;
    for (; declared_type[i] && declared_type[i] != '('; ++i)
        if (i >= name.size() || ascii_lower(declared_type[i]) != name[i]) return false;
    return i == name.size();
}

}  // namespace

// Read for every column of every statement run: no allocation.
Value::Kind sqlite_declared_kind(const char* declared_type) {
    if (!declared_type) return Value::Kind::Text;  // an expression, not a column
    if (declared_as(declared_type, "decimal")) return Value::Kind::Decimal;
    if (declared_as(declared_type, "date")) return Value::Kind::Date;
    if (declared_as(declared_type, "time")) return Value::Kind::Time;
    if (declared_as(declared_type, "datetime") || declared_as(declared_type, "timestamp"))
        return Value::Kind::DateTime;
    return Value::Kind::Text;
}

Value sqlite_typed_value(Value::Kind declared, Value stored) {
    if (declared == Value::Kind::Text) return stored;
    switch (stored.kind()) {
        case Value::Kind::Text:
            return value_from_text_or_text(declared, stored.as_text());
        case Value::Kind::Int:
            if (declared == Value::Kind::Decimal) return Decimal(stored.as_int());
            return stored;
        case Value::Kind::Float: {
            if (declared != Value::Kind::Decimal) return stored;
            // What the REAL holds to SQLite's own 15 digits (Django reads it so too).
            char digits[40];
            std::snprintf(digits, sizeof digits, "%.15g", stored.as_double());
            Value typed = value_from_text_or_text(Value::Kind::Decimal, digits);
            return typed.kind() == Value::Kind::Decimal ? typed : stored;  // not nan or inf
        }
        default:
            return stored;
    }
}

int bind_values(sqlite3_stmt* stmt, const std::vector<Value>& params, BindCopy copy) {
    const auto lifetime = copy == BindCopy::copied ? SQLITE_TRANSIENT : SQLITE_STATIC;
    for (std::size_t i = 0; i < params.size(); ++i) {
        int index = static_cast<int>(i) + 1;
        const Value& v = params[i];
        int rc = SQLITE_OK;
        switch (v.kind()) {
            case Value::Kind::Null:
                rc = sqlite3_bind_null(stmt, index);
                break;
            case Value::Kind::Int:
                rc = sqlite3_bind_int64(stmt, index, v.as_int());
                break;
            case Value::Kind::Float:
                rc = sqlite3_bind_double(stmt, index, v.as_double());
                break;
            case Value::Kind::Bool:
                rc = sqlite3_bind_int(stmt, index, v.as_bool() ? 1 : 0);
                break;
            case Value::Kind::Text:
                rc = sqlite3_bind_text(stmt, index, v.as_text().data(),
                                       static_cast<int>(v.as_text().size()), lifetime);
                break;
            case Value::Kind::Blob:
                rc = sqlite3_bind_blob(stmt, index, v.as_blob().data.data(),
                                       static_cast<int>(v.as_blob().data.size()), lifetime);
                break;
            default: {  // the typed kinds, stored as text
                const std::string text = sqlite_stored_text(v).value_or(v.to_string());
                rc = sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()),
                                       SQLITE_TRANSIENT);
                break;
            }
        }
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

// Through the column's sqlite3_value: its accessors skip the per-call
// statement checks of the sqlite3_column_* ones (a row reads every column).
Value column_value(sqlite3_stmt* stmt, int i) {
    sqlite3_value* value = sqlite3_column_value(stmt, i);
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER:
            return Value(static_cast<std::int64_t>(sqlite3_value_int64(value)));
        case SQLITE_FLOAT:
            return Value(sqlite3_value_double(value));
        case SQLITE_TEXT: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(value));
            return Value(std::string(text, static_cast<std::size_t>(sqlite3_value_bytes(value))));
        }
        case SQLITE_BLOB: {
            auto* data = static_cast<const unsigned char*>(sqlite3_value_blob(value));
            Bytes b;
            b.data.assign(data, data + sqlite3_value_bytes(value));
            return Value(std::move(b));
        }
        default:
            return Value();
    }
}

void read_column(sqlite3_stmt* stmt, int i, Value& into) {
    sqlite3_value* value = sqlite3_column_value(stmt, i);
    switch (sqlite3_value_type(value)) {
        case SQLITE_INTEGER:
            into.assign_int(sqlite3_value_int64(value));
            break;
        case SQLITE_FLOAT:
            into.assign_float(sqlite3_value_double(value));
            break;
        case SQLITE_TEXT:
            into.assign_text(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                             static_cast<std::size_t>(sqlite3_value_bytes(value)));
            break;
        case SQLITE_NULL:
            into.assign_null();
            break;
        default:
            into = column_value(stmt, i);
    }
}

}  // namespace covet
