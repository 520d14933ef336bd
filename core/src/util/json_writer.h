// A minimal streaming JSON writer for --format json documents.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace covet::cli {

std::string json_escape(const std::string& text);  // with the surrounding quotes

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

}  // namespace covet::cli
