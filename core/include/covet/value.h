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
    // The accessors read every field of every row: inline, the error aside.
    std::int64_t as_int() const {
        if (const auto* v = std::get_if<std::int64_t>(&v_)) return *v;
        wrong_kind("an integer");
    }
    double as_double() const {
        if (const auto* v = std::get_if<double>(&v_)) return *v;
        if (const auto* v = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*v);
        wrong_kind("a number");
    }
    bool as_bool() const {
        if (const auto* v = std::get_if<bool>(&v_)) return *v;
        wrong_kind("a boolean");
    }
    const std::string& as_text() const {
        if (const auto* v = std::get_if<std::string>(&v_)) return *v;
        wrong_kind("text");
    }
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

    // Replace the value in place: a value of the same kind is overwritten
    // (a text keeps its buffer), so a row read over the previous row's
    // values makes nothing anew (the drivers' row readers).
    void assign_null() { v_.emplace<std::monostate>(); }
    void assign_int(std::int64_t v) { v_ = v; }
    void assign_float(double v) { v_ = v; }
    void assign_bool(bool v) { v_ = v; }
    void assign_text(const char* data, std::size_t size) {
        if (auto* text = std::get_if<std::string>(&v_))
            text->assign(data, size);
        else
            v_.emplace<std::string>(data, size);
    }

  private:
    [[noreturn]] void wrong_kind(const char* wanted) const;

    std::variant<std::monostate, std::int64_t, double, bool, std::string, Bytes, covet::Decimal,
                 covet::Date, covet::Time, covet::DateTime, covet::Uuid, covet::Json>
        v_;
};

using Row = std::vector<Value>;

}  // namespace covet
