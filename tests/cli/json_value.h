// A small JSON reader, enough to check the shape of covet's --format json documents.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace covet_test {

struct JsonValue {
    enum class Kind { Null, Bool, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    double number = 0;
    std::string text;
    std::vector<JsonValue> items;
    std::vector<std::pair<std::string, JsonValue>> members;  // in document order

    bool is_null() const { return kind == Kind::Null; }
    bool is_string() const { return kind == Kind::String; }
    bool is_number() const { return kind == Kind::Number; }
    bool is_array() const { return kind == Kind::Array; }
    bool is_object() const { return kind == Kind::Object; }
    bool has(const std::string& key) const;
    // Throws std::runtime_error when the key is absent or this is not an object.
    const JsonValue& at(const std::string& key) const;
    std::vector<std::string> keys() const;
};

// Parses exactly one JSON document (surrounding whitespace allowed); throws
// std::runtime_error naming the offset of the first problem.
JsonValue parse_json(const std::string& text);

}  // namespace covet_test
