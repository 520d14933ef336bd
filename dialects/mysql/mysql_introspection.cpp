// Introspection of a MySQL/MariaDB database through information_schema.
#include <algorithm>
#include <cctype>
#include <set>

#include "covet/error.h"
#include "mysql/mysql_connection.h"
#include "util/text_case.h"

namespace covet {

namespace {

std::string text_of(const Value& v) {
    return v.is_null() ? "" : v.to_string();
}

bool truthy(const Value& v) {
    if (v.kind() == Value::Kind::Int) return v.as_int() != 0;
    if (v.kind() == Value::Kind::Bool) return v.as_bool();
    return !v.is_null() && v.to_string() != "0" && !v.to_string().empty();
}

// COLUMN_TYPE spelled as covet writes it in DDL: display widths of integer
// types dropped ("int(11)" -> "integer"), "tinyint(1)" -> "bool",
// "double" -> "double precision", "decimal(10,2)" -> "numeric(10,2)".
std::string normalise_type(const std::string& column_type) {
    const std::string t = to_lower(column_type);
    auto name_end = t.find_first_of(" (");
    const std::string name = t.substr(0, name_end);
    static const std::set<std::string> numeric{"tinyint", "smallint", "mediumint", "int",
                                               "integer", "bigint",   "double",    "decimal"};
    if (!numeric.count(name)) return t;
    std::string args;
    std::size_t rest = name_end == std::string::npos ? t.size() : name_end;
    if (rest < t.size() && t[rest] == '(') {
        auto close = t.find(')', rest);
        if (close == std::string::npos) return t;
        args = t.substr(rest, close - rest + 1);
        rest = close + 1;
    }
    const std::string suffix = t.substr(rest);  // " unsigned", " zerofill"
    if (name == "tinyint" && args == "(1)" && suffix.empty()) return "bool";
    if (name == "int" || name == "integer") return "integer" + suffix;
    if (name == "double") return (args.empty() ? "double precision" : "double" + args) + suffix;
    if (name == "decimal") return "numeric" + args + suffix;
    return name + suffix;  // the other integers
}

bool is_numeric_type(const std::string& data_type) {
    static const std::set<std::string> numeric{"tinyint", "smallint", "mediumint", "int",
                                               "integer", "bigint",   "decimal",   "numeric",
                                               "float",   "double",   "bit",       "year"};
    return numeric.count(to_lower(data_type)) > 0;
}

// The column's default as an SQL expression, from a row of
// information_schema.COLUMNS (COLUMN_DEFAULT at 3, DATA_TYPE at 6).
std::optional<std::string> default_expression(const Row& row, const std::string& extra,
                                              bool is_mariadb, const Dialect& dialect) {
    if (row[3].is_null()) return std::nullopt;
    std::string d = row[3].to_string();
    // MariaDB reports DEFAULT NULL as the word NULL and quotes string
    // literals, so its text is already an SQL expression.
    if (is_mariadb) return d == "NULL" ? std::nullopt : std::optional<std::string>(d);
    if (extra.find("default_generated") != std::string::npos || is_numeric_type(text_of(row[6])))
        return d;
    // MySQL reports string literals bare; quote them like MariaDB.
    return dialect.quote_value(Value(d));
}

}  // namespace

bool MysqlConnection::table_exists(const std::string& table) {
    return !query(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND "
                "TABLE_NAME = ?",
                {table})
                .rows.empty();
}

std::vector<std::string> MysqlConnection::table_names() {
    std::vector<std::string> out;
    ResultSet rs = query(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND "
        "TABLE_TYPE = 'BASE TABLE'");
    for (const auto& row : rs.rows)
        out.push_back(row[0].to_string());
    // Byte order, as on the other back ends (the server sorts by collation).
    std::sort(out.begin(), out.end());
    return out;
}

// MariaDB stores a json column as a longtext with the CHECK json_valid(`c`).
void MysqlConnection::mark_json_columns(const std::string& table, IntrospectedTable& out) {
    ResultSet checks = query(
        "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE "
        "CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ?",
        {table});
    for (auto& column : out.columns)
        for (const auto& row : checks.rows)
            if (to_lower(row[0].to_string()) == "json_valid(`" + to_lower(column.name) + "`)")
                column.json_checked = true;
}

IntrospectedTable MysqlConnection::describe_table(const std::string& table) {
    ResultSet cols = query(
        "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, COLUMN_KEY, EXTRA, "
        "DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND "
        "TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
        {table});
    if (cols.rows.empty())
        throw DatabaseError("table '" + table + "' does not exist in the connected database");
    IntrospectedTable out;
    out.name = table;
    for (const auto& row : cols.rows) {
        IntrospectedColumn c;
        c.name = row[0].to_string();
        c.type = normalise_type(row[1].to_string());
        c.nullable = row[2].to_string() == "YES";
        const std::string extra = to_lower(text_of(row[5]));
        c.default_value = default_expression(row, extra, is_mariadb_, dialect_);
        c.primary_key = row[4].to_string() == "PRI";
        c.auto_increment = extra.find("auto_increment") != std::string::npos;
        out.columns.push_back(std::move(c));
    }

    if (is_mariadb_) mark_json_columns(table, out);

    ResultSet fks = query(
        "SELECT k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, "
        "k.REFERENCED_COLUMN_NAME, r.DELETE_RULE FROM information_schema.KEY_COLUMN_USAGE k "
        "JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = "
        "k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = "
        "k.TABLE_NAME WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND "
        "k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
        {table});
    for (const auto& row : fks.rows)
        out.foreign_keys.push_back({row[0].to_string(), row[1].to_string(), row[2].to_string(),
                                    row[3].to_string(), row[4].to_string()});

    ResultSet index_rows = query(
        "SELECT INDEX_NAME, COLUMN_NAME, NON_UNIQUE FROM information_schema.STATISTICS WHERE "
        "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX",
        {table});
    for (const auto& row : index_rows.rows) {
        const std::string name = row[0].to_string();
        if (out.indexes.empty() || out.indexes.back().name != name) {
            IntrospectedIndex index;
            index.name = name;
            index.unique = !truthy(row[2]);
            index.primary = name == "PRIMARY";
            out.indexes.push_back(std::move(index));
        }
        // Functional indexes (MySQL 8) have no column name.
        if (!row[1].is_null()) out.indexes.back().columns.push_back(row[1].to_string());
    }
    std::stable_sort(out.indexes.begin(), out.indexes.end(),
                     [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

}  // namespace covet
