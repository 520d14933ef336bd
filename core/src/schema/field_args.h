// Literal rules for the long form of a field: the YAML loader turns each
// scalar of `{type: CharField, max_length: 200, null: true}` into a FieldArg
// the same way the shorthand parser reads `CharField(max_length=200, null=True)`.
#pragma once

#include <string>

#include "covet/field.h"

namespace covet {

// A quoted scalar is always a string. A plain scalar follows the YAML core
// schema: ~, null, Null, NULL, None and the empty text are null; true/True/
// TRUE/false/False/FALSE are booleans; integers (also 0x.., 0o..) and floats
// (also .inf, .nan) are numbers; any other text is a bare-word string.
// The result has column 0: long-form positions come from the YAML marks.
FieldArg field_arg_from_scalar_text(const std::string& text, bool quoted);

}  // namespace covet
