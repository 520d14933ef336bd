// Tokens of the Python-like subset that both the YAML field shorthand
// (`CharField(max_length=10)`) and the query shell (SPEC.md §6) are written in.
// Part of the syntax leaf: it knows no schema, no query and no database.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/position.h"

namespace covet::syntax {

enum class TokenKind {
    End,
    Identifier,
    Integer,  // unsigned digits; a leading '-' is a separate Minus token
    Float,
    String,
    True,
    False,
    None,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Comma,
    Equals,
    Colon,
    Dot,
    Ampersand,
    Pipe,
    Tilde,
    Plus,
    Minus,
    Star,
    Slash,
    Semicolon,
    Newline,  // only with Newlines::Tokens
};

struct Token {
    TokenKind kind = TokenKind::End;
    // Identifier: the name; String: the decoded value; Integer/Float: the
    // digits as written; punctuation: the symbol itself; End: empty, or how
    // an error names where a piece of the text ends ("';'", "end of line").
    std::string text;
    Position position;
    std::size_t offset = 0;  // byte offset of the token's first character in the text
};

// Newlines::Blank: a newline is a blank like a space (the field shorthand).
// Newlines::Tokens: each newline is a Newline token, a backslash before a
// newline joins the lines, and `#` starts a comment to the end of the line
// (the shell's statements, which newlines separate).
enum class Newlines { Blank, Tokens };

// Splits text into tokens ending with one End token. Newlines separate lines
// and are otherwise blanks. Throws SyntaxError at the string's start for an
// unterminated string, at the backslash for a bad escape, at a stray character.
std::vector<Token> tokenize(std::string_view text, Newlines newlines = Newlines::Blank);

// How a token reads in an error message: "')'", "name 'foo'", "end of text".
std::string describe_token(const Token& token);

// The value of an Integer token, negated when `negative` (so that the
// smallest int64 is reachable). Throws SyntaxError when out of range.
std::int64_t integer_token_value(const Token& token, bool negative);
// The value of an Integer or Float token, negated when `negative`. Throws
// SyntaxError when it overflows a double.
double float_token_value(const Token& token, bool negative);

}  // namespace covet::syntax
