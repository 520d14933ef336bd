#include "yaml/yaml_event_stream.h"

#include <algorithm>
#include <new>

#include "covet/error.h"

namespace covet::yaml {

Mark mark_of(const yaml_mark_t& m) {
    return {static_cast<int>(m.line) + 1, static_cast<int>(m.column) + 1};
}

Mark mark_at_offset(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::string_view before = text.substr(0, offset);
    int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    std::size_t line_start = before.rfind('\n');
    int column =
        static_cast<int>(offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1);
    return {line, column};
}

EventStream::EventStream(std::string_view text, const std::string& file)
    : text_(text), file_(file) {
    if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
}

EventStream::~EventStream() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
}

const yaml_event_t& EventStream::next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = false;
    if (!yaml_parser_parse(&parser_, &event_)) fail_from_parser();
    has_event_ = true;
    return event_;
}

void EventStream::fail(Mark at, const std::string& message) const {
    throw LoadError(file_, at.line, at.column, "malformed YAML: " + message);
}

void EventStream::fail_from_parser() const {
    if (parser_.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
    std::string problem = parser_.problem ? parser_.problem : "cannot parse";
    // Encoding errors carry a byte offset, not a line.
    if (parser_.error == YAML_READER_ERROR)
        fail(mark_at_offset(text_, parser_.problem_offset), problem);
    if (parser_.context) {
        Mark c = mark_of(parser_.context_mark);
        problem += " (" + std::string(parser_.context) + " that starts at " +
                   std::to_string(c.line) + ":" + std::to_string(c.column) + ")";
    }
    fail(mark_of(parser_.problem_mark), problem);
}

}  // namespace covet::yaml
