#include "syntax/parser.h"

#include <algorithm>

#include "covet/error.h"

namespace covet::syntax {

Parser::Parser(std::vector<Token> tokens, Grammar grammar)
    : tokens_(std::move(tokens)), grammar_(grammar) {
    if (tokens_.empty()) tokens_.push_back(Token{});  // tokenize() always ends with End
}

const Token& Parser::peek(std::size_t ahead) const {
    return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
}

const Token& Parser::advance() {
    const Token& token = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
}

void Parser::fail(const Token& at, const std::string& message) {
    throw SyntaxError(at.position.line, at.position.column, message);
}

void Parser::fail_expected(const std::string& what, const Token& found) {
    fail(found, "expected " + what + ", found " + describe_token(found));
}

void Parser::expect_end() const {
    const Token& next = peek();
    if (next.kind == TokenKind::End) return;
    std::string message = "unexpected " + describe_token(next);
    if (pos_ > 0) message += " after " + describe_token(tokens_[pos_ - 1]);
    fail(next, message);
}

void Parser::check_depth() const {
    if (depth_ > kMaxNesting) {
        fail(peek(), "nesting deeper than " + std::to_string(kMaxNesting) + " levels");
    }
}

Expr Parser::expression() {
    check_depth();
    return grammar_ == Grammar::Literals ? literal() : operand(0);
}

Expr Parser::literal() {
    switch (peek().kind) {
        case TokenKind::Minus:
        case TokenKind::Plus:
            return signed_number();
        case TokenKind::Identifier:
            return dotted_name();
        default:
            return atom();
    }
}

// What both grammars read alike: literal tokens, a single name, brackets.
Expr Parser::atom() {
    const Token& token = peek();
    const Position at = token.position;
    switch (token.kind) {
        case TokenKind::Integer:
            return Expr{IntegerLiteral{integer_token_value(advance(), false)}, at};
        case TokenKind::Float:
            return Expr{FloatLiteral{float_token_value(advance(), false)}, at};
        case TokenKind::String:
            return Expr{StringLiteral{advance().text}, at};
        case TokenKind::True:
        case TokenKind::False:
            return Expr{BoolLiteral{advance().kind == TokenKind::True}, at};
        case TokenKind::None:
            advance();
            return Expr{NoneLiteral{}, at};
        case TokenKind::Identifier:
            return Expr{Name{advance().text}, at};
        case TokenKind::LeftBracket:
            return sequence(advance(), TokenKind::RightBracket, "']'");
        case TokenKind::LeftParen:
            return sequence(advance(), TokenKind::RightParen, "')'");
        case TokenKind::LeftBrace:
            return dict(advance());
        default:
            fail_expected("a value", token);
    }
}

// The lexer makes '-' an operator, so a negative literal is a sign and a
// number, read as one literal so that the smallest int64 is reachable.
Expr Parser::signed_number() {
    const Token& sign = advance();
    const bool negative = sign.kind == TokenKind::Minus;
    const Token& number = peek();
    if (number.kind == TokenKind::Integer) {
        return Expr{IntegerLiteral{integer_token_value(advance(), negative)}, sign.position};
    }
    if (number.kind == TokenKind::Float) {
        return Expr{FloatLiteral{float_token_value(advance(), negative)}, sign.position};
    }
    fail_expected("a number after '" + sign.text + "'", number);
}

// A name, or names joined by dots (models.CASCADE): nothing else follows a dot here.
Expr Parser::dotted_name() {
    Expr expr = atom();
    while (peek().kind == TokenKind::Dot && peek(1).kind == TokenKind::Identifier) {
        advance();
        expr = attribute(std::move(expr), advance().text);
    }
    return expr;
}

Expr Parser::attribute(Expr object, std::string name) {
    const Position at = object.position;
    return Expr{Attribute{Box<Expr>(std::move(object)), std::move(name)}, at};
}

// A list [a, b] or a tuple (a, b); a parenthesised single value without a
// trailing comma is just that value, as in Python.
Expr Parser::sequence(const Token& open, TokenKind close, const char* close_text) {
    std::vector<Expr> items;
    bool trailing_comma = false;
    {
        Nested nested(depth_);
        while (peek().kind != close) {
            items.push_back(expression());
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
    }
    advance();
    if (close == TokenKind::RightBracket) return Expr{ListExpr{std::move(items)}, open.position};
    if (items.size() == 1 && !trailing_comma) {
        Expr single = std::move(items.front());
        single.position = open.position;
        return single;
    }
    return Expr{TupleExpr{std::move(items)}, open.position};
}

Expr Parser::dict(const Token& open) {
    DictExpr dict;
    std::vector<std::string> keys;
    {
        Nested nested(depth_);
        while (peek().kind != TokenKind::RightBrace) {
            const Token& key = peek();
            if (key.kind != TokenKind::Identifier && key.kind != TokenKind::String) {
                fail_expected(key.kind == TokenKind::End ? "'}'" : "a dict key", key);
            }
            advance();
            if (std::find(keys.begin(), keys.end(), key.text) != keys.end()) {
                fail(key, "duplicate key '" + key.text + "'");
            }
            if (peek().kind != TokenKind::Colon) fail_expected("':'", peek());
            advance();
            keys.push_back(key.text);
            Expr key_expr = key.kind == TokenKind::Identifier
                                ? Expr{Name{key.text}, key.position}
                                : Expr{StringLiteral{key.text}, key.position};
            dict.entries.push_back(DictEntry{Box<Expr>(std::move(key_expr)), expression()});
            if (peek().kind == TokenKind::Comma) {
                advance();
            } else if (peek().kind != TokenKind::RightBrace) {
                fail_expected(peek().kind == TokenKind::End ? "'}'" : "',' or '}'", peek());
            }
        }
    }
    advance();
    return Expr{std::move(dict), open.position};
}

Call Parser::call_arguments(Expr callee) {
    Call call{Box<Expr>(std::move(callee)), {}, {}};
    while (peek().kind != TokenKind::RightParen) {
        const Token& start = peek();
        if (start.kind == TokenKind::Identifier && peek(1).kind == TokenKind::Equals) {
            keyword_argument(call);
        } else {
            if (!call.keywords.empty()) fail(start, "positional argument follows keyword argument");
            call.positional.push_back(expression());
        }
        if (peek().kind == TokenKind::Comma) {
            advance();
        } else if (peek().kind != TokenKind::RightParen) {
            fail_expected(peek().kind == TokenKind::End ? "')'" : "',' or ')'", peek());
        }
    }
    advance();
    return call;
}

void Parser::keyword_argument(Call& call) {
    const Token& key = advance();
    advance();  // '='
    for (const KeywordArgument& keyword : call.keywords) {
        if (keyword.name == key.text) fail(key, "keyword argument '" + key.text + "' repeated");
    }
    call.keywords.push_back(KeywordArgument{key.text, key.position, expression()});
}

Expr parse_expression(std::string_view text) {
    Parser parser(tokenize(text), Grammar::Expressions);
    Expr expr = parser.expression();
    parser.expect_end();
    return expr;
}

Call parse_literal_call(std::string_view text) {
    Parser parser(tokenize(text), Grammar::Literals);
    if (parser.peek().kind != TokenKind::Identifier) Parser::fail_expected("a name", parser.peek());
    Expr callee = parser.expression();
    if (parser.peek().kind == TokenKind::End) return Call{Box<Expr>(std::move(callee)), {}, {}};
    if (parser.peek().kind != TokenKind::LeftParen) Parser::fail_expected("'('", parser.peek());
    parser.advance();
    Call call = parser.call_arguments(std::move(callee));
    parser.expect_end();
    return call;
}

}  // namespace covet::syntax
