// A piece of SQL and the parameters it binds, in text order. Fragments are
// built out of order (a WHERE before the SELECT list that precedes it) and
// nested (subqueries), so a parameter is marked by kParamMark and numbered in
// the dialect's placeholder spelling only once the statement is whole.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "covet/dialect.h"
#include "covet/value.h"

namespace covet::query_sql {

inline constexpr char kParamMark = '\x01';

struct Sql {
    std::string text;
    std::vector<Value> params;

    Sql() = default;
    Sql(std::string t) : text(std::move(t)) {}
    Sql(const char* t) : text(t) {}
    bool empty() const { return text.empty(); }
    Sql& operator+=(const Sql& other) {
        text += other.text;
        params.insert(params.end(), other.params.begin(), other.params.end());
        return *this;
    }
    Sql& operator+=(std::string_view more) {
        text += more;
        return *this;
    }
    Sql& operator+=(const std::string& more) {
        text += more;
        return *this;
    }
    Sql& operator+=(const char* more) {
        text += more;
        return *this;
    }
};

inline Sql operator+(Sql a, const Sql& b) {
    a += b;
    return a;
}

// One bound parameter.
inline Sql param(Value value) {
    Sql sql(std::string(1, kParamMark));
    sql.params.push_back(std::move(value));
    return sql;
}

// The parts joined by `separator` (" AND ", ", ").
inline Sql join_sql(const std::vector<Sql>& parts, std::string_view separator) {
    Sql out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += separator;
        out += parts[i];
    }
    return out;
}

// The statement text with each mark replaced by the dialect's placeholder.
inline std::string placeholders(const std::string& text, const Dialect& dialect) {
    std::string out;
    out.reserve(text.size() + 16);
    int index = 0;
    for (char c : text) {
        if (c == kParamMark)
            out += dialect.placeholder(++index);
        else
            out += c;
    }
    return out;
}

}  // namespace covet::query_sql
