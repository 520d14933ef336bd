#include "sqlite/sqlite_regexp.h"

#include <sqlite3.h>

#include <memory>
#include <regex>
#include <string>

namespace covet {

namespace {

void delete_regex(void* regex) {
    delete static_cast<std::regex*>(regex);
}

// regexp(pattern, text) and covet_iregexp(pattern, text); the function's
// user data says whether case is ignored.
void regexp_function(sqlite3_context* context, int, sqlite3_value** args) {
    if (sqlite3_value_type(args[0]) == SQLITE_NULL || sqlite3_value_type(args[1]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const bool ignore_case = sqlite3_user_data(context) != nullptr;
    // The pattern compiled for an earlier row of this statement, if any.
    auto* cached = static_cast<std::regex*>(sqlite3_get_auxdata(context, 0));
    std::unique_ptr<std::regex> compiled;
    if (!cached) {
        const auto* pattern = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
        const auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
        auto flags = std::regex::ECMAScript;
        if (ignore_case) flags |= std::regex::icase;
        try {
            compiled = std::make_unique<std::regex>(pattern, size, flags);
        } catch (const std::regex_error& e) {
            const std::string message =
                "invalid regular expression '" + std::string(pattern, size) + "': " + e.what();
            sqlite3_result_error(context, message.c_str(), -1);
            return;
        }
        cached = compiled.get();
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[1]));
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[1]));
    const bool found = std::regex_search(text, text + size, *cached);
    sqlite3_result_int(context, found ? 1 : 0);
    // Last: SQLite may destroy the regex at once (its documentation's warning).
    if (compiled) sqlite3_set_auxdata(context, 0, compiled.release(), delete_regex);
}

}  // namespace

int register_regexp_functions(sqlite3* db) {
    static int ignore_case_marker = 1;
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    int rc = sqlite3_create_function_v2(db, "regexp", 2, flags, nullptr, regexp_function, nullptr,
                                        nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_function_v2(db, "covet_iregexp", 2, flags, &ignore_case_marker,
                                      regexp_function, nullptr, nullptr, nullptr);
}

}  // namespace covet
