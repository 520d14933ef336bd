// Tokens of the Python-like subset that both the YAML field shorthand
// (`CharField(max_length=10)`) and the query shell (SPEC.md §6) are written in.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace covet {

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
};

struct Token {
    TokenKind kind = TokenKind::End;
    // Identifier: the name; String: the decoded value; Integer/Float: the
    // digits as written; punctuation: the symbol itself.
    std::string text;
    int column = 1;  // 1-based, counted in characters (UTF-8 code points)
};

// Splits text into tokens ending with one End token. Throws FieldError with
// the column for an unterminated string, a bad escape or a stray character.
std::vector<Token> tokenize(std::string_view text);

// How a token reads in an error message: "')'", "name 'foo'", "end of text".
std::string describe_token(const Token& token);

// The value of an Integer token, negated when `negative` (so that the
// smallest int64 is reachable). Throws FieldError when out of range.
std::int64_t integer_token_value(const Token& token, bool negative);
// The value of an Integer or Float token, negated when `negative`.
double float_token_value(const Token& token, bool negative);

}  // namespace covet
