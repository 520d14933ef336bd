// Reads the live schema of any back end through covet's own connection layer,
// so CLI tests check what a server holds rather than what the binary reports.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "covet/connection.h"
#include "workspace.h"

namespace covet_test {

// The database a CLI test runs against: covet.db in the workspace for "sqlite",
// else a new empty database on the test server of `backend`.
std::string database_url_for(const std::string& backend, const Workspace& ws);

class DatabaseProbe {
  public:
    explicit DatabaseProbe(const std::string& url);

    covet::Connection& connection() { return *connection_; }
    // User tables, including covet's own bookkeeping tables.
    std::set<std::string> tables();
    // Tables without covet_migrations and covet_migrations_journal.
    std::set<std::string> schema_tables();
    bool has_table(const std::string& table);
    std::vector<std::string> columns(const std::string& table);
    bool has_column(const std::string& table, const std::string& column);
    std::set<std::string> indexes(const std::string& table);
    long long scalar(const std::string& sql);
    // (app, name) rows of covet_migrations in id order; empty when the table is absent.
    std::vector<std::pair<std::string, std::string>> history();

  private:
    std::unique_ptr<covet::Connection> connection_;
};

}  // namespace covet_test

// One CLI test body run once per back end, visible per back end in CTest:
//   COVET_CLI_BACKEND_TEST("title", "[tags]") { Workspace ws; database_url_for(backend, ws); }
#define COVET_CLI_BACKEND_TEST_IMPL(fn, title, tags) \
    static void fn(const std::string& backend);      \
    TEST_CASE("sqlite: " title, tags) {              \
        fn("sqlite");                                \
    }                                                \
    TEST_CASE("postgresql: " title, tags) {          \
        fn("postgresql");                            \
    }                                                \
    TEST_CASE("mysql: " title, tags) {               \
        fn("mysql");                                 \
    }                                                \
    static void fn(const std::string& backend)
#define COVET_CLI_BACKEND_TEST(title, tags) \
    COVET_CLI_BACKEND_TEST_IMPL(INTERNAL_CATCH_UNIQUE_NAME(covet_cli_backend_test_), title, tags)

// As COVET_CLI_BACKEND_TEST, for behaviour that only exists on a server.
#define COVET_CLI_SERVER_TEST_IMPL(fn, title, tags) \
    static void fn(const std::string& backend);     \
    TEST_CASE("postgresql: " title, tags) {         \
        fn("postgresql");                           \
    }                                               \
    TEST_CASE("mysql: " title, tags) {              \
        fn("mysql");                                \
    }                                               \
    static void fn(const std::string& backend)
#define COVET_CLI_SERVER_TEST(title, tags) \
    COVET_CLI_SERVER_TEST_IMPL(INTERNAL_CATCH_UNIQUE_NAME(covet_cli_server_test_), title, tags)
