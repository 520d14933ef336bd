// The syntax leaf's lexer: every token kind, literal spelling, escape, and
// error with its line and column.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "covet/error.h"
#include "syntax/lexer.h"
#include "syntax_test_support.h"

using namespace covet;
using namespace covet::syntax;

namespace {

std::vector<TokenKind> kinds_of(const std::vector<Token>& tokens) {
    std::vector<TokenKind> kinds;
    for (const auto& token : tokens)
        kinds.push_back(token.kind);
    return kinds;
}

}  // namespace

TEST_CASE("lexer reads every token kind of the shell with 1-based columns", "[lexer]") {
    const auto tokens =
        tokenize("Q(a__gte=18) & ~Q(b=1.5) | F('x') + 1 - 2 * 3 / 4; u.name[0:2] {}");
    using K = TokenKind;
    const std::vector<K> expected = {
        K::Identifier, K::LeftParen,   K::Identifier, K::Equals,     K::Integer,    K::RightParen,
        K::Ampersand,  K::Tilde,       K::Identifier, K::LeftParen,  K::Identifier, K::Equals,
        K::Float,      K::RightParen,  K::Pipe,       K::Identifier, K::LeftParen,  K::String,
        K::RightParen, K::Plus,        K::Integer,    K::Minus,      K::Integer,    K::Star,
        K::Integer,    K::Slash,       K::Integer,    K::Semicolon,  K::Identifier, K::Dot,
        K::Identifier, K::LeftBracket, K::Integer,    K::Colon,      K::Integer,    K::RightBracket,
        K::LeftBrace,  K::RightBrace,  K::End};
    CHECK(kinds_of(tokens) == expected);
    CHECK(tokens[0].position.column == 1);
    CHECK(tokens[2].text == "a__gte");
    CHECK(tokens[2].position.column == 3);
    CHECK(tokens[4].text == "18");
    CHECK(tokens[4].position.column == 10);
    CHECK(tokens[6].position.column == 14);
    CHECK(tokens[17].text == "x");
    CHECK(tokens[17].position.column == 30);
    CHECK(tokens.back().position.column == 66);
}

TEST_CASE("lexer reads True, False and None as keywords, other words as names", "[lexer]") {
    const auto tokens = tokenize("True False None true none_ x1");
    using K = TokenKind;
    CHECK(kinds_of(tokens) == std::vector<K>{K::True, K::False, K::None, K::Identifier,
                                             K::Identifier, K::Identifier, K::End});
}

TEST_CASE("lexer reads integers and floats in their Python spellings", "[lexer]") {
    const auto tokens = tokenize("42 1.5 .5 3. 1e3 2.5E-2 7e+1");
    using K = TokenKind;
    CHECK(kinds_of(tokens) == std::vector<K>{K::Integer, K::Float, K::Float, K::Float, K::Float,
                                             K::Float, K::Float, K::End});
    CHECK(integer_token_value(tokens[0], false) == 42);
    CHECK(float_token_value(tokens[2], false) == 0.5);
    CHECK(float_token_value(tokens[3], false) == 3.0);
    CHECK(float_token_value(tokens[4], false) == 1000.0);
    CHECK(float_token_value(tokens[5], true) == -0.025);
}

TEST_CASE("lexer leaves the sign of a number to the parser, so '-' stays an operator", "[lexer]") {
    const auto tokens = tokenize("-5");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].kind == TokenKind::Minus);
    CHECK(integer_token_value(tokens[1], true) == -5);
}

TEST_CASE("integer values reach the whole int64 range and no further", "[lexer]") {
    const auto tokens = tokenize("9223372036854775808 9223372036854775807");
    CHECK(integer_token_value(tokens[0], true) == INT64_MIN);
    CHECK(integer_token_value(tokens[1], false) == INT64_MAX);
    const auto error = syntax_error_of([&] { integer_token_value(tokens[0], false); });
    CHECK(error.message == "integer 9223372036854775808 is out of range");
    CHECK(error.column == 1);
}

TEST_CASE("lexer decodes string escapes in single and double quotes", "[lexer]") {
    const auto tokens = tokenize(R"('it\'s' "say \"hi\"" 'a\nb\tc\\d' '\x41\u00e9\101' '\d+')");
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[0].text == "it's");
    CHECK(tokens[1].text == "say \"hi\"");
    CHECK(tokens[2].text == "a\nb\tc\\d");
    CHECK(tokens[3].text ==
          "A\xc3\xa9"
          "A");
    // Unknown escapes stay as written, as in Python, so regexes survive.
    CHECK(tokens[4].text == "\\d+");
}

TEST_CASE("lexer keeps backslashes in raw strings", "[lexer]") {
    const auto tokens = tokenize(R"(r'^\d+\'$' R"\w")");
    CHECK(tokens[0].kind == TokenKind::String);
    CHECK(tokens[0].text == "^\\d+\\'$");
    CHECK(tokens[1].text == "\\w");
}

TEST_CASE("lexer counts columns in characters, not bytes", "[lexer]") {
    const auto tokens = tokenize("'\xc3\xa9\xc3\xa9' x");
    CHECK(tokens[1].position.column == 6);
    const auto error = syntax_error_of([] { tokenize("'\xc3\xa9' @"); });
    CHECK(error.message == "unexpected character '@'");
    CHECK(error.column == 5);
}

TEST_CASE("lexer errors name the problem and its column", "[lexer]") {
    auto error = syntax_error_of([] { tokenize("abc 'open"); });
    CHECK(error.message == "unterminated string");
    CHECK(error.column == 5);

    error = syntax_error_of([] { tokenize("x = \"ends with backslash\\"); });
    CHECK(error.message == "unterminated string");
    CHECK(error.column == 5);

    error = syntax_error_of([] { tokenize("a $"); });
    CHECK(error.message == "unexpected character '$'");
    CHECK(error.column == 3);

    error = syntax_error_of([] { tokenize("  12abc"); });
    CHECK(error.message == "invalid number '12abc'");
    CHECK(error.column == 3);

    error = syntax_error_of([] { tokenize("1e+"); });
    CHECK(error.message == "invalid number '1e'");

    error = syntax_error_of([] { tokenize("'ab\\x4'"); });
    CHECK(error.message == "truncated \\x escape");
    CHECK(error.column == 4);
}

TEST_CASE("lexer counts lines, and columns from 1 on each line", "[lexer]") {
    const auto tokens = tokenize("a(\n  b=1,\r\n\tc='x'\n)");
    using K = TokenKind;
    REQUIRE(kinds_of(tokens) == std::vector<K>{K::Identifier, K::LeftParen, K::Identifier,
                                               K::Equals, K::Integer, K::Comma, K::Identifier,
                                               K::Equals, K::String, K::RightParen, K::End});
    CHECK(tokens[0].position.line == 1);
    CHECK(tokens[2].position.line == 2);
    CHECK(tokens[2].position.column == 3);
    CHECK(tokens[5].position.column == 6);
    CHECK(tokens[6].position.line == 3);
    CHECK(tokens[6].position.column == 2);
    CHECK(tokens[8].position.column == 4);
    CHECK(tokens[9].position.line == 4);
    CHECK(tokens[9].position.column == 1);
    CHECK(tokens[10].position.line == 4);
    CHECK(tokens[10].position.column == 2);
}

TEST_CASE("lexer errors on a later line carry that line", "[lexer]") {
    auto error = syntax_error_of([] { tokenize("f(a=1,\n  b='open\n  )"); });
    CHECK(error.message == "unterminated string");
    CHECK(error.line == 2);
    CHECK(error.column == 5);

    error = syntax_error_of([] { tokenize("x\n\ny = 1 ?"); });
    CHECK(error.message == "unexpected character '?'");
    CHECK(error.line == 3);
    CHECK(error.column == 7);

    const auto tokens = tokenize("1\n 99999999999999999999");
    error = syntax_error_of([&] { integer_token_value(tokens[1], false); });
    CHECK(error.message == "integer 99999999999999999999 is out of range");
    CHECK(error.line == 2);
    CHECK(error.column == 2);
}

TEST_CASE("a SyntaxError is a covet::Error whose message has no position", "[lexer]") {
    try {
        tokenize("a\n  'b");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "unterminated string");
    }
}

TEST_CASE("lexer keeps newlines as tokens for statements, joins backslash lines, skips comments",
          "[lexer]") {
    using K = TokenKind;
    const auto tokens = tokenize("a # note ( ' \n b \\  \n c\n", Newlines::Tokens);
    REQUIRE(kinds_of(tokens) == std::vector<K>{K::Identifier, K::Newline, K::Identifier,
                                               K::Identifier, K::Newline, K::End});
    CHECK(tokens[1].position.line == 1);
    CHECK(tokens[1].position.column == 14);
    CHECK(tokens[3].text == "c");
    CHECK(tokens[3].position.line == 3);
    CHECK(tokens[3].offset == 22);
    CHECK(tokens[2].offset == 15);
    CHECK(tokens[5].offset == 24);
    // The field shorthand's default: newlines are blanks and '#' is no comment.
    CHECK(kinds_of(tokenize("a\nb")) == std::vector<K>{K::Identifier, K::Identifier, K::End});
    CHECK(syntax_error_of([] { tokenize("a # b"); }).message == "unexpected character '#'");
    CHECK(syntax_error_of([] { tokenize("a \\\nb"); }).message == "unexpected character '\\'");
}
