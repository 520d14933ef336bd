// The statements of the shell (SPEC.md §6): an expression, `name = expr`, or
// `object.attr = expr`, separated by `;` or newlines. Built on the syntax
// leaf's Parser (core/src/syntax), which reads each expression.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/ast.h"

namespace covet::shell {

struct Statement {
    enum class Kind { Expression, Assign, AttributeAssign };
    Kind kind = Kind::Expression;
    // Assign: the variable; AttributeAssign: the attribute's name.
    std::string name;
    // AttributeAssign: the object whose attribute is set (`u` in `u.name = ...`).
    std::optional<syntax::Expr> target;
    syntax::Expr value;
    std::string text;  // the statement's own source text (for messages and .sql)
    syntax::Position position;
};

// Every statement of `text` (which may span lines while brackets are open).
// Throws SyntaxError{line, column} at the first thing outside the grammar.
std::vector<Statement> parse_statements(std::string_view text);

// Whether `text` so far is an unfinished statement: a bracket still open,
// or a line ending in a binary operator or a backslash. The front end keeps
// reading lines (prompt "...") while this holds.
bool needs_more_input(std::string_view text);

// The line of `text` that `position` is on, and a caret under its column:
//   User.objects.fliter(x=1
//                           ^
std::string caret_excerpt(std::string_view text, syntax::Position position);

}  // namespace covet::shell
