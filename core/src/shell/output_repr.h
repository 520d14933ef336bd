// One-line text for shell values that are no data: a model, a Q, an F()
// expression or aggregate, a built-in function. Q and expressions read as
// Django's repr: <Q: (AND: ('age__gte', 18), ('active', True))>,
// F(view_count) + Value(1), Count(F(posts), distinct=True).
#pragma once

#include <string>

#include "shell/shell_value.h"

namespace covet::shell {

std::string repr(const Q& q);
std::string repr(const Expr& expr);
// "<model User (table users): id, name, email, ...>"
std::string repr(const ModelState& model);
// A list or tuple as Python writes it: [1, 'a', None], (1,).
std::string repr(const ListValue& list);
// The text of any value that is no table: scalars plainly (a string
// without quotes, NULL as `NULL`), the others by the functions above.
std::string plain_text(const ShellValue& value);

}  // namespace covet::shell
