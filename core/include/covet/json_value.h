// A JSON document (JSONField), kept as its text. Equal documents compare
// equal however their keys are ordered or spaced, since servers normalise
// what they store (a binary JSON column reorders keys).
#pragma once

#include <string>
#include <string_view>

namespace covet {

class Json {
  public:
    Json() : text_("null") {}
    // Any JSON value in UTF-8 ("1", "\"a\"", "{...}"). Throws ValueError.
    static Json parse(std::string_view text);

    const std::string& text() const { return text_; }
    const std::string& to_string() const { return text_; }

    // By parsed value: {"a":1,"b":2} == { "b": 2, "a": 1 }.
    friend bool operator==(const Json& a, const Json& b);

  private:
    explicit Json(std::string text) : text_(std::move(text)) {}
    std::string text_;
};

}  // namespace covet
