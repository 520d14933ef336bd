#include "postgres/postgres_value_codec.h"

#include <cstdlib>
#include <pqxx/pqxx>
#include "covet/error.h"
#include "covet/value_text.h"
#include "db/server_error.h"
#include "schema/sql_literals.h"
#include "util/float_text.h"
#include "util/hex.h"

namespace covet {

namespace {

// pg_type OIDs of the typed kinds (PostgreSQL's catalog, stable across versions).
constexpr unsigned int kNumericOid = 1700;
constexpr unsigned int kDateOid = 1082;
constexpr unsigned int kTimeOid = 1083;
constexpr unsigned int kTimestampOid = 1114;
constexpr unsigned int kTimestamptzOid = 1184;
constexpr unsigned int kUuidOid = 2950;
constexpr unsigned int kJsonOid = 114;
constexpr unsigned int kJsonbOid = 3802;

}  // namespace

std::optional<std::string> postgres_param_text(const Value& value) {
    return typed_value_text(value, TypedTextForm{false, "+00"});
}

Value::Kind postgres_oid_kind(unsigned int oid) {
    switch (oid) {
        case kNumericOid:
            return Value::Kind::Decimal;
        case kDateOid:
            return Value::Kind::Date;
        case kTimeOid:
            return Value::Kind::Time;
        case kTimestampOid:
        case kTimestamptzOid:
            return Value::Kind::DateTime;
        case kUuidOid:
            return Value::Kind::Uuid;
        case kJsonOid:
        case kJsonbOid:
            return Value::Kind::Json;
        default:
            return Value::Kind::Text;
    }
}

Value postgres_typed_value(Value::Kind kind, std::string_view text) {
    if (kind == Value::Kind::Text) return std::string(text);
    return value_from_text_or_text(kind, text);
}

namespace {

// pg_type OIDs of the types that map to a Value other than text.
constexpr pqxx::oid kBoolOid = 16;
constexpr pqxx::oid kByteaOid = 17;
constexpr pqxx::oid kInt8Oid = 20;
constexpr pqxx::oid kInt2Oid = 21;
constexpr pqxx::oid kInt4Oid = 23;
constexpr pqxx::oid kOidOid = 26;
constexpr pqxx::oid kFloat4Oid = 700;
constexpr pqxx::oid kFloat8Oid = 701;

// PostgreSQL's own spellings of the values plain digits cannot say.
std::string float_text(double v) {
    return covet::float_text(v, FloatSpelling{"NaN", "Infinity", false});
}

std::string hex_bytea(const Bytes& bytes) {
    return "\\x" + hex_lower(bytes.data.data(), bytes.data.size());
}

}  // namespace

std::vector<std::optional<std::string>> parameter_texts(const std::vector<Value>& params,
                                                        const std::string& sql) {
    std::vector<std::optional<std::string>> texts(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Value& v = params[i];
        switch (v.kind()) {
            case Value::Kind::Null:
                break;
            case Value::Kind::Int:
                texts[i] = std::to_string(v.as_int());
                break;
            case Value::Kind::Float:
                texts[i] = float_text(v.as_double());
                break;
            case Value::Kind::Bool:
                texts[i] = v.as_bool() ? "true" : "false";
                break;
            case Value::Kind::Text:
                if (v.as_text().find('\0') != std::string::npos)
                    throw DatabaseError("parameter " + std::to_string(i + 1) +
                                        " holds a NUL character, which PostgreSQL text cannot "
                                        "store (in: " +
                                        sql_excerpt(sql) + ")");
                texts[i] = v.as_text();
                break;
            case Value::Kind::Blob:
                texts[i] = hex_bytea(v.as_blob());
                break;
            default:  // the typed kinds, as their text
                texts[i] = postgres_param_text(v).value_or(v.to_string());
                break;
        }
    }
    return texts;
}

std::vector<const char*> parameter_pointers(const std::vector<std::optional<std::string>>& texts) {
    std::vector<const char*> pointers;
    pointers.reserve(texts.size());
    for (const auto& text : texts)
        pointers.push_back(text ? text->c_str() : nullptr);
    return pointers;
}

Value field_value(const pqxx::field& f) {
    if (f.is_null()) return Value();
    switch (f.type()) {
        case kBoolOid:
            return Value(f.c_str()[0] == 't');
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
        case kOidOid:
            return Value(static_cast<std::int64_t>(std::strtoll(f.c_str(), nullptr, 10)));
        case kFloat4Oid:
        case kFloat8Oid:
            return Value(std::strtod(f.c_str(), nullptr));
        case kByteaOid: {
            pqxx::binarystring raw(f);
            Bytes b;
            b.data.assign(raw.data(), raw.data() + raw.size());
            return Value(std::move(b));
        }
        default:
            return postgres_typed_value(postgres_oid_kind(f.type()),
                                        std::string_view(f.c_str(), f.size()));
    }
}

}  // namespace covet
