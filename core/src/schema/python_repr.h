// Values written as Python literals ('text', 1.5, True, None): how field
// definitions are written, so canonical texts and messages use them too.
#pragma once

#include <string>

#include "covet/value.h"

namespace covet {

// Unambiguous: strings are quoted and escaped, floats keep full precision
// and always read as floats (1.0, never 1).
std::string python_repr(const Value& value);
std::string python_quote(const std::string& text);

}  // namespace covet
