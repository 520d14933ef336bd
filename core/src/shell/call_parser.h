// Parses one call of literals, `Name(arg, key=value, ...)`, the form of the
// YAML field shorthand. Arguments are literals (numbers, strings, True,
// False, None), bare words (read as strings), lists, tuples and dicts.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "covet/field.h"

namespace covet {

struct CallExpression {
    std::string callee;  // may be dotted, as in models.CharField
    int callee_column = 1;
    std::vector<FieldArg> positional;
    // A keyword argument's FieldArg::column is the column of its keyword, so
    // an error about the option points at the option's name.
    std::vector<std::pair<std::string, FieldArg>> keywords;
};

// Reads `Name`, `Name()` or `Name(args)` and nothing after it. Throws
// FieldError with the 1-based column of the first token that does not fit.
CallExpression parse_call_expression(const std::string& text);

}  // namespace covet
