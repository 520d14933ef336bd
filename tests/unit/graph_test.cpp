#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/executor.h"
#include "covet/graph.h"
#include "covet/loader.h"

using namespace covet;

namespace {

Migration make(const std::string& app, const std::string& name,
               std::vector<MigrationKey> deps = {}) {
    Migration m;
    m.app = app;
    m.name = name;
    m.dependencies = std::move(deps);
    return m;
}

std::vector<std::string> names(const std::vector<const Migration*>& order) {
    std::vector<std::string> out;
    for (const auto* m : order)
        out.push_back(m->key().to_string());
    return out;
}

std::vector<std::string> names(const Plan& plan) {
    std::vector<std::string> out;
    for (const auto& s : plan)
        out.push_back((s.backwards ? "-" : "+") + s.migration->key().to_string());
    return out;
}

}  // namespace

TEST_CASE("graph orders by dependency with ties broken by app and name") {
    MigrationGraph g({make("blog", "0002_b", {{"blog", "0001_a"}}), make("blog", "0001_a"),
                      make("auth", "0001_users"),
                      make("blog", "0003_c", {{"blog", "0002_b"}, {"auth", "0001_users"}})});
    CHECK(names(g.order()) ==
          std::vector<std::string>{"auth.0001_users", "blog.0001_a", "blog.0002_b", "blog.0003_c"});
}

TEST_CASE("graph order puts a dependency first even when its name sorts later") {
    MigrationGraph g({make("a", "0001", {{"z", "0001"}}), make("z", "0001")});
    CHECK(names(g.order()) == std::vector<std::string>{"z.0001", "a.0001"});
}

TEST_CASE("a dependency cycle is reported with the whole cycle") {
    try {
        MigrationGraph g({make("a", "1", {{"a", "3"}}), make("a", "2", {{"a", "1"}}),
                          make("a", "3", {{"a", "2"}}), make("a", "0")});
        FAIL("no error");
    } catch (const MigrationError& e) {
        std::string msg = e.what();
        CHECK(msg.find("dependency cycle") != std::string::npos);
        CHECK(msg.find("a.1") != std::string::npos);
        CHECK(msg.find("a.2") != std::string::npos);
        CHECK(msg.find("a.3") != std::string::npos);
        CHECK(msg.find("a.0") == std::string::npos);
    }
}

TEST_CASE("a missing dependency names the migration and the dependency") {
    REQUIRE_THROWS_WITH(MigrationGraph({make("a", "2", {{"a", "1"}})}),
                        Catch::Contains("a.2 depends on a.1, which does not exist"));
}

TEST_CASE("a missing dependency in a file is located at the dependency") {
    Migration m = parse_migration_file("m/0002_x.yaml",
                                       "dependencies:\n  - 0001_nope\noperations: []\n", "default");
    try {
        MigrationGraph g({m});
        FAIL("no error");
    } catch (const LoadError& e) {
        CHECK(e.file() == "m/0002_x.yaml");
        CHECK(e.line() == 2);
        CHECK(e.column() == 5);
    }
}

TEST_CASE("targets resolve by full name, unique prefix, app.name and zero") {
    MigrationGraph g({make("blog", "0001_initial"),
                      make("blog", "0002_add", {{"blog", "0001_initial"}}),
                      make("shop", "0001_initial")});
    CHECK(g.resolve("0002").key->to_string() == "blog.0002_add");
    CHECK(g.resolve("blog.0001").key->to_string() == "blog.0001_initial");
    CHECK(g.resolve("shop.0001_initial").key->to_string() == "shop.0001_initial");
    CHECK(g.resolve("zero").is_zero());
    CHECK(g.resolve("zero").zero_app.empty());
    CHECK(g.resolve("blog.zero").zero_app == "blog");
    REQUIRE_THROWS_WITH(g.resolve("0001"), Catch::Contains("ambiguous"));
    REQUIRE_THROWS_WITH(g.resolve("0009"), Catch::Contains("no migration matches"));
    REQUIRE_THROWS_WITH(g.resolve("nope.0001"), Catch::Contains("unknown app"));
}

TEST_CASE("planner plans forwards, backwards to a target, zero and steps") {
    MigrationGraph g({make("a", "1"), make("a", "2", {{"a", "1"}}), make("a", "3", {{"a", "2"}})});
    MigrationPlanner none(g, {});
    CHECK(names(none.migrate(std::nullopt)) == std::vector<std::string>{"+a.1", "+a.2", "+a.3"});
    CHECK(names(none.migrate(g.resolve("2"))) == std::vector<std::string>{"+a.1", "+a.2"});

    MigrationPlanner all(g, {{"a", "1"}, {"a", "2"}, {"a", "3"}});
    CHECK(all.migrate(std::nullopt).empty());
    CHECK(names(all.migrate(g.resolve("1"))) == std::vector<std::string>{"-a.3", "-a.2"});
    CHECK(names(all.migrate(g.resolve("zero"))) ==
          std::vector<std::string>{"-a.3", "-a.2", "-a.1"});
    CHECK(names(all.rollback_steps(1)) == std::vector<std::string>{"-a.3"});
    CHECK(names(all.rollback_steps(5)) == std::vector<std::string>{"-a.3", "-a.2", "-a.1"});
    CHECK(names(all.rollback_to(g.resolve("1"))) == std::vector<std::string>{"-a.3", "-a.2"});
}

TEST_CASE("rolling back a migration whose file is missing is an error") {
    MigrationGraph g({make("a", "1")});
    MigrationPlanner planner(g, {{"a", "1"}, {"a", "2"}});
    REQUIRE_THROWS_WITH(planner.rollback_steps(1), Catch::Contains("a.2"));
}
