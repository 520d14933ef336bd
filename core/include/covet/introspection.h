// The live schema as the database reports it, per dialect. `covet check`
// (drift) and `covet inspectdb` read it; tests compare it with the state.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace covet {

struct IntrospectedColumn {
    std::string name;
    // The declared type, lower-case, as the dialect spells it in DDL
    // ("integer", "varchar(200)", "timestamp with time zone", "datetime(6)").
    std::string type;
    bool nullable = true;
    std::optional<std::string> default_value;  // the default expression as reported
    bool primary_key = false;
    bool auto_increment = false;  // serial / AUTO_INCREMENT / AUTOINCREMENT
    // A CHECK keeps the text valid JSON (how back ends without a JSON type
    // store a JSONField): inspectdb reads the column back as a JSONField.
    bool json_checked = false;
};

struct IntrospectedForeignKey {
    std::string name;  // constraint name ("" where the dialect has none, SQLite)
    std::string column;
    std::string target_table;
    std::string target_column;
    // "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT" or "NO ACTION".
    std::string on_delete;
};

struct IntrospectedIndex {
    std::string name;
    std::vector<std::string> columns;
    bool unique = false;
    bool primary = false;  // the primary key's index (PostgreSQL, MySQL)
    std::string where;     // partial-index condition, "" when none
    // The database named it (an inline UNIQUE constraint of CREATE TABLE),
    // so the name says nothing about who made it.
    bool implicit_name = false;
};

struct IntrospectedTable {
    std::string name;
    std::vector<IntrospectedColumn> columns;  // in column order
    std::vector<IntrospectedForeignKey> foreign_keys;
    // Indexes, including those backing UNIQUE constraints (unique=true).
    std::vector<IntrospectedIndex> indexes;

    const IntrospectedColumn* column(const std::string& column_name) const {
        for (const auto& c : columns)
            if (c.name == column_name) return &c;
        return nullptr;
    }
};

}  // namespace covet
