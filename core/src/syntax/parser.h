// Reads expressions of the Python-like subset into the AST of syntax/ast.h.
// Two grammars share one parser: the field shorthand's literals and the
// shell's expressions. A statement parser (the shell's `u = ...; u.save()`)
// builds on Parser: it reads its own tokens with peek()/advance() and hands
// every expression to expression().
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/ast.h"
#include "syntax/lexer.h"

namespace covet::syntax {

// Deep enough for any real field definition or statement, shallow enough
// never to exhaust the stack on hostile input.
inline constexpr int kMaxNesting = 64;

enum class Grammar {
    // A value is a literal (a number with an optional sign, a string, True,
    // False, None), a dotted name (models.CASCADE), or a list, tuple or dict
    // of values: nothing is computed. The field shorthand.
    Literals,
    // A value is any expression: names, attribute access, calls with
    // positional and keyword arguments, indexing and slicing, unary - + ~,
    // and binary | & + - * / with Python's precedence. The shell.
    Expressions,
};

class Parser {
  public:
    Parser(std::vector<Token> tokens, Grammar grammar);

    // One value of the grammar, stopping before the first token that cannot
    // continue it. Throws SyntaxError at the first token that does not fit.
    Expr expression();
    // The arguments of a call whose '(' was just read, up to its ')'.
    Call call_arguments(Expr callee);
    // Fails with "unexpected X after Y" unless all the text was read.
    void expect_end() const;

    const Token& peek(std::size_t ahead = 0) const;
    const Token& advance();

    [[noreturn]] static void fail(const Token& at, const std::string& message);
    // "expected <what>, found <token>"
    [[noreturn]] static void fail_expected(const std::string& what, const Token& found);

  private:
    Expr literal();
    Expr operand(int level);
    Expr unary();
    Expr postfix(Expr expr);
    Expr subscript_index();
    Expr atom();
    Expr signed_number();
    Expr dotted_name();
    Expr sequence(const Token& open, TokenKind close, const char* close_text);
    Expr dict(const Token& open);
    void keyword_argument(Call& call);
    void check_depth() const;
    static Expr attribute(Expr object, std::string name);

    // Brackets and unary operators nest: counted, so that check_depth()
    // refuses input that would recurse past kMaxNesting levels.
    class Nested {
      public:
        explicit Nested(int& depth) : depth_(depth) { ++depth_; }
        ~Nested() { --depth_; }
        Nested(const Nested&) = delete;
        Nested& operator=(const Nested&) = delete;

      private:
        int& depth_;
    };

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    Grammar grammar_;
    int depth_ = 0;
};

// The whole text as one expression of Grammar::Expressions.
Expr parse_expression(std::string_view text);

// The field shorthand's form: `Name`, `Name()` or `Name(args)` with dotted
// names allowed and arguments of Grammar::Literals, nothing after it.
Call parse_literal_call(std::string_view text);

}  // namespace covet::syntax
