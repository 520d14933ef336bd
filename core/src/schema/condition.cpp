#include "covet/condition.h"

#include <cctype>

#include "schema/condition_node.h"
#include "util/text_case.h"

namespace covet {

namespace {

enum class Tok { End, Name, QuotedName, Number, String, Symbol, Keyword };

struct Token {
    Tok kind = Tok::End;
    std::string text;  // keywords upper-cased; strings and quoted names decoded
    int column = 1;
};

bool is_name_start(unsigned char c) {
    return std::isalpha(c) || c == '_' || c >= 0x80;
}
bool is_name_char(unsigned char c) {
    return is_name_start(c) || std::isdigit(c);
}

class Tokenizer {
  public:
    explicit Tokenizer(const std::string& text) : text_(text) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        while (true) {
            while (pos_ < text_.size() && std::isspace(byte(pos_)))
                advance();
            Token token;
            token.column = column_;
            if (pos_ >= text_.size()) {
                out.push_back(token);
                return out;
            }
            read(token);
            out.push_back(std::move(token));
        }
    }

  private:
    unsigned char byte(std::size_t i) const { return static_cast<unsigned char>(text_[i]); }
    void advance() {
        // Columns count characters: UTF-8 continuation bytes add none.
        if ((byte(pos_) & 0xC0) != 0x80) ++column_;
        ++pos_;
    }
    bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

    void read(Token& token) {
        const unsigned char c = byte(pos_);
        if (is_name_start(c)) return read_name(token);
        if (std::isdigit(c) ||
            (c == '.' && pos_ + 1 < text_.size() && std::isdigit(byte(pos_ + 1))))
            return read_number(token);
        if (c == '\'' || c == '"') return read_quoted(token, static_cast<char>(c));
        static const char* const symbols[] = {"<=", ">=", "<>", "!=", "=", "<",
                                              ">",  "(",  ")",  ",",  "-"};
        for (const char* symbol : symbols) {
            const std::string s(symbol);
            if (text_.compare(pos_, s.size(), s) == 0) {
                token.kind = Tok::Symbol;
                token.text = s;
                for (std::size_t i = 0; i < s.size(); ++i)
                    advance();
                return;
            }
        }
        throw ConditionError("unexpected character '" + std::string(1, static_cast<char>(c)) + "'",
                             column_);
    }

    void read_name(Token& token) {
        while (pos_ < text_.size() && is_name_char(byte(pos_))) {
            token.text += text_[pos_];
            advance();
        }
        static const char* const keywords[] = {"AND",  "OR", "NOT",  "IS",
                                               "NULL", "IN", "TRUE", "FALSE"};
        const std::string word = to_upper(token.text);
        token.kind = Tok::Name;
        for (const char* keyword : keywords)
            if (word == keyword) {
                token.kind = Tok::Keyword;
                token.text = word;
            }
    }

    void read_number(Token& token) {
        token.kind = Tok::Number;
        auto digits = [&] {
            while (pos_ < text_.size() && std::isdigit(byte(pos_))) {
                token.text += text_[pos_];
                advance();
            }
        };
        digits();
        if (at('.')) {
            token.text += '.';
            advance();
            digits();
        }
        if (at('e') || at('E')) {
            token.text += text_[pos_];
            advance();
            if (at('+') || at('-')) {
                token.text += text_[pos_];
                advance();
            }
            if (pos_ >= text_.size() || !std::isdigit(byte(pos_)))
                throw ConditionError("a number's exponent needs digits", column_);
            digits();
        }
        if (pos_ < text_.size() && is_name_char(byte(pos_)))
            throw ConditionError("unexpected character after number '" + token.text + "'", column_);
    }

    // 'text' is a string, "name" an identifier; a doubled quote stands for itself.
    void read_quoted(Token& token, char quote) {
        const int start = column_;
        token.kind = quote == '\'' ? Tok::String : Tok::QuotedName;
        advance();
        while (true) {
            if (pos_ >= text_.size())
                throw ConditionError(
                    std::string("unterminated ") + (quote == '\'' ? "string" : "quoted name"),
                    start);
            if (at(quote)) {
                advance();
                if (!at(quote)) break;
            }
            token.text += text_[pos_];
            advance();
        }
        if (token.kind == Tok::QuotedName && token.text.empty())
            throw ConditionError("empty quoted name", start);
    }

    const std::string& text_;
    std::size_t pos_ = 0;
    int column_ = 1;
};

std::string describe(const Token& token) {
    switch (token.kind) {
        case Tok::End:
            return "end of condition";
        case Tok::String:
            return "string '" + token.text + "'";
        case Tok::Name:
        case Tok::QuotedName:
            return "name '" + token.text + "'";
        default:
            return "'" + token.text + "'";
    }
}

using NodePtr = std::shared_ptr<const ConditionNode>;

ConditionNode node_of(ConditionNode::Kind kind) {
    ConditionNode node;
    node.kind = kind;
    return node;
}

class Parser {
  public:
    explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    NodePtr parse() {
        NodePtr root = or_expression();
        if (peek().kind != Tok::End) fail("expected AND, OR or the end, found " + describe(peek()));
        return root;
    }

  private:
    const Token& peek() const { return tokens_[pos_]; }
    Token next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool keyword(const char* word) const {
        return peek().kind == Tok::Keyword && peek().text == word;
    }
    bool symbol(const char* s) const { return peek().kind == Tok::Symbol && peek().text == s; }
    [[noreturn]] void fail(const std::string& message) const {
        throw ConditionError(message, peek().column);
    }
    void expect_symbol(const char* s) {
        if (!symbol(s)) fail(std::string("expected '") + s + "', found " + describe(peek()));
        next();
    }

    static NodePtr make(ConditionNode node) {
        return std::make_shared<const ConditionNode>(std::move(node));
    }

    NodePtr chain(ConditionNode::Kind kind, const char* word, NodePtr (Parser::*operand)()) {
        NodePtr first = (this->*operand)();
        if (!keyword(word)) return first;
        ConditionNode node = node_of(kind);
        node.children.push_back(first);
        while (keyword(word)) {
            next();
            node.children.push_back((this->*operand)());
        }
        return make(std::move(node));
    }

    NodePtr or_expression() {
        return chain(ConditionNode::Kind::Or, "OR", &Parser::and_expression);
    }
    NodePtr and_expression() { return chain(ConditionNode::Kind::And, "AND", &Parser::negation); }

    // Nesting is bounded so that parsing, renaming and rendering (all
    // recursive) cannot exhaust the stack on a hostile file.
    static constexpr int kMaxDepth = 64;
    struct Nested {
        explicit Nested(Parser& p) : parser(p) {
            if (++parser.depth_ > kMaxDepth)
                parser.fail("the condition nests deeper than " + std::to_string(kMaxDepth) +
                            " levels");
        }
        ~Nested() { --parser.depth_; }
        Parser& parser;
    };

    NodePtr negation() {
        if (!keyword("NOT")) return predicate();
        Nested nested(*this);
        next();
        ConditionNode node = node_of(ConditionNode::Kind::Not);
        node.children.push_back(negation());
        return make(std::move(node));
    }

    NodePtr predicate() {
        NodePtr left = operand();
        static const char* const comparisons[] = {"=", "!=", "<>", "<", "<=", ">", ">="};
        for (const char* op : comparisons) {
            if (!symbol(op)) continue;
            next();
            ConditionNode node = node_of(ConditionNode::Kind::Compare);
            node.op = std::string(op) == "!=" ? "<>" : op;
            node.children = {left, operand()};
            return make(std::move(node));
        }
        if (keyword("IS")) {
            next();
            ConditionNode node = node_of(ConditionNode::Kind::IsNull);
            if (keyword("NOT")) {
                next();
                node.negated = true;
            }
            if (!keyword("NULL")) fail("expected NULL after IS, found " + describe(peek()));
            next();
            node.children = {left};
            return make(std::move(node));
        }
        bool negated = false;
        if (keyword("NOT")) {
            next();
            negated = true;
            if (!keyword("IN")) fail("expected IN after NOT, found " + describe(peek()));
        }
        if (keyword("IN")) return in_list(left, negated);
        return left;
    }

    NodePtr in_list(NodePtr left, bool negated) {
        next();
        ConditionNode node = node_of(ConditionNode::Kind::In);
        node.negated = negated;
        node.children.push_back(left);
        expect_symbol("(");
        node.children.push_back(operand());
        while (symbol(",")) {
            next();
            node.children.push_back(operand());
        }
        expect_symbol(")");
        return make(std::move(node));
    }

    NodePtr operand() {
        if (symbol("(")) {
            Nested nested(*this);
            next();
            NodePtr inner = or_expression();
            expect_symbol(")");
            return inner;
        }
        const std::size_t start = pos_;
        const Token token = next();
        ConditionNode node = node_of(ConditionNode::Kind::Literal);
        node.column = token.column;
        switch (token.kind) {
            case Tok::Name:
            case Tok::QuotedName:
                node.kind = ConditionNode::Kind::Name;
                node.text = token.text;
                return make(std::move(node));
            case Tok::Number:
                node.text = token.text;
                return make(std::move(node));
            case Tok::String:
                node.literal = Value(token.text);
                return make(std::move(node));
            case Tok::Keyword:
                if (token.text == "TRUE" || token.text == "FALSE") {
                    node.literal = Value(token.text == "TRUE");
                    return make(std::move(node));
                }
                if (token.text == "NULL") return make(std::move(node));
                break;
            case Tok::Symbol:
                if (token.text == "-" && peek().kind == Tok::Number) {
                    node.text = "-" + next().text;
                    return make(std::move(node));
                }
                break;
            case Tok::End:
                break;
        }
        pos_ = start;
        fail("expected a field name or a value, found " + describe(token));
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

}  // namespace

Condition::Condition(std::string text) : text_(std::move(text)) {
    bool blank = true;
    for (unsigned char c : text_)
        if (!std::isspace(c)) blank = false;
    if (blank) return;
    root_ = Parser(Tokenizer(text_).run()).parse();
}

std::vector<Condition::NameUse> Condition::names() const {
    std::vector<NameUse> out;
    if (root_) collect_names(*root_, out);
    return out;
}

Condition Condition::renamed(const std::function<std::string(const std::string&)>& rename) const {
    Condition out = *this;
    if (!root_) return out;
    out.root_ = rename_names(root_, rename);
    if (out.root_ != root_) out.text_ = out.normalized();
    return out;
}

std::string Condition::render(const ConditionStyle& style) const {
    return root_ ? render_node(*root_, style, 0) : "";
}

std::string Condition::normalized() const {
    return render(neutral_condition_style());
}

Condition::Origin Condition::position_of(int column_in_text) const {
    Origin out = origin;
    if (out.one_line && column_in_text > 0) out.column += column_in_text - 1;
    return out;
}

}  // namespace covet
