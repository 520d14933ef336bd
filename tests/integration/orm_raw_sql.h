// Raw SQL reads for the ORM's tests: what the database holds, checked
// without the code under test. `?` in the text becomes the dialect's
// placeholders and `"name"` its identifier quoting.
#pragma once

#include <string>
#include <vector>

#include "orm_harness.h"

namespace covet::test {

inline std::string raw_sql(const Dialect& dialect, const std::string& text) {
    std::string sql;
    int parameter = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '?') {
            sql += dialect.placeholder(++parameter);
        } else if (text[i] == '"') {
            const std::size_t end = text.find('"', i + 1);
            sql += dialect.quote_name(text.substr(i + 1, end - i - 1));
            i = end;
        } else {
            sql += text[i];
        }
    }
    return sql;
}

inline std::vector<Row> raw_rows(OrmHarness& o, const std::string& text,
                                 const std::vector<Value>& params = {}) {
    return o.h.db().query(raw_sql(o.h.db().dialect(), text), params).rows;
}

// The one value the query reads (NULL when there is no row).
inline Value raw_value(OrmHarness& o, const std::string& text,
                       const std::vector<Value>& params = {}) {
    auto rows = raw_rows(o, text, params);
    return rows.empty() ? Value() : rows.front().front();
}

inline std::int64_t raw_int(OrmHarness& o, const std::string& text,
                            const std::vector<Value>& params = {}) {
    return raw_value(o, text, params).as_int();
}

inline void raw_execute(OrmHarness& o, const std::string& text,
                        const std::vector<Value>& params = {}) {
    o.h.db().execute(raw_sql(o.h.db().dialect(), text), params);
}

}  // namespace covet::test
