#include "util/secret_mask.h"

#include <cctype>

namespace covet {

namespace {

// A secret this long is masked wherever it stands; a shorter one only where
// it stands alone, so that the password "ab" does not turn "database" into
// "dat***ase" (which would show the password to anyone reading).
constexpr std::size_t kMaskedAnywhere = 8;

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Not glued to the letters or digits around it: "ab" in "u:ab@h", not in "database".
bool stands_alone(const std::string& text, std::size_t at, std::size_t size) {
    const bool glued_before = at > 0 && is_word_char(text[at]) && is_word_char(text[at - 1]);
    const std::size_t end = at + size;
    const bool glued_after =
        end < text.size() && is_word_char(text[end - 1]) && is_word_char(text[end]);
    return !glued_before && !glued_after;
}

}  // namespace

std::string mask_secret(std::string text, const std::string& secret) {
    static const std::string kMask = "***";
    if (secret.empty()) return text;
    for (auto at = text.find(secret); at != std::string::npos;) {
        if (secret.size() >= kMaskedAnywhere || stands_alone(text, at, secret.size())) {
            text.replace(at, secret.size(), kMask);
            // Search on after the mask, so a secret made of '*' cannot loop forever.
            at = text.find(secret, at + kMask.size());
        } else {
            at = text.find(secret, at + 1);
        }
    }
    return text;
}

}  // namespace covet
