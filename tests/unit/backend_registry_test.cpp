#include <catch2/catch.hpp>

#include "covet/dialect.h"
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
