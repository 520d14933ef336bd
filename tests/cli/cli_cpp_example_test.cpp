#include <catch2/catch.hpp>

#include <set>
#include <tuple>

#include "cli_assertions.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using Identity = std::tuple<std::string, std::string, std::string>;  // app, name, checksum

std::set<Identity> identities(const std::vector<ListedMigration>& listing) {
    std::set<Identity> result;
    for (const auto& row : listing)
        result.insert({row.app, row.name, row.checksum});
    return result;
}

}  // namespace

TEST_CASE("the C++ example migrates its registered migrations with the YAML copy's checksums",
          "[cli][cpp-example]") {
    Workspace ws;
    RunResult migrate = ws.example({"migrate"});
    REQUIRE_EXIT(migrate, 0);
    CHECK_RUN(migrate, contains(migrate.out, "Applying "));

    RunResult shown = ws.example({"showmigrations", "--format", "json"});
    REQUIRE_EXIT(shown, 0);
    std::vector<ListedMigration> registered;
    REQUIRE_NOTHROW(registered = parse_migration_listing(shown.out));
    REQUIRE_FALSE(registered.empty());
    for (const auto& row : registered) {
        CHECK(row.status == "applied");
        CHECK(is_md5_hex(row.checksum));
    }

    std::string yaml_dir = (source_dir() / "migrations-examples" / "cpp" / "migrations").string();
    REQUIRE_EXIT(ws.covet({"-d", "sqlite:///yaml.db", "-m", yaml_dir, "migrate"}), 0);
    auto from_yaml = list_migrations(ws, {"-d", "sqlite:///yaml.db", "-m", yaml_dir});
    CHECK(identities(from_yaml) == identities(registered));

    // The plain binary reading the YAML copy sees the example's database as fully applied.
    auto cross = list_migrations(ws, {"-m", yaml_dir});
    REQUIRE(cross.size() == registered.size());
    for (const auto& row : cross) {
        INFO(row.app << "." << row.name);
        CHECK(row.status == "applied");
    }
}
