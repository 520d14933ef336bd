#include "sqlite_probe.h"

#include <sqlite3.h>

#include <stdexcept>

namespace covet_test {

SqliteProbe::SqliteProbe(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) throw std::runtime_error("no database " + file.string());
    // Read-write so that a crashed writer's WAL or journal is recovered, as any next user would.
    int rc = sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = sqlite3_errmsg(db_);
        sqlite3_close(db_);
        throw std::runtime_error("cannot open " + file.string() + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
}

SqliteProbe::~SqliteProbe() {
    sqlite3_close(db_);
}

std::vector<std::vector<std::string>> SqliteProbe::rows(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        throw std::runtime_error("probe query failed: " + sql + ": " + sqlite3_errmsg(db_));
    }
    std::vector<std::vector<std::string>> result;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
            const unsigned char* text = sqlite3_column_text(stmt, i);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        result.push_back(std::move(row));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        throw std::runtime_error("probe query failed: " + sql + ": " + sqlite3_errmsg(db_));
    }
    return result;
}

std::set<std::string> SqliteProbe::tables() const {
    std::set<std::string> names;
    for (const auto& row :
         rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
        names.insert(row[0]);
    }
    return names;
}

std::vector<std::string> SqliteProbe::columns(const std::string& table) const {
    std::vector<std::string> names;
    for (const auto& row : rows("SELECT name FROM pragma_table_info('" + table + "')")) {
        names.push_back(row[0]);
    }
    return names;
}

std::set<std::string> SqliteProbe::indexes(const std::string& table) const {
    std::set<std::string> names;
    for (const auto& row : rows("SELECT name FROM pragma_index_list('" + table + "')")) {
        names.insert(row[0]);
    }
    return names;
}

long long SqliteProbe::scalar(const std::string& sql) const {
    auto result = rows(sql);
    if (result.empty() || result[0].empty()) throw std::runtime_error("no value from " + sql);
    return std::stoll(result[0][0]);
}

std::vector<std::pair<std::string, std::string>> SqliteProbe::history() const {
    std::vector<std::pair<std::string, std::string>> entries;
    if (!has_table("covet_migrations")) return entries;
    for (const auto& row : rows("SELECT app, name FROM covet_migrations ORDER BY id")) {
        entries.emplace_back(row[0], row[1]);
    }
    return entries;
}

}  // namespace covet_test
