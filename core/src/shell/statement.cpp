// Statements: the text is read into tokens with newlines kept, cut into
// pieces at `;` and at newlines outside brackets (a line ending in an
// operator continues), and each piece is read by the syntax leaf's Parser.
#include "shell/statement.h"

#include <algorithm>

#include "covet/error.h"
#include "syntax/lexer.h"
#include "syntax/parser.h"

namespace covet::shell {

namespace {

using syntax::Token;
using syntax::TokenKind;

int bracket_change(TokenKind kind) {
    switch (kind) {
        case TokenKind::LeftParen:
        case TokenKind::LeftBracket:
        case TokenKind::LeftBrace:
            return 1;
        case TokenKind::RightParen:
        case TokenKind::RightBracket:
        case TokenKind::RightBrace:
            return -1;
        default:
            return 0;
    }
}

// A line ending in one of these goes on on the next line (`a +`, `u.`, `x =`).
bool continues_line(TokenKind kind) {
    switch (kind) {
        case TokenKind::Plus:
        case TokenKind::Minus:
        case TokenKind::Star:
        case TokenKind::Slash:
        case TokenKind::Pipe:
        case TokenKind::Ampersand:
        case TokenKind::Tilde:
        case TokenKind::Dot:
        case TokenKind::Equals:
        case TokenKind::Comma:
            return true;
        default:
            return false;
    }
}

// The tokens of one statement, ending with an End token placed where the
// statement ends (its `;`, the end of its line, or the end of the text).
struct Piece {
    std::vector<Token> tokens;
};

Token end_token(const Token& terminator) {
    Token end = terminator;
    end.kind = TokenKind::End;
    if (terminator.kind == TokenKind::Semicolon) end.text = "';'";
    if (terminator.kind == TokenKind::Newline) end.text = "end of line";
    return end;
}

std::vector<Piece> split_statements(const std::vector<Token>& tokens) {
    std::vector<Piece> pieces;
    Piece piece;
    int depth = 0;
    for (const Token& token : tokens) {
        const bool cut = token.kind == TokenKind::End ||
                         (depth == 0 && token.kind == TokenKind::Semicolon) ||
                         (depth == 0 && token.kind == TokenKind::Newline &&
                          (piece.tokens.empty() || !continues_line(piece.tokens.back().kind)));
        if (cut) {
            if (!piece.tokens.empty()) {
                piece.tokens.push_back(end_token(token));
                pieces.push_back(std::move(piece));
                piece = Piece{};
            }
            continue;
        }
        if (token.kind == TokenKind::Newline) continue;  // inside brackets, or continued
        depth = std::max(0, depth + bracket_change(token.kind));
        piece.tokens.push_back(token);
    }
    return pieces;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string statement_text(std::string_view text, const Piece& piece) {
    const std::size_t begin = piece.tokens.front().offset;
    std::size_t end = std::min(piece.tokens.back().offset, text.size());
    while (end > begin && is_blank(text[end - 1]))
        --end;
    return std::string(text.substr(begin, end - begin));
}

Statement parse_piece(std::string_view text, Piece piece) {
    Statement statement;
    statement.position = piece.tokens.front().position;
    statement.text = statement_text(text, piece);
    const bool assigns_variable = piece.tokens.size() > 2 &&
                                  piece.tokens[0].kind == TokenKind::Identifier &&
                                  piece.tokens[1].kind == TokenKind::Equals;
    syntax::Parser parser(std::move(piece.tokens), syntax::Grammar::Expressions);
    if (assigns_variable) {
        statement.kind = Statement::Kind::Assign;
        statement.name = parser.advance().text;
        parser.advance();  // '='
        statement.value = parser.expression();
        parser.expect_end();
        return statement;
    }
    syntax::Expr expr = parser.expression();
    if (parser.peek().kind != TokenKind::Equals) {
        parser.expect_end();
        statement.value = std::move(expr);
        return statement;
    }
    const syntax::Attribute* attribute = expr.as<syntax::Attribute>();
    if (attribute == nullptr) {
        syntax::Parser::fail(parser.peek(), "only a name or an attribute can be assigned to");
    }
    parser.advance();  // '='
    statement.kind = Statement::Kind::AttributeAssign;
    statement.name = attribute->name;
    statement.target = *attribute->object;
    statement.value = parser.expression();
    parser.expect_end();
    return statement;
}

}  // namespace

std::vector<Statement> parse_statements(std::string_view text) {
    std::vector<Statement> statements;
    for (Piece& piece : split_statements(syntax::tokenize(text, syntax::Newlines::Tokens)))
        statements.push_back(parse_piece(text, std::move(piece)));
    return statements;
}

bool needs_more_input(std::string_view text) {
    std::size_t end = text.size();
    while (end > 0 && is_blank(text[end - 1]))
        --end;
    if (end > 0 && text[end - 1] == '\\') return true;
    std::vector<Token> tokens;
    try {
        tokens = syntax::tokenize(text, syntax::Newlines::Tokens);
    } catch (const SyntaxError&) {
        return false;  // no more text can mend it: show the error now
    }
    int depth = 0;
    TokenKind last = TokenKind::End;
    for (const Token& token : tokens) {
        depth += bracket_change(token.kind);
        if (depth < 0) return false;
        if (token.kind != TokenKind::Newline && token.kind != TokenKind::End) last = token.kind;
    }
    return depth > 0 || continues_line(last);
}

std::string caret_excerpt(std::string_view text, syntax::Position position) {
    std::size_t begin = 0;
    for (int line = 1; line < position.line && begin < text.size(); ++line) {
        const std::size_t newline = text.find('\n', begin);
        begin = newline == std::string_view::npos ? text.size() : newline + 1;
    }
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin && text[end - 1] == '\r') --end;
    const std::string_view line = text.substr(begin, end - begin);
    // Tabs stay tabs so that the caret lines up under them; other
    // characters before the column become one space each.
    std::string caret;
    int column = 1;
    for (std::size_t i = 0; i < line.size() && column < position.column; ++i) {
        const unsigned char c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0) == 0x80) continue;
        caret += c == '\t' ? '\t' : ' ';
        ++column;
    }
    caret.append(static_cast<std::size_t>(std::max(0, position.column - column)), ' ');
    return std::string(line) + "\n" + caret + "^";
}

}  // namespace covet::shell
