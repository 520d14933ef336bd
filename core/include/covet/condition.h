// A partial index's `where` or a constraint's `check` (SPEC.md §4): a small
// expression over field names, as Django's Q(...) conditions are, so that a
// rename follows it and each dialect renders it with its own quoting.
// Grammar: comparisons (= != <> < <= > >=), AND / OR / NOT, parentheses,
// IS [NOT] NULL, IN (...), literals (numbers, 'strings', true/false/null) and
// identifiers (field or column names, optionally "double-quoted").
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/value.h"

namespace covet {

// A condition that does not parse, with the 1-based column inside its text.
class ConditionError : public Error {
  public:
    ConditionError(const std::string& message, int column) : Error(message), column_(column) {}
    int column() const { return column_; }

  private:
    int column_;
};

struct ConditionNode;

// How a dialect writes the parts of a condition.
struct ConditionStyle {
    std::function<std::string(const std::string& name)> identifier;
    std::function<std::string(const Value& literal)> literal;
};

class Condition {
  public:
    // A name the condition mentions, with its 1-based column in the text.
    struct NameUse {
        std::string name;
        int column = 0;
    };
    // Where the text was written (for load errors); file empty when unknown.
    struct Origin {
        std::string file;
        int line = 0;
        int column = 0;         // of the text's first character
        bool one_line = false;  // columns inside the text map onto the file
    };

    Condition() = default;
    // Parses; throws ConditionError. "" is the empty condition (none).
    Condition(std::string text);
    Condition(const char* text) : Condition(std::string(text)) {}

    bool empty() const { return root_ == nullptr; }
    // The text as written: the checksum's canonical form keeps it.
    const std::string& text() const { return text_; }
    std::vector<NameUse> names() const;
    // A copy whose identifiers are mapped by `rename` (unchanged when it returns "").
    Condition renamed(const std::function<std::string(const std::string&)>& rename) const;
    std::string render(const ConditionStyle& style) const;
    // Dialect-neutral text: bare names, standard literals. Equal meaning, equal text.
    std::string normalized() const;

    Origin origin;
    // The file position of a column inside the text (the text's start when
    // the text spans lines); line 0 when the origin is unknown.
    Origin position_of(int column_in_text) const;

    bool operator==(const Condition& other) const { return normalized() == other.normalized(); }

  private:
    std::string text_;
    std::shared_ptr<const ConditionNode> root_;
};

}  // namespace covet
