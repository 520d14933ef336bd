#include "migrate/schema_statement.h"

#include <string_view>

#include "covet/error.h"
#include "covet/schema_editor.h"

namespace covet {

namespace {

// The query under `marker`'s line, or "" when `sql` does not start with it.
std::string query_after(const std::string& sql, std::string_view marker) {
    if (sql.size() <= marker.size() || sql.compare(0, marker.size(), marker) != 0 ||
        sql[marker.size()] != '\n')
        return "";
    return sql.substr(marker.size() + 1);
}

}  // namespace

void run_schema_statement(Connection& connection, const std::string& sql) {
    if (std::string guard = query_after(sql, kGuardMarker); !guard.empty()) {
        ResultSet found = connection.query(guard);
        if (found.rows.empty()) return;
        std::string message;
        for (const Value& part : found.rows.front())
            message += part.to_string();
        throw MigrationError(message);
    }
    if (std::string source = query_after(sql, kRunEachMarker); !source.empty()) {
        for (const Row& row : connection.query(source).rows)
            if (!row.empty() && !row.front().is_null()) connection.execute(row.front().to_string());
        return;
    }
    connection.execute(sql);
}

}  // namespace covet
