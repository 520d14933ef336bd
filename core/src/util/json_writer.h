// JSON text: string quoting for every JSON covet writes (the canonical text
// behind checksums, JSONField defaults) and a minimal streaming writer for
// --format json documents.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace covet {

// How control characters are escaped. Both are valid JSON; each caller keeps
// the form its output has always had (checksums and golden outputs depend on it).
enum class JsonEscapes {
    short_forms,  // \n, \r, \t as such, other controls as \u00XX
    unicode_only  // every control character as \u00XX
};

// The text as a JSON string, with the surrounding quotes.
std::string json_quote(std::string_view text, JsonEscapes escapes = JsonEscapes::short_forms);

class JsonWriter {
  public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(const std::string& name);
    JsonWriter& string(const std::string& value);
    JsonWriter& number(double value);
    JsonWriter& integer(std::int64_t value);
    JsonWriter& boolean(bool value);
    JsonWriter& null();
    const std::string& str() const { return out_; }

  private:
    void before_value();
    std::string out_;
    std::vector<bool> first_;  // per open container: no element written yet
    bool after_key_ = false;
};

}  // namespace covet
