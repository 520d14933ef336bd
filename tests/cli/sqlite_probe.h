// Reads a covet SQLite database directly, so tests check the real schema
// rather than trusting what the binary reports about itself.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

struct sqlite3;

namespace covet_test {

class SqliteProbe {
  public:
    // Opens an existing file (never creates one); throws when it cannot.
    explicit SqliteProbe(const std::filesystem::path& file);
    ~SqliteProbe();
    SqliteProbe(const SqliteProbe&) = delete;
    SqliteProbe& operator=(const SqliteProbe&) = delete;

    // Tables, without SQLite's own sqlite_* tables.
    std::set<std::string> tables() const;
    bool has_table(const std::string& table) const { return tables().count(table) != 0; }
    std::vector<std::string> columns(const std::string& table) const;
    std::set<std::string> indexes(const std::string& table) const;
    long long scalar(const std::string& sql) const;
    // (app, name) rows of covet_migrations in id order; empty when the table is absent.
    std::vector<std::pair<std::string, std::string>> history() const;

  private:
    std::vector<std::vector<std::string>> rows(const std::string& sql) const;
    sqlite3* db_ = nullptr;
};

}  // namespace covet_test
