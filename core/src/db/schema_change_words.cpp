#include "db/schema_change_words.h"

#include <cctype>

namespace covet {

bool may_change_schema(const std::string& sql) {
    static const char* const kWords[] = {"ALTER", "CREATE", "DROP", "RENAME", "TRUNCATE"};
    std::string word;
    for (std::size_t i = 0; i <= sql.size(); ++i) {
        char c = i < sql.size() ? sql[i] : ' ';
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            word += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            continue;
        }
        for (const char* w : kWords)
            if (word == w) return true;
        word.clear();
    }
    return false;
}

}  // namespace covet
