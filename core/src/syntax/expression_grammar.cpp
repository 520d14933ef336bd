// Grammar::Expressions above the atoms: binary operators by precedence,
// unary operators, and the postfix forms (attribute, call, subscript).
#include "covet/error.h"
#include "syntax/parser.h"

namespace covet::syntax {

namespace {

// How tightly a binary operator token binds, loosest first as in Python
// (| then & then + - then * /); -1 for a token that is no binary operator.
int binding_level(TokenKind kind) {
    switch (kind) {
        case TokenKind::Pipe:
            return 0;
        case TokenKind::Ampersand:
            return 1;
        case TokenKind::Plus:
        case TokenKind::Minus:
            return 2;
        case TokenKind::Star:
        case TokenKind::Slash:
            return 3;
        default:
            return -1;
    }
}
constexpr int kTightestLevel = 3;

BinaryOperator binary_operator(TokenKind kind) {
    switch (kind) {
        case TokenKind::Pipe:
            return BinaryOperator::Or;
        case TokenKind::Ampersand:
            return BinaryOperator::And;
        case TokenKind::Plus:
            return BinaryOperator::Add;
        case TokenKind::Minus:
            return BinaryOperator::Subtract;
        case TokenKind::Star:
            return BinaryOperator::Multiply;
        default:
            return BinaryOperator::Divide;
    }
}

UnaryOperator unary_operator(TokenKind kind) {
    if (kind == TokenKind::Minus) return UnaryOperator::Negate;
    if (kind == TokenKind::Plus) return UnaryOperator::Plus;
    return UnaryOperator::Invert;
}

bool is_number(TokenKind kind) {
    return kind == TokenKind::Integer || kind == TokenKind::Float;
}

}  // namespace

// Operators of one level associate to the left: a - b - c is (a - b) - c.
Expr Parser::operand(int level) {
    if (level > kTightestLevel) return unary();
    Expr left = operand(level + 1);
    while (binding_level(peek().kind) == level) {
        const Token& op = advance();
        Expr right = operand(level + 1);
        const Position at = left.position;
        left = Expr{BinaryOp{binary_operator(op.kind), op.position, Box<Expr>(std::move(left)),
                             Box<Expr>(std::move(right))},
                    at};
    }
    return left;
}

Expr Parser::unary() {
    const Token& token = peek();
    const bool sign = token.kind == TokenKind::Minus || token.kind == TokenKind::Plus;
    if (sign && is_number(peek(1).kind)) return signed_number();
    if (!sign && token.kind != TokenKind::Tilde) return postfix(atom());
    advance();
    Nested nested(depth_);
    check_depth();
    return Expr{UnaryOp{unary_operator(token.kind), unary()}, token.position};
}

Expr Parser::postfix(Expr expr) {
    for (;;) {
        const Position at = expr.position;
        if (peek().kind == TokenKind::Dot) {
            advance();
            if (peek().kind != TokenKind::Identifier) fail_expected("a name after '.'", peek());
            expr = attribute(std::move(expr), advance().text);
        } else if (peek().kind == TokenKind::LeftParen) {
            advance();
            Nested nested(depth_);
            expr = Expr{call_arguments(std::move(expr)), at};
        } else if (peek().kind == TokenKind::LeftBracket) {
            advance();
            Nested nested(depth_);
            Expr index = subscript_index();
            if (peek().kind != TokenKind::RightBracket) fail_expected("']'", peek());
            advance();
            expr = Expr{Subscript{Box<Expr>(std::move(expr)), Box<Expr>(std::move(index))}, at};
        } else {
            return expr;
        }
    }
}

// An index `i` or a slice `lower:upper:step` with any part left out.
Expr Parser::subscript_index() {
    const Position at = peek().position;
    Slice slice;
    if (peek().kind != TokenKind::Colon) {
        Expr index = expression();
        if (peek().kind != TokenKind::Colon) return index;
        slice.lower = Box<Expr>(std::move(index));
    }
    advance();  // ':'
    if (peek().kind != TokenKind::Colon && peek().kind != TokenKind::RightBracket) {
        slice.upper = Box<Expr>(expression());
    }
    if (peek().kind == TokenKind::Colon) {
        advance();
        if (peek().kind != TokenKind::RightBracket) slice.step = Box<Expr>(expression());
    }
    return Expr{std::move(slice), at};
}

}  // namespace covet::syntax
