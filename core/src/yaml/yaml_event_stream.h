// libyaml's event parser behind a small class that owns it and turns its
// errors into LoadError at file:line:column (1-based), for the document tree.
#pragma once

#include <yaml.h>

#include <string>
#include <string_view>

#include "yaml/yaml_document.h"

namespace covet::yaml {

Mark mark_of(const yaml_mark_t& m);
// The position of byte `offset` of `text`, for errors that libyaml reports as
// an offset and for the size limit.
Mark mark_at_offset(std::string_view text, std::size_t offset);

// Owns a libyaml parser and its current event.
class EventStream {
  public:
    EventStream(std::string_view text, const std::string& file);
    ~EventStream();
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;

    // The next event, valid until the next call. Throws LoadError.
    const yaml_event_t& next();
    [[noreturn]] void fail(Mark at, const std::string& message) const;

  private:
    [[noreturn]] void fail_from_parser() const;

    std::string_view text_;
    const std::string& file_;
    yaml_parser_t parser_{};
    yaml_event_t event_{};
    bool has_event_ = false;
};

}  // namespace covet::yaml
