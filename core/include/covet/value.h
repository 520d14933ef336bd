// A database value: what a column holds, a default, or a bound parameter.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "covet/decimal.h"
#include "covet/json_value.h"
#include "covet/temporal.h"
#include "covet/uuid.h"

namespace covet {

struct Bytes {
    std::vector<unsigned char> data;
    bool operator==(const Bytes&) const = default;
};

class Value {
  public:
    // New kinds are appended: the order is the variant's index.
    enum class Kind {
        Null,
        Int,
        Float,
        Bool,
        Text,
        Blob,
        Decimal,
        Date,
        Time,
        DateTime,
        Uuid,
        Json
    };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(int v) : v_(static_cast<std::int64_t>(v)) {}
    Value(std::int64_t v) : v_(v) {}
    Value(double v) : v_(v) {}
    Value(bool v) : v_(v) {}
    Value(const char* v) : v_(std::string(v)) {}
    Value(std::string v) : v_(std::move(v)) {}
    Value(Bytes v) : v_(std::move(v)) {}
    Value(covet::Decimal v) : v_(std::move(v)) {}
    Value(covet::Date v) : v_(v) {}
    Value(covet::Time v) : v_(v) {}
    Value(covet::DateTime v) : v_(v) {}
    Value(covet::Uuid v) : v_(v) {}
    Value(covet::Json v) : v_(std::move(v)) {}

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool is_null() const { return kind() == Kind::Null; }
    std::int64_t as_int() const;
    double as_double() const;
    bool as_bool() const;
    const std::string& as_text() const;
    const Bytes& as_blob() const;
    const covet::Decimal& as_decimal() const;
    covet::Date as_date() const;
    covet::Time as_time() const;
    covet::DateTime as_datetime() const;
    const covet::Uuid& as_uuid() const;
    const covet::Json& as_json() const;

    // Human-readable rendering, used in messages and text output (NULL for null);
    // the typed kinds give their canonical text (DateTime with a space, UUID hyphenated).
    std::string to_string() const;

    bool operator==(const Value&) const = default;

  private:
    std::variant<std::monostate, std::int64_t, double, bool, std::string, Bytes, covet::Decimal,
                 covet::Date, covet::Time, covet::DateTime, covet::Uuid, covet::Json>
        v_;
};

using Row = std::vector<Value>;

}  // namespace covet
