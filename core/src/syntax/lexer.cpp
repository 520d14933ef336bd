#include "syntax/lexer.h"

#include <charconv>
#include <cmath>
#include <limits>

#include "covet/error.h"

namespace covet::syntax {

namespace {

bool is_identifier_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_identifier_char(char c) {
    return is_identifier_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

[[noreturn]] void fail_at(Position at, const std::string& message) {
    throw SyntaxError(at.line, at.column, message);
}

int hex_digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

TokenKind punctuation_kind(char c) {
    switch (c) {
        case '(':
            return TokenKind::LeftParen;
        case ')':
            return TokenKind::RightParen;
        case '[':
            return TokenKind::LeftBracket;
        case ']':
            return TokenKind::RightBracket;
        case '{':
            return TokenKind::LeftBrace;
        case '}':
            return TokenKind::RightBrace;
        case ',':
            return TokenKind::Comma;
        case '=':
            return TokenKind::Equals;
        case ':':
            return TokenKind::Colon;
        case '.':
            return TokenKind::Dot;
        case '&':
            return TokenKind::Ampersand;
        case '|':
            return TokenKind::Pipe;
        case '~':
            return TokenKind::Tilde;
        case '+':
            return TokenKind::Plus;
        case '-':
            return TokenKind::Minus;
        case '*':
            return TokenKind::Star;
        case '/':
            return TokenKind::Slash;
        case ';':
            return TokenKind::Semicolon;
        default:
            return TokenKind::End;
    }
}

class Lexer {
  public:
    Lexer(std::string_view text, Newlines newlines) : text_(text), newlines_(newlines) {}

    std::vector<Token> run() {
        std::vector<Token> tokens;
        for (;;) {
            skip_whitespace();
            if (at_end()) break;
            const std::size_t offset = pos_;
            tokens.push_back(next_token());
            tokens.back().offset = offset;
        }
        tokens.push_back(Token{TokenKind::End, "", position_, pos_});
        return tokens;
    }

  private:
    bool at_end() const { return pos_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }
    char advance() {
        const char c = text_[pos_++];
        if (c == '\n') {
            ++position_.line;
            position_.column = 1;
        } else if (!is_continuation_byte(c)) {
            // Columns count characters: the continuation bytes of a UTF-8 sequence do not move it.
            ++position_.column;
        }
        return c;
    }

    void skip_whitespace() {
        const bool newline_is_blank = newlines_ == Newlines::Blank;
        while (!at_end()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || (c == '\n' && newline_is_blank)) {
                advance();
            } else if (!newline_is_blank && c == '\\' && joins_lines()) {
                while (peek() != '\n')
                    advance();
                advance();
            } else if (!newline_is_blank && c == '#') {
                while (!at_end() && peek() != '\n')
                    advance();
            } else {
                return;
            }
        }
    }

    // A backslash followed by nothing but blanks up to the end of its line.
    bool joins_lines() const {
        std::size_t ahead = 1;
        while (peek(ahead) == ' ' || peek(ahead) == '\t' || peek(ahead) == '\r')
            ++ahead;
        return peek(ahead) == '\n';
    }

    Token next_token() {
        const Position start = position_;
        const char c = peek();
        if (c == '\n') {
            advance();
            return Token{TokenKind::Newline, "\n", start};
        }
        if ((c == 'r' || c == 'R') && (peek(1) == '\'' || peek(1) == '"')) {
            advance();
            return string_token(start, true);
        }
        if (is_identifier_start(c)) return word_token(start);
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number_token(start);
        if (c == '\'' || c == '"') return string_token(start, false);
        const TokenKind kind = punctuation_kind(c);
        if (kind != TokenKind::End) {
            advance();
            return Token{kind, std::string(1, c), start};
        }
        fail_at(start, "unexpected character '" + current_character() + "'");
    }

    // The whole UTF-8 sequence at the current position, for messages.
    std::string current_character() const {
        std::size_t end = pos_ + 1;
        while (end < text_.size() && is_continuation_byte(text_[end]))
            ++end;
        return std::string(text_.substr(pos_, end - pos_));
    }

    Token word_token(Position start) {
        std::string word;
        while (!at_end() && is_identifier_char(peek()))
            word += advance();
        TokenKind kind = TokenKind::Identifier;
        if (word == "True") kind = TokenKind::True;
        if (word == "False") kind = TokenKind::False;
        if (word == "None") kind = TokenKind::None;
        return Token{kind, word, start};
    }

    Token number_token(Position start) {
        std::string digits;
        bool is_float = false;
        while (is_digit(peek()))
            digits += advance();
        if (peek() == '.') {
            is_float = true;
            digits += advance();
            while (is_digit(peek()))
                digits += advance();
        }
        if (peek() == 'e' || peek() == 'E') {
            const std::size_t sign = (peek(1) == '+' || peek(1) == '-') ? 1 : 0;
            if (!is_digit(peek(1 + sign))) fail_invalid_number(digits, start);
            is_float = true;
            digits += advance();
            if (sign) digits += advance();
            while (is_digit(peek()))
                digits += advance();
        }
        if (is_identifier_char(peek())) fail_invalid_number(digits, start);
        return Token{is_float ? TokenKind::Float : TokenKind::Integer, digits, start};
    }

    // Names the whole malformed word, as in "invalid number '12abc'".
    [[noreturn]] void fail_invalid_number(std::string text, Position start) {
        while (!at_end() && is_identifier_char(peek()))
            text += advance();
        fail_at(start, "invalid number '" + text + "'");
    }

    Token string_token(Position start, bool raw) {
        const char quote = advance();
        std::string value;
        for (;;) {
            if (at_end() || peek() == '\n') {
                fail_at(start, "unterminated string");
            }
            const char c = peek();
            if (c == quote) {
                advance();
                return Token{TokenKind::String, value, start};
            }
            if (c != '\\') {
                value += advance();
                continue;
            }
            const Position escape_start = position_;
            advance();
            if (at_end()) {
                fail_at(start, "unterminated string");
            }
            if (raw) {
                // As in Python, a raw string keeps the backslash, which still protects a quote.
                value += '\\';
                value += advance();
                continue;
            }
            read_escape(value, escape_start);
        }
    }

    void read_escape(std::string& value, Position escape_start) {
        const char c = advance();
        switch (c) {
            case '\\':
            case '\'':
            case '"':
                value += c;
                return;
            case 'n':
                value += '\n';
                return;
            case 't':
                value += '\t';
                return;
            case 'r':
                value += '\r';
                return;
            case 'a':
                value += '\a';
                return;
            case 'b':
                value += '\b';
                return;
            case 'f':
                value += '\f';
                return;
            case 'v':
                value += '\v';
                return;
            case 'x':
                append_utf8(value, read_hex_digits(2, "\\x", escape_start));
                return;
            case 'u':
                append_utf8(value, read_hex_digits(4, "\\u", escape_start));
                return;
            case 'U': {
                const std::uint32_t code_point = read_hex_digits(8, "\\U", escape_start);
                if (code_point > 0x10FFFF) {
                    fail_at(escape_start, "invalid \\U escape");
                }
                append_utf8(value, code_point);
                return;
            }
            default:
                break;
        }
        if (c >= '0' && c <= '7') {
            std::uint32_t code = static_cast<std::uint32_t>(c - '0');
            for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; ++i) {
                code = code * 8 + static_cast<std::uint32_t>(advance() - '0');
            }
            append_utf8(value, code);
            return;
        }
        // Python keeps unknown escapes such as \d as written, which regexes rely on.
        value += '\\';
        value += c;
    }

    std::uint32_t read_hex_digits(int count, const char* escape, Position escape_start) {
        std::uint32_t code = 0;
        for (int i = 0; i < count; ++i) {
            const int digit = hex_digit_value(peek());
            if (digit < 0) {
                fail_at(escape_start, std::string("truncated ") + escape + " escape");
            }
            advance();
            code = code * 16 + static_cast<std::uint32_t>(digit);
        }
        return code;
    }

    std::string_view text_;
    Newlines newlines_;
    std::size_t pos_ = 0;
    Position position_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text, Newlines newlines) {
    return Lexer(text, newlines).run();
}

std::string describe_token(const Token& token) {
    switch (token.kind) {
        case TokenKind::End:
            return token.text.empty() ? "end of text" : token.text;
        case TokenKind::Newline:
            return "end of line";
        case TokenKind::Identifier:
            return "name '" + token.text + "'";
        case TokenKind::Integer:
        case TokenKind::Float:
            return "number " + token.text;
        case TokenKind::String:
            return "string '" + token.text + "'";
        default:
            return "'" + token.text + "'";
    }
}

std::int64_t integer_token_value(const Token& token, bool negative) {
    const std::string text = (negative ? "-" : "") + token.text;
    std::int64_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size()) {
        fail_at(token.position, "integer " + text + " is out of range");
    }
    return value;
}

double float_token_value(const Token& token, bool negative) {
    double value = 0;
    const char* begin = token.text.data();
    const char* end = begin + token.text.size();
    const auto result = std::from_chars(begin, end, value);
    if (result.ec != std::errc() || result.ptr != end || std::isinf(value)) {
        fail_at(token.position, "number " + token.text + " is out of range");
    }
    return negative ? -value : value;
}

}  // namespace covet::syntax
