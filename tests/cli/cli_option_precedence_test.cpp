#include <catch2/catch.hpp>

#include <set>

#include "cli_assertions.h"
#include "migration_listing.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// One single-migration set per level, each in its own app and creating its own table.
void write_level_sets(const Workspace& ws) {
    const std::vector<std::pair<std::string, std::string>> levels = {{"migrations", "alpha"},
                                                                     {"config_migs", "beta"},
                                                                     {"env_migs", "gamma"},
                                                                     {"flag_migs", "delta"}};
    for (const auto& [dir, app] : levels) {
        ws.write(dir + "/" + app + "/0001_" + app + ".yaml",
                 "operations:\n"
                 "  - create_table:\n"
                 "      table: " +
                     app +
                     "_t\n"
                     "      fields:\n"
                     "        id: AutoField(primary_key=True)\n");
    }
}

// The database files that exist in the workspace, among the four candidates.
std::set<std::string> databases(const Workspace& ws) {
    std::set<std::string> found;
    for (const char* name : {"covet.db", "config.db", "env.db", "flag.db"}) {
        if (ws.exists(name)) found.insert(name);
    }
    return found;
}

std::set<std::string> schema_tables(const Workspace& ws, const std::string& db) {
    auto tables = SqliteProbe(ws / db).tables();
    tables.erase("covet_migrations");
    return tables;
}

const EnvOverrides kEnv = {{"COVET_DATABASE_URL", "sqlite:///env.db"},
                           {"COVET_MIGRATIONS", "env_migs"}};

const char* kConfig = "database: sqlite:///config.db\nmigrations: config_migs\n";

}  // namespace

TEST_CASE("database and migrations resolve flag > environment > config file > default",
          "[cli][options]") {
    Workspace ws;
    write_level_sets(ws);

    SECTION("default: ./covet.db and ./migrations") {
        REQUIRE_EXIT(ws.covet({"migrate"}), 0);
        CHECK(databases(ws) == std::set<std::string>{"covet.db"});
        CHECK(schema_tables(ws, "covet.db") == std::set<std::string>{"alpha_t"});
    }
    SECTION("./covet.yaml beats the defaults") {
        ws.write("covet.yaml", kConfig);
        REQUIRE_EXIT(ws.covet({"migrate"}), 0);
        CHECK(databases(ws) == std::set<std::string>{"config.db"});
        CHECK(schema_tables(ws, "config.db") == std::set<std::string>{"beta_t"});
    }
    SECTION("the environment beats the config file") {
        ws.write("covet.yaml", kConfig);
        REQUIRE_EXIT(ws.covet({"migrate"}, kEnv), 0);
        CHECK(databases(ws) == std::set<std::string>{"env.db"});
        CHECK(schema_tables(ws, "env.db") == std::set<std::string>{"gamma_t"});
    }
    SECTION("flags beat the environment and the config file") {
        ws.write("covet.yaml", kConfig);
        REQUIRE_EXIT(ws.covet({"-d", "sqlite:///flag.db", "-m", "flag_migs", "migrate"}, kEnv), 0);
        CHECK(databases(ws) == std::set<std::string>{"flag.db"});
        CHECK(schema_tables(ws, "flag.db") == std::set<std::string>{"delta_t"});
    }
    SECTION("long flags work like short ones") {
        REQUIRE_EXIT(
            ws.covet({"--database", "sqlite:///flag.db", "--migrations", "flag_migs", "migrate"},
                     kEnv),
            0);
        CHECK(databases(ws) == std::set<std::string>{"flag.db"});
        CHECK(schema_tables(ws, "flag.db") == std::set<std::string>{"delta_t"});
    }
    SECTION("each option resolves on its own") {
        ws.write("covet.yaml", kConfig);
        REQUIRE_EXIT(
            ws.covet({"-d", "sqlite:///flag.db", "migrate"}, {{"COVET_MIGRATIONS", "env_migs"}}),
            0);
        CHECK(databases(ws) == std::set<std::string>{"flag.db"});
        CHECK(schema_tables(ws, "flag.db") == std::set<std::string>{"gamma_t"});
    }
    SECTION("the config file fills in what flags and environment leave open") {
        ws.write("covet.yaml", kConfig);
        REQUIRE_EXIT(ws.covet({"-m", "flag_migs", "migrate"}), 0);
        CHECK(databases(ws) == std::set<std::string>{"config.db"});
        CHECK(schema_tables(ws, "config.db") == std::set<std::string>{"delta_t"});
    }
}

TEST_CASE("a config file named by -c or --config replaces ./covet.yaml", "[cli][options]") {
    Workspace ws;
    write_level_sets(ws);
    ws.write("covet.yaml", kConfig);
    ws.write("elsewhere/custom.yaml", "database: sqlite:///" + (ws / "custom.db").string() +
                                          "\nmigrations: " + (ws / "flag_migs").string() + "\n");
    for (const char* flag : {"-c", "--config"}) {
        RunResult result = ws.covet({flag, "elsewhere/custom.yaml", "migrate"});
        REQUIRE_EXIT(result, 0);
        CHECK_FALSE(ws.exists("config.db"));
        CHECK_FALSE(ws.exists("covet.db"));
        REQUIRE(ws.exists("custom.db"));
        CHECK(schema_tables(ws, "custom.db") == std::set<std::string>{"delta_t"});
        std::filesystem::remove(ws / "custom.db");
        std::filesystem::remove(ws / "custom.db-wal");
        std::filesystem::remove(ws / "custom.db-shm");
    }
}

TEST_CASE("showmigrations reads the same resolved migrations directory", "[cli][options]") {
    Workspace ws;
    write_level_sets(ws);
    auto listing = list_migrations(ws, {}, {{"COVET_MIGRATIONS", "env_migs"}});
    REQUIRE(listing.size() == 1);
    CHECK(listing[0].app == "gamma");
    CHECK(listing[0].status == "pending");
}
