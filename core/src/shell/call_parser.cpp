#include "shell/call_parser.h"

#include <algorithm>

#include "covet/error.h"
#include "shell/lexer.h"

namespace covet {

namespace {

// Deep enough for any real field definition, shallow enough never to exhaust the stack.
constexpr int kMaxNesting = 64;
// A field definition is a line or two; a megabyte is a mistake, not a field.
constexpr std::size_t kMaxTextBytes = std::size_t{1} << 20;

class CallParser {
  public:
    explicit CallParser(const std::string& text) : tokens_(tokenize(text)) {}

    CallExpression parse() {
        CallExpression call;
        const Token& name = peek();
        if (name.kind != TokenKind::Identifier) fail_expected("a name", name);
        call.callee_column = name.column;
        call.callee = dotted_name();
        if (peek().kind == TokenKind::End) return call;
        if (peek().kind != TokenKind::LeftParen) fail_expected("'('", peek());
        advance();
        parse_arguments(call);
        if (peek().kind != TokenKind::End) {
            throw FieldError("unexpected " + describe_token(peek()) + " after ')'", peek().column);
        }
        return call;
    }

  private:
    const Token& peek(std::size_t ahead = 0) const {
        return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
    }
    const Token& advance() {
        const Token& token = tokens_[pos_];
        if (pos_ + 1 < tokens_.size()) ++pos_;
        return token;
    }

    [[noreturn]] static void fail_expected(const std::string& what, const Token& found) {
        throw FieldError("expected " + what + ", found " + describe_token(found), found.column);
    }

    // A name, or names joined by dots (models.CASCADE) read as one word.
    std::string dotted_name() {
        std::string name = advance().text;
        while (peek().kind == TokenKind::Dot && peek(1).kind == TokenKind::Identifier) {
            advance();
            name += "." + advance().text;
        }
        return name;
    }

    void parse_arguments(CallExpression& call) {
        while (peek().kind != TokenKind::RightParen) {
            const Token& start = peek();
            if (start.kind == TokenKind::Identifier && peek(1).kind == TokenKind::Equals) {
                parse_keyword(call);
            } else {
                if (!call.keywords.empty()) {
                    throw FieldError("positional argument follows keyword argument", start.column);
                }
                call.positional.push_back(parse_value(0));
            }
            if (peek().kind == TokenKind::Comma) {
                advance();
            } else if (peek().kind != TokenKind::RightParen) {
                fail_expected(peek().kind == TokenKind::End ? "')'" : "',' or ')'", peek());
            }
        }
        advance();
    }

    void parse_keyword(CallExpression& call) {
        const Token& key = advance();
        advance();  // '='
        const bool repeated =
            std::any_of(call.keywords.begin(), call.keywords.end(),
                        [&](const auto& keyword) { return keyword.first == key.text; });
        if (repeated) {
            throw FieldError("keyword argument '" + key.text + "' repeated", key.column);
        }
        FieldArg value = parse_value(0);
        value.column = key.column;
        call.keywords.emplace_back(key.text, std::move(value));
    }

    FieldArg parse_value(int depth) {
        const Token& token = peek();
        if (depth > kMaxNesting) {
            throw FieldError("nesting deeper than " + std::to_string(kMaxNesting) + " levels",
                             token.column);
        }
        FieldArg arg;
        arg.column = token.column;
        switch (token.kind) {
            case TokenKind::Minus:
            case TokenKind::Plus:
                return parse_signed_number();
            case TokenKind::Integer:
                arg.value = integer_token_value(advance(), false);
                return arg;
            case TokenKind::Float:
                arg.value = float_token_value(advance(), false);
                return arg;
            case TokenKind::String:
                arg.value = advance().text;
                return arg;
            case TokenKind::True:
            case TokenKind::False:
                arg.value = advance().kind == TokenKind::True;
                return arg;
            case TokenKind::None:
                advance();
                return arg;
            case TokenKind::Identifier:
                arg.value = dotted_name();
                arg.is_bare_word = true;
                return arg;
            case TokenKind::LeftBracket:
                advance();
                return parse_sequence(arg, TokenKind::RightBracket, "']'", depth);
            case TokenKind::LeftParen:
                advance();
                return parse_sequence(arg, TokenKind::RightParen, "')'", depth);
            case TokenKind::LeftBrace:
                advance();
                return parse_dict(arg, depth);
            default:
                fail_expected("a value", token);
        }
    }

    // The shell's lexer makes '-' an operator, so a negative literal is a sign and a number.
    FieldArg parse_signed_number() {
        const Token& sign = advance();
        const bool negative = sign.kind == TokenKind::Minus;
        const Token& number = peek();
        FieldArg arg;
        arg.column = sign.column;
        if (number.kind == TokenKind::Integer) {
            arg.value = integer_token_value(advance(), negative);
        } else if (number.kind == TokenKind::Float) {
            arg.value = float_token_value(advance(), negative);
        } else {
            fail_expected("a number after '" + sign.text + "'", number);
        }
        return arg;
    }

    // A list [a, b] or a tuple (a, b); a parenthesised single value without a
    // trailing comma is just that value, as in Python.
    FieldArg parse_sequence(FieldArg arg, TokenKind close, const char* close_text, int depth) {
        const bool is_tuple = close == TokenKind::RightParen;
        bool trailing_comma = false;
        arg.is_list = true;
        while (peek().kind != close) {
            arg.items.push_back(parse_value(depth + 1));
            trailing_comma = false;
            if (peek().kind == TokenKind::Comma) {
                advance();
                trailing_comma = true;
            } else if (peek().kind != close) {
                fail_expected(peek().kind == TokenKind::End ? std::string(close_text)
                                                            : std::string("',' or ") + close_text,
                              peek());
            }
        }
        advance();
        if (is_tuple && arg.items.size() == 1 && !trailing_comma) {
            FieldArg single = std::move(arg.items.front());
            single.column = arg.column;
            return single;
        }
        return arg;
    }

    FieldArg parse_dict(FieldArg arg, int depth) {
        arg.is_dict = true;
        while (peek().kind != TokenKind::RightBrace) {
            const Token& key = peek();
            if (key.kind != TokenKind::Identifier && key.kind != TokenKind::String) {
                fail_expected(key.kind == TokenKind::End ? "'}'" : "a dict key", key);
            }
            advance();
            if (std::find(arg.dict_keys.begin(), arg.dict_keys.end(), key.text) !=
                arg.dict_keys.end()) {
                throw FieldError("duplicate key '" + key.text + "'", key.column);
            }
            if (peek().kind != TokenKind::Colon) fail_expected("':'", peek());
            advance();
            arg.dict_keys.push_back(key.text);
            arg.items.push_back(parse_value(depth + 1));
            if (peek().kind == TokenKind::Comma) {
                advance();
            } else if (peek().kind != TokenKind::RightBrace) {
                fail_expected(peek().kind == TokenKind::End ? "'}'" : "',' or '}'", peek());
            }
        }
        advance();
        return arg;
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
};

}  // namespace

CallExpression parse_call_expression(const std::string& text) {
    if (text.size() > kMaxTextBytes)
        throw FieldError(
            "the definition is longer than " + std::to_string(kMaxTextBytes >> 10) + " KiB", 1);
    return CallParser(text).parse();
}

}  // namespace covet
