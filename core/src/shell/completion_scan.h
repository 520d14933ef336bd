// The tolerant reading of a half-typed line that Tab completion works from.
// Unlike the statement parser it never throws: an unterminated string, a
// stray character or an unbalanced bracket is exactly what a line being
// typed looks like, so each is kept as a token and the rest still read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace covet::shell::completion {

struct ScanToken {
    enum class Kind { Identifier, Number, String, Punct };
    Kind kind = Kind::Punct;
    std::string text;       // the identifier, the digits, a string's raw body, the punctuation mark
    std::size_t begin = 0;  // byte offsets in the text scanned
    std::size_t end = 0;
    bool unterminated = false;  // a string still open at the end of the text

    bool is(std::string_view mark) const { return kind == Kind::Punct && text == mark; }
};

std::vector<ScanToken> scan(std::string_view text);

// The tokens of the statement the text ends in: those after the last `;`.
std::vector<ScanToken> last_statement(std::vector<ScanToken> tokens);

// Indexes of the brackets still open after tokens[0, end), outermost first.
std::vector<std::size_t> open_brackets(const std::vector<ScanToken>& tokens, std::size_t end);

// The index of the bracket that the closing bracket at `close` matches, or
// npos when it matches none.
std::size_t matching_open(const std::vector<ScanToken>& tokens, std::size_t close);

}  // namespace covet::shell::completion
