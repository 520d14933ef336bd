// The database URL forms of SPEC §2 through the real binary: sqlite::memory:,
// the postgres:// and mariadb:// aliases, percent-escapes, and WAL files.
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "covet/database_url.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace fs = std::filesystem;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

const History kShopHistory = {{"shop", "0001_create_customers"},
                              {"shop", "0002_create_orders"},
                              {"shop", "0003_add_order_note"}};

// Every byte as %XX, so that only a parser that decodes can use the result.
std::string escape_all(const std::string& text) {
    std::string out;
    for (unsigned char c : text) {
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%%%02X", c);
        out += buffer;
    }
    return out;
}

std::string with_scheme(const std::string& url, const std::string& scheme) {
    return scheme + url.substr(url.find("://"));
}

std::set<std::string> entries_of(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

// PRAGMA journal_mode of a database file, read without covet.
std::string journal_mode_of(const fs::path& file) {
    sqlite3* db = nullptr;
    std::string mode;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nullptr) == SQLITE_OK &&
            sqlite3_step(statement) == SQLITE_ROW)
            mode = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
        sqlite3_finalize(statement);
    }
    sqlite3_close(db);
    return mode;
}

}  // namespace

TEST_CASE("sqlite::memory: migrates a database that no file holds and no run keeps", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult migrate = ws.covet({"-d", "sqlite::memory:", "migrate"});
    REQUIRE_EXIT(migrate, 0);
    CHECK_RUN(migrate, appear_in_order(migrate.out, {"Applying shop.0001_create_customers... OK",
                                                     "Applying shop.0003_add_order_note... OK"}));
    CHECK(entries_of(ws.path()) == std::set<std::string>{"migrations"});

    // Each process starts from an empty database.
    auto listing = list_migrations(ws, {"-d", "sqlite::memory:"});
    REQUIRE(listing.size() == 3);
    for (const auto& row : listing)
        CHECK(row.status == "pending");
    RunResult rollback = ws.covet({"-d", "sqlite::memory:", "rollback"});
    REQUIRE_EXIT(rollback, 0);
    CHECK_RUN(rollback, contains(rollback.out, "No migrations to roll back."));
    CHECK(entries_of(ws.path()) == std::set<std::string>{"migrations"});
}

TEST_CASE("a SQLite database file is in WAL mode after covet used it", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    REQUIRE_EXIT(ws.covet({"migrate", "0001"}), 0);
    CHECK(journal_mode_of(ws / "covet.db") == "wal");

    // A file another tool made in rollback-journal mode is switched too.
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((ws / "other.db").c_str(), &db) == SQLITE_OK);
        sqlite3_exec(db, "PRAGMA journal_mode=DELETE; CREATE TABLE keep(x)", nullptr, nullptr,
                     nullptr);
        sqlite3_close(db);
    }
    REQUIRE(journal_mode_of(ws / "other.db") == "delete");
    REQUIRE_EXIT(ws.covet({"-d", "sqlite:///other.db", "migrate"}), 0);
    CHECK(journal_mode_of(ws / "other.db") == "wal");
}

TEST_CASE("percent-escapes in a SQLite path are decoded", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    fs::create_directories(ws / "my dir");
    REQUIRE_EXIT(ws.covet({"-d", "sqlite:///my%20dir/a%23b.db", "migrate"}), 0);
    REQUIRE(ws.exists("my dir/a#b.db"));
    CHECK(DatabaseProbe("sqlite:///" + (ws / "my dir/a#b.db").string()).history() == kShopHistory);
    CHECK_FALSE(ws.exists("my%20dir"));
}

COVET_CLI_SERVER_TEST("the postgres:// and mariadb:// aliases reach the same server",
                      "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    const std::string alias = with_scheme(url, backend == "postgresql" ? "postgres" : "mariadb");
    REQUIRE(alias != url);
    RunResult migrate = ws.covet({"-d", alias, "migrate"});
    REQUIRE_EXIT(migrate, 0);
    CHECK(DatabaseProbe(url).history() == kShopHistory);
    for (const auto& row : list_migrations(ws, {"-d", alias}))
        CHECK(row.status == "applied");
    // The alias also selects the dialect: sqlmigrate prints this server's SQL.
    RunResult sql = ws.covet({"-d", alias, "sqlmigrate", "0001"});
    REQUIRE_EXIT(sql, 0);
    CHECK_RUN(sql, contains(sql.out, backend == "postgresql" ? "serial" : "AUTO_INCREMENT"));
}

COVET_CLI_SERVER_TEST("user, password, host and database are percent-decoded", "[cli][url]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    const covet::DatabaseUrl parts = covet::parse_database_url(url);
    REQUIRE_FALSE(parts.password.empty());
    const std::string escaped = parts.scheme + "://" + escape_all(parts.user) + ":" +
                                escape_all(parts.password) + "@" + escape_all(parts.host) + ":" +
                                parts.port + "/" + escape_all(parts.database);
    RunResult migrate = ws.covet({"-v", "-d", escaped, "migrate"});
    REQUIRE_EXIT(migrate, 0);
    CHECK_RUN(migrate, !contains(migrate.out + migrate.err, parts.password));
    CHECK_RUN(migrate, !contains(migrate.out + migrate.err, escape_all(parts.password)));
    CHECK(DatabaseProbe(url).history() == kShopHistory);
}
