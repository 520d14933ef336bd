#include "shell/raw_sql_check.h"

#include <cctype>
#include <set>

#include "covet/error.h"
#include "util/text_case.h"

namespace covet::shell {

namespace {

// Skips blanks and comments (`-- ...`, `/* ... */`) from `at`.
std::size_t skip_blank(const std::string& sql, std::size_t at) {
    while (at < sql.size()) {
        if (std::isspace(static_cast<unsigned char>(sql[at]))) {
            ++at;
        } else if (sql.compare(at, 2, "--") == 0) {
            const std::size_t end = sql.find('\n', at);
            at = end == std::string::npos ? sql.size() : end + 1;
        } else if (sql.compare(at, 2, "/*") == 0) {
            const std::size_t end = sql.find("*/", at + 2);
            at = end == std::string::npos ? sql.size() : end + 2;
        } else {
            break;
        }
    }
    return at;
}

std::string first_word(const std::string& sql) {
    std::size_t at = skip_blank(sql, 0);
    std::string word;
    while (at < sql.size() && std::isalpha(static_cast<unsigned char>(sql[at])))
        word += sql[at++];
    return to_upper(word);
}

// Whether anything but blanks and comments follows a `;` outside quotes.
bool has_second_statement(const std::string& sql) {
    char quote = 0;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"' || c == '`') {
            quote = c;
        } else if (sql.compare(i, 2, "--") == 0 || sql.compare(i, 2, "/*") == 0) {
            i = skip_blank(sql, i) - 1;
        } else if (c == ';') {
            std::size_t next = skip_blank(sql, i + 1);
            while (next < sql.size() && sql[next] == ';')
                next = skip_blank(sql, next + 1);
            if (next < sql.size()) return true;
        }
    }
    return false;
}

}  // namespace

void check_raw_sql(const std::string& sql, bool sandbox, bool ddl_rolls_back) {
    if (has_second_statement(sql)) throw QueryError("raw() runs one statement at a time");
    static const std::set<std::string> control = {"BEGIN",    "START",     "COMMIT",  "END",
                                                  "ROLLBACK", "SAVEPOINT", "RELEASE", "ABORT"};
    const std::string word = first_word(sql);
    if (control.count(word))
        throw QueryError("raw() does not run transaction control (" + word +
                         "): the shell scopes each statement itself");
    static const std::set<std::string> ddl = {"CREATE", "ALTER", "DROP", "TRUNCATE", "RENAME"};
    if (sandbox && !ddl_rolls_back && ddl.count(word))
        throw QueryError("raw() does not run " + word +
                         " in a sandbox: this database commits DDL at once, so it could not "
                         "be rolled back");
}

}  // namespace covet::shell
