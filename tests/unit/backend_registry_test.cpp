#include <catch2/catch.hpp>

#include "covet/dialect.h"
#include "covet/loader.h"
#include "covet/operation.h"
#include "registry.h"

using covet::dialect_registry;

TEST_CASE("each registered back end's dialect carries the back end's name", "[registry]") {
    REQUIRE_FALSE(dialect_registry().backends().empty());
    for (const covet::Backend& backend : dialect_registry().backends()) {
        CHECK(backend.make_dialect()->name() == backend.name);
        CHECK(dialect_registry().by_url_scheme(backend.name) == &backend);
        CHECK(dialect_registry().by_dialect_name(backend.name) == &backend);
        for (const std::string& alias : backend.aliases)
            CHECK(dialect_registry().by_dialect_name(alias) == &backend);
    }
}

TEST_CASE("the registry lists its back ends in registration order for messages", "[registry]") {
    CHECK(dialect_registry().names_for_message() == "sqlite, postgresql or mysql");
    CHECK(dialect_registry().by_url_scheme("oracle") == nullptr);
    CHECK(dialect_registry().by_dialect_name("sqlite3") == nullptr);
}

namespace {

// The back end a run_sql `dialect:` value resolves to when a migration file loads.
std::string run_sql_dialect(const std::string& name) {
    const std::string text =
        "operations:\n"
        "  - run_sql:\n"
        "      dialect: " +
        name +
        "\n"
        "      sql: \"SELECT 1\"\n";
    covet::Migration m = covet::parse_migration_file("m/0001_raw.yaml", text, "app");
    REQUIRE(m.operations.size() == 1);
    return dynamic_cast<const covet::RunSql&>(*m.operations[0]).dialect;
}

}  // namespace

TEST_CASE("run_sql dialect names resolve through the registry, aliases included", "[registry]") {
    CHECK(run_sql_dialect("sqlite") == "sqlite");
    CHECK(run_sql_dialect("postgresql") == "postgresql");
    CHECK(run_sql_dialect("postgres") == "postgresql");
    CHECK(run_sql_dialect("mysql") == "mysql");
    CHECK(run_sql_dialect("mariadb") == "mysql");
    CHECK_THROWS_WITH(
        run_sql_dialect("sqlite3"),
        Catch::Contains("unknown dialect 'sqlite3' (expected sqlite, postgresql or mysql)"));
}
