// Runs migrations written as YAML text against a real SQLite database in a
// temporary directory, through the same engine the CLI uses.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/executor.h"

namespace covet::test {

struct ColumnInfo {
    std::string name;
    std::string type;
    bool not_null = false;
    std::string default_value;  // as the database reports it; "" when none
    bool primary_key = false;
};

struct ForeignKeyInfo {
    std::string column;
    std::string table;
    std::string to_column;
    std::string on_delete;
};

struct IndexInfo {
    std::string name;
    bool unique = false;
    std::vector<std::string> columns;
};

// The back ends every integration test runs on.
inline const char* const kBackends[] = {"sqlite", "postgresql", "mysql"};

class MigrationHarness {
  public:
    // backend: "sqlite" (a file in a temporary directory), "postgresql" or
    // "mysql" (a fresh database on the test servers).
    explicit MigrationHarness(const std::string& backend = "sqlite");
    ~MigrationHarness();

    // Writes migrations/<relative path>.
    void write(const std::string& relative_path, const std::string& yaml);
    void remove(const std::string& relative_path);

    // Loads the directory and runs like `covet migrate [target]`.
    void migrate(const std::string& target = "");
    void rollback(int steps = 1);
    std::set<MigrationKey> applied();

    Connection& db() { return *connection_; }
    // The same connection, for the ORM's Database handle.
    std::shared_ptr<Connection> shared_db() { return connection_; }
    std::vector<std::string> tables();
    // tables() without covet's own bookkeeping tables (history, journal).
    std::vector<std::string> user_tables();
    std::vector<ColumnInfo> columns(const std::string& table);
    std::optional<ColumnInfo> column(const std::string& table, const std::string& name);
    std::vector<ForeignKeyInfo> foreign_keys(const std::string& table);
    std::vector<IndexInfo> indexes(const std::string& table);
    std::int64_t count(const std::string& table);
    // Differences between the live schema and the state of the applied migrations.
    std::vector<std::string> drift();

    const std::filesystem::path& root() const { return root_; }
    const std::string& backend() const { return backend_; }
    const std::string& url() const { return url_; }

  private:
    void run(const std::function<Plan(const MigrationPlanner&)>& build,
             const std::optional<std::string>& target);
    std::string backend_;
    std::string url_;
    std::filesystem::path root_;
    std::shared_ptr<Connection> connection_;
};

// Defines one Catch2 test case per back end, so CTest lists each separately:
//   COVET_BACKEND_TEST("add_column applies") { h.migrate(); ... }
#define COVET_BACKEND_TEST_IMPL(fn, title)             \
    static void fn(covet::test::MigrationHarness& h);  \
    TEST_CASE("sqlite: " title) {                      \
        covet::test::MigrationHarness h("sqlite");     \
        fn(h);                                         \
    }                                                  \
    TEST_CASE("postgresql: " title) {                  \
        covet::test::MigrationHarness h("postgresql"); \
        fn(h);                                         \
    }                                                  \
    TEST_CASE("mysql: " title) {                       \
        covet::test::MigrationHarness h("mysql");      \
        fn(h);                                         \
    }                                                  \
    static void fn(covet::test::MigrationHarness& h)
#define COVET_BACKEND_TEST(title) \
    COVET_BACKEND_TEST_IMPL(INTERNAL_CATCH_UNIQUE_NAME(covet_backend_test_), title)

}  // namespace covet::test
