// A database value: what a column holds, a default, or a bound parameter.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace covet {

struct Bytes {
    std::vector<unsigned char> data;
    bool operator==(const Bytes&) const = default;
};

class Value {
  public:
    enum class Kind { Null, Int, Float, Bool, Text, Blob };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(int v) : v_(static_cast<std::int64_t>(v)) {}
    Value(std::int64_t v) : v_(v) {}
    Value(double v) : v_(v) {}
    Value(bool v) : v_(v) {}
    Value(const char* v) : v_(std::string(v)) {}
    Value(std::string v) : v_(std::move(v)) {}
    Value(Bytes v) : v_(std::move(v)) {}

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool is_null() const { return kind() == Kind::Null; }
    std::int64_t as_int() const;
    double as_double() const;
    bool as_bool() const;
    const std::string& as_text() const;
    const Bytes& as_blob() const;

    // Human-readable rendering, used in messages and text output (NULL for null).
    std::string to_string() const;

    bool operator==(const Value&) const = default;

  private:
    std::variant<std::monostate, std::int64_t, double, bool, std::string, Bytes> v_;
};

using Row = std::vector<Value>;

}  // namespace covet
