#include "hand_schema_edit.h"

#include <stdexcept>
#include <vector>

namespace covet_test {

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("'" + from + "' is not in: " + text);
    text.replace(at, from.size(), to);
    return text;
}

}  // namespace

void rewrite_sqlite_table(covet::Connection& connection, const std::string& table,
                          const std::string& from, const std::string& to) {
    auto created = connection.query(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", {covet::Value(table)});
    if (created.rows.empty()) throw std::runtime_error("no table " + table);
    const std::string quoted = "\"" + table + "\"";
    const std::string temporary = "\"" + table + "__by_hand\"";
    std::string sql = replaced(created.rows[0][0].to_string(), from, to);
    sql = replaced(sql, quoted, temporary);
    std::vector<std::string> indexes;
    for (const auto& row :
         connection
             .query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND "
                    "sql IS NOT NULL",
                    {covet::Value(table)})
             .rows)
        indexes.push_back(row[0].to_string());
    connection.execute(sql);
    connection.execute("DROP TABLE " + quoted);
    connection.execute("ALTER TABLE " + temporary + " RENAME TO " + quoted);
    for (const auto& index : indexes)
        connection.execute(index);
}

}  // namespace covet_test
