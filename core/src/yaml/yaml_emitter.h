// libyaml's emitter behind a small class that builds a document in memory:
// covet writes YAML (new migrations, models files) through it, so quoting of
// names and values with quotes, colons, '#' or non-ASCII text is libyaml's.
#pragma once

#include <yaml.h>

#include <string>
#include <vector>

namespace covet::yaml {

class Emitter {
  public:
    Emitter();
    ~Emitter();
    Emitter(const Emitter&) = delete;
    Emitter& operator=(const Emitter&) = delete;

    // A comment line written before the document (without the '#').
    void comment(const std::string& text);
    void begin_map(bool flow = false);
    void end_map();
    void begin_sequence(bool flow = false);
    void end_sequence();
    // A string: plain when it reads back as the same string (never as a
    // number, boolean or null), else quoted.
    void text(const std::string& value);
    // A scalar that reads back as what it says: a number, true, false.
    void literal(const std::string& value);

    void key(const std::string& name) { text(name); }
    void flow_list(const std::vector<std::string>& items);

    // Ends the document and returns its text.
    std::string finish();

  private:
    void emit(yaml_event_t& event);
    void scalar(const std::string& value, yaml_scalar_style_t style, bool plain_implicit);

    yaml_emitter_t emitter_{};
    std::string output_;
    std::string comments_;
    bool started_ = false;
};

}  // namespace covet::yaml
