#include "shell/completion_scan.h"

namespace covet::shell::completion {

namespace {

// Bytes of UTF-8 sequences count as name characters, as the lexer allows
// no other use for them and a name being typed should stay one token.
bool name_start(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || u >= 0x80;
}

bool name_char(char c) {
    return name_start(c) || (c >= '0' && c <= '9');
}

std::size_t word_end(std::string_view text, std::size_t pos) {
    while (pos < text.size() && name_char(text[pos]))
        ++pos;
    return pos;
}

ScanToken string_token(std::string_view text, std::size_t begin) {
    const char quote = text[begin];
    std::size_t pos = begin + 1;
    while (pos < text.size() && text[pos] != quote) {
        if (text[pos] == '\\' && pos + 1 < text.size()) ++pos;
        ++pos;
    }
    ScanToken token;
    token.kind = ScanToken::Kind::String;
    token.begin = begin;
    token.unterminated = pos >= text.size();
    token.end = token.unterminated ? text.size() : pos + 1;
    token.text = std::string(text.substr(begin + 1, pos - begin - 1));
    return token;
}

bool is_open(const ScanToken& t) {
    return t.is("(") || t.is("[") || t.is("{");
}
bool is_close(const ScanToken& t) {
    return t.is(")") || t.is("]") || t.is("}");
}

bool pair(const ScanToken& open, const ScanToken& close) {
    return (open.is("(") && close.is(")")) || (open.is("[") && close.is("]")) ||
           (open.is("{") && close.is("}"));
}

}  // namespace

std::vector<ScanToken> scan(std::string_view text) {
    std::vector<ScanToken> tokens;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++pos;
            continue;
        }
        if (c == '\'' || c == '"') {
            tokens.push_back(string_token(text, pos));
            pos = tokens.back().end;
            continue;
        }
        ScanToken token;
        token.begin = pos;
        if (name_start(c)) {
            token.kind = ScanToken::Kind::Identifier;
            token.end = word_end(text, pos);
        } else if (c >= '0' && c <= '9') {
            token.kind = ScanToken::Kind::Number;
            token.end = word_end(text, pos);
        } else {
            token.end = pos + 1;
        }
        token.text = std::string(text.substr(pos, token.end - pos));
        pos = token.end;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::vector<ScanToken> last_statement(std::vector<ScanToken> tokens) {
    for (std::size_t i = tokens.size(); i > 0; --i)
        if (tokens[i - 1].is(";"))
            return {tokens.begin() + static_cast<std::ptrdiff_t>(i), tokens.end()};
    return tokens;
}

std::vector<std::size_t> open_brackets(const std::vector<ScanToken>& tokens, std::size_t end) {
    std::vector<std::size_t> stack;
    for (std::size_t i = 0; i < end && i < tokens.size(); ++i) {
        if (is_open(tokens[i])) {
            stack.push_back(i);
        } else if (is_close(tokens[i])) {
            // A stray closer matches the nearest opener of its kind, if any.
            for (std::size_t k = stack.size(); k > 0; --k) {
                if (!pair(tokens[stack[k - 1]], tokens[i])) continue;
                stack.resize(k - 1);
                break;
            }
        }
    }
    return stack;
}

std::size_t matching_open(const std::vector<ScanToken>& tokens, std::size_t close) {
    if (close >= tokens.size()) return std::string::npos;
    int depth = 0;
    for (std::size_t i = close + 1; i > 0; --i) {
        const ScanToken& t = tokens[i - 1];
        if (is_close(t)) ++depth;
        if (is_open(t) && --depth == 0) return pair(t, tokens[close]) ? i - 1 : std::string::npos;
    }
    return std::string::npos;
}

}  // namespace covet::shell::completion
