// Introspection of an SQLite database through sqlite_master and pragmas.
#include <algorithm>
#include <cctype>

#include "covet/error.h"
#include "sqlite/sqlite_connection.h"
#include "util/text_case.h"

namespace covet {

std::vector<std::string> SqliteConnection::table_names() {
    std::vector<std::string> out;
    ResultSet rs = query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name");
    for (const auto& row : rs.rows)
        out.push_back(row[0].to_string());
    return out;
}

IntrospectedTable SqliteConnection::describe_table(const std::string& table) {
    ResultSet sql =
        query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", {table});
    if (sql.rows.empty()) throw DatabaseError("table '" + table + "' does not exist");
    const std::string create_sql = to_lower(sql.rows[0][0].to_string());
    IntrospectedTable out;
    out.name = table;

    ResultSet cols = query(
        "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid",
        {table});
    for (const auto& row : cols.rows) {
        IntrospectedColumn c;
        c.name = row[0].to_string();
        c.type = to_lower(row[1].to_string());
        c.nullable = row[2].as_int() == 0;
        if (!row[3].is_null()) c.default_value = row[3].to_string();
        c.primary_key = row[4].as_int() != 0;
        c.auto_increment = c.primary_key && create_sql.find("autoincrement") != std::string::npos &&
                           c.type == "integer";
        // covet and Django write a JSONField's check as JSON_VALID("column").
        c.json_checked =
            create_sql.find("json_valid(\"" + to_lower(c.name) + "\")") != std::string::npos;
        // An INTEGER PRIMARY KEY is a rowid alias and can never be null.
        if (c.primary_key) c.nullable = false;
        out.columns.push_back(std::move(c));
    }

    ResultSet fks = query(
        "SELECT \"from\", \"table\", \"to\", on_delete FROM pragma_foreign_key_list(?) ORDER BY "
        "id, seq",
        {table});
    for (const auto& row : fks.rows)
        out.foreign_keys.push_back({"", row[0].to_string(), row[1].to_string(),
                                    row[2].is_null() ? "" : row[2].to_string(),
                                    row[3].to_string()});

    ResultSet indexes = query(
        "SELECT il.name, il.\"unique\", il.origin, il.partial, m.sql FROM pragma_index_list(?) il "
        "LEFT JOIN sqlite_master m ON m.type = 'index' AND m.name = il.name ORDER BY il.name",
        {table});
    for (const auto& row : indexes.rows) {
        IntrospectedIndex index;
        index.name = row[0].to_string();
        index.unique = row[1].as_int() != 0;
        index.primary = row[2].to_string() == "pk";
        // A UNIQUE constraint written inside CREATE TABLE: SQLite names its index.
        index.implicit_name = row[2].to_string() == "u";
        if (row[3].as_int() != 0 && !row[4].is_null()) {
            std::string text = row[4].to_string();
            auto where = to_lower(text).rfind(" where ");
            if (where != std::string::npos) index.where = text.substr(where + 7);
        }
        ResultSet info =
            query("SELECT name FROM pragma_index_info(?) ORDER BY seqno", {index.name});
        for (const auto& c : info.rows)
            index.columns.push_back(c[0].to_string());
        out.indexes.push_back(std::move(index));
    }
    return out;
}

}  // namespace covet
