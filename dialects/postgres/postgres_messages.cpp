#include "postgres/postgres_messages.h"

#include <cctype>
#include <cstring>

#include "util/text_case.h"

namespace covet {

// libpq messages start with "ERROR:" and span lines; covet prints one line.
std::string pg_message(std::string message) {
    if (message.rfind("ERROR:", 0) == 0) message.erase(0, 6);
    return one_line(message);
}

// What a SQLSTATE means to covet (PostgreSQL's "Error Codes" appendix).
ServerFailure failure_of(const std::string& state, const std::string& message) {
    if (state == "23505") return ServerFailure::unique_violation;
    if (state == "23503") return ServerFailure::foreign_key_violation;
    if (state == "23502") return ServerFailure::not_null_violation;
    if (state == "23514") return ServerFailure::check_violation;
    if (state.rfind("23", 0) == 0) return ServerFailure::constraint;
    // 57014 is a cancelled statement; it means a lock timeout only when it says so.
    if (state == "55P03" || (state == "57014" && message.find("lock timeout") != std::string::npos))
        return ServerFailure::lock_timeout;
    if (state == "40P01") return ServerFailure::deadlock;       // deadlock_detected
    if (state == "40001") return ServerFailure::serialization;  // serialization_failure
    if (state.rfind("08", 0) == 0) return ServerFailure::connection_lost;
    // admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now
    if (state == "57P01" || state == "57P02" || state == "57P03")
        return ServerFailure::connection_lost;
    if (state == "25006") return ServerFailure::read_only;   // read_only_sql_transaction: a standby
    if (state == "42501") return ServerFailure::permission;  // insufficient_privilege
    return ServerFailure::other;
}

// PostgreSQL quotes the text around an error's position ("LINE 1: ...T
// covet_statement; SELEC..." and a caret line below it). The text sent may
// start with covet's own savepoint or BEGIN, so the quote goes; the error
// keeps the line number, and covet appends an excerpt of the statement itself.
std::string without_position_quote(const std::string& message) {
    std::string out;
    std::size_t start = 0;
    bool after_quote = false;
    while (start < message.size()) {
        std::size_t end = message.find('\n', start);
        if (end == std::string::npos) end = message.size();
        std::string line = message.substr(start, end - start);
        start = end + 1;
        if (line.rfind("LINE ", 0) == 0 && line.size() > 5 &&
            std::isdigit(static_cast<unsigned char>(line[5]))) {
            std::string number = line.substr(5, line.find(':') - 5);
            if (number != "1") out += " (at line " + number + " of the statement)";
            after_quote = true;
            continue;
        }
        if (after_quote && line.find('^') != std::string::npos &&
            line.find_first_not_of(" ^") == std::string::npos)
            continue;
        after_quote = false;
        out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

// The index a `CREATE [UNIQUE] INDEX CONCURRENTLY name ...` statement builds
// (name plain or double-quoted, as covet's DDL and hand-written SQL give
// it); "" for any other statement.
std::string concurrent_index_name(const std::string& sql) {
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])))
            ++i;
    };
    auto keyword = [&](const char* word) {
        skip_space();
        std::size_t n = std::strlen(word);
        if (sql.size() - i < n) return false;
        for (std::size_t k = 0; k < n; ++k)
            if (std::toupper(static_cast<unsigned char>(sql[i + k])) != word[k]) return false;
        if (i + n < sql.size() && !std::isspace(static_cast<unsigned char>(sql[i + n])))
            return false;
        i += n;
        return true;
    };
    if (!keyword("CREATE")) return "";
    keyword("UNIQUE");
    if (!keyword("INDEX") || !keyword("CONCURRENTLY")) return "";
    if (keyword("IF")) return "";  // IF NOT EXISTS: an existing index is not ours to drop
    skip_space();
    std::string name;
    if (i < sql.size() && sql[i] == '"') {
        for (++i; i < sql.size(); ++i) {
            if (sql[i] != '"') {
                name += sql[i];
            } else if (i + 1 < sql.size() && sql[i + 1] == '"') {
                name += '"';
                ++i;
            } else {
                return name;
            }
        }
        return "";
    }
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
        name += sql[i++];
    name = to_lower(name);
    return name == "on" ? "" : name;
}

}  // namespace covet
