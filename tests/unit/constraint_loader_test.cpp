// The YAML forms of alter_unique_together, add_constraint, remove_constraint
// and conditions: what loads, what is refused where, and checksums.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/executor.h"
#include "covet/graph.h"
#include "covet/loader.h"
#include "covet/operation.h"
#include "covet/registry.h"

using namespace covet;

namespace {

const std::string kTable =
    "operations:\n"
    "  - create_table:\n"
    "      table: crates\n"
    "      fields:\n"
    "        serial: CharField(max_length=16)\n"
    "        load: IntegerField(default=0)\n";

Migration load(const std::string& text, const std::string& file = "m/0001_c.yaml") {
    return parse_migration_file(file, text, "default");
}

LoadError load_error(const std::string& text) {
    try {
        replay_all(MigrationGraph({load(text)}));
    } catch (const LoadError& e) {
        return e;
    }
    FAIL("no LoadError for: " << text);
    throw;
}

}  // namespace

TEST_CASE("add_constraint, remove_constraint and alter_unique_together load into the state") {
    Migration good = load(kTable +
                          "  - add_constraint: {table: crates, name: crates_load_ok, check: "
                          "\"load >= 0\"}\n"
                          "  - add_constraint: {table: crates, name: crates_one_serial, unique: "
                          "[serial], where: \"load > 0\"}\n"
                          "  - alter_unique_together: {table: crates, unique_together: [[serial, "
                          "load]]}\n"
                          "  - remove_constraint: {table: crates, name: crates_load_ok}\n");
    ProjectState state = replay_all(MigrationGraph({good}));
    const ModelState& crates = state.table("crates");
    REQUIRE(crates.constraints.size() == 1);
    CHECK(crates.constraints[0].name == "crates_one_serial");
    CHECK(crates.constraints[0].unique == std::vector<std::string>{"serial"});
    CHECK(crates.constraints[0].where == Condition("load > 0"));
    CHECK(crates.unique_together == std::vector<std::vector<std::string>>{{"serial", "load"}});
    CHECK(good.operations[3]->describe() == "Alter unique_together of crates to [[serial, load]]");
}

TEST_CASE("a where: naming an unknown field is a load error at that name") {
    LoadError e = load_error(kTable +
                             "  - create_index: {name: ix_c, table: crates, columns: [load], "
                             "where: \"load > 0 AND wieght < 9\"}\n");
    CHECK(e.line() == 7);
    // The quote is at column 71, so the text starts at 72; `wieght` is its 14th character.
    CHECK(e.column() == 85);
    CHECK(e.bare_message().find("unknown field 'wieght'") != std::string::npos);
}

TEST_CASE("a check that does not parse is a load error at the fault") {
    try {
        load(kTable +
             "  - add_constraint:\n      table: crates\n      name: c1\n"
             "      check: load >> 0\n");
        FAIL("no error");
    } catch (const LoadError& e) {
        CHECK(e.line() == 10);
        CHECK(e.column() == 20);
        CHECK(e.bare_message().find("'check'") != std::string::npos);
    }
}

TEST_CASE("add_constraint needs exactly one of unique and check") {
    for (const std::string body :
         {"{table: crates, name: c2}",
          "{table: crates, name: c2, unique: [load], check: \"load > 1\"}",
          "{table: crates, name: c2, check: \"load > 1\", where: \"load < 5\"}",
          "{table: crates, name: c2, unique: []}"}) {
        CHECK_THROWS_AS(load(kTable + "  - add_constraint: " + body + "\n"), LoadError);
    }
}

TEST_CASE("constraint names may not clash with indexes or other constraints") {
    LoadError e =
        load_error(kTable +
                   "  - create_index: {name: shared_name, table: crates, columns: [load]}\n"
                   "  - add_constraint: {table: crates, name: shared_name, check: \"load "
                   "> 1\"}\n");
    CHECK(e.line() == 8);
    CHECK(e.bare_message().find("shared_name") != std::string::npos);
    LoadError twice =
        load_error(kTable +
                   "  - add_constraint: {table: crates, name: c3, check: \"load > 1\"}\n"
                   "  - add_constraint: {table: crates, name: c3, unique: [serial]}\n");
    CHECK(twice.line() == 8);
}

TEST_CASE("dropping a column in unique_together points at alter_unique_together") {
    LoadError e = load_error(kTable +
                             "  - alter_unique_together: {table: crates, unique_together: "
                             "[[serial, load]]}\n"
                             "  - drop_column: {table: crates, column: load}\n");
    CHECK(e.line() == 8);
    CHECK(e.bare_message().find("alter_unique_together") != std::string::npos);
}

TEST_CASE("dropping a column a condition or constraint mentions is refused") {
    LoadError by_index =
        load_error(kTable +
                   "  - create_index: {name: ix_s, table: crates, columns: [serial], "
                   "where: \"load > 2\"}\n"
                   "  - drop_column: {table: crates, column: load}\n");
    CHECK(by_index.bare_message().find("index 'ix_s'") != std::string::npos);
    LoadError by_check = load_error(kTable +
                                    "  - add_constraint: {table: crates, name: c4, check: \"load > "
                                    "2\"}\n"
                                    "  - drop_column: {table: crates, column: load}\n");
    CHECK(by_check.bare_message().find("remove_constraint") != std::string::npos);
}

TEST_CASE("a rename follows into where:, check and unique lists of the state") {
    Migration m = load(kTable +
                       "  - create_index: {name: ix_l, table: crates, columns: [serial], where: "
                       "\"load > 2\"}\n"
                       "  - add_constraint: {table: crates, name: c5, check: \"load < 99\"}\n"
                       "  - add_constraint: {table: crates, name: c6, unique: [load], where: "
                       "\"serial <> ''\"}\n"
                       "  - rename_column: {table: crates, old: load, new: weight}\n"
                       "  - rename_column: {table: crates, old: serial, new: code}\n");
    ProjectState state = replay_all(MigrationGraph({m}));
    const ModelState& crates = state.table("crates");
    CHECK(crates.find_index("ix_l")->where == Condition("weight > 2"));
    CHECK(crates.find_constraint("c5")->check == Condition("weight < 99"));
    CHECK(crates.find_constraint("c6")->unique == std::vector<std::string>{"weight"});
    CHECK(crates.find_constraint("c6")->where == Condition("code <> ''"));
}

TEST_CASE("a migration with where: keeps the checksum it had before conditions were parsed") {
    // Recorded with covet built before conditions were parsed (commit bb261f1).
    Migration m = load(
        "operations:\n"
        "  - create_table:\n"
        "      table: parcels\n"
        "      fields:\n"
        "        weight: IntegerField()\n"
        "        label: CharField(max_length=12)\n"
        "      indexes: [{name: idx_parcels_heavy, columns: [weight], where: \"weight >= 100 and "
        "label <> 'x'\"}]\n"
        "  - create_index: {name: idx_parcels_label, table: parcels, columns: [label], unique: "
        "true, where: \"label IS NOT NULL\"}\n",
        "ck/0001_where.yaml");
    CHECK(m.checksum() == "f267e2ba93c374ea8f3511a130c6d58e");
}

TEST_CASE("each constraint operation has its own checksum text") {
    auto checksum_of = [](const std::string& op) { return load(kTable + op).checksum(); };
    const std::string check =
        checksum_of("  - add_constraint: {table: crates, name: c7, check: \"load > 1\"}\n");
    CHECK(check !=
          checksum_of("  - add_constraint: {table: crates, name: c7, check: \"load > 2\"}\n"));
    CHECK(check != checksum_of("  - add_constraint: {table: crates, name: c7, unique: [load]}\n"));
    CHECK(checksum_of("  - add_constraint: {table: crates, name: c7, unique: [load]}\n") !=
          checksum_of("  - add_constraint: {table: crates, name: c7, unique: [load], where: \"load "
                      "> 1\"}\n"));
    CHECK(checksum_of("  - alter_unique_together: {table: crates, unique_together: []}\n") !=
          checksum_of("  - alter_unique_together: {table: crates, unique_together: [[load]]}\n"));
}

TEST_CASE("constraint operations built in C++ have the checksum of their YAML form") {
    Migration yaml =
        load(kTable +
             "  - alter_unique_together: {table: crates, unique_together: [[serial]]}\n"
             "  - add_constraint: {table: crates, name: c8, check: \"load < 7\"}\n"
             "  - add_constraint: {table: crates, name: c9, unique: [load], where: "
             "\"serial IS NULL\"}\n"
             "  - remove_constraint: {table: crates, name: c8}\n");
    MigrationRegistry registry;
    Migration& cpp = registry.add("default", "0001_c");
    cpp.operations = {yaml.operations[0], ops::alter_unique_together("crates", {{"serial"}}),
                      ops::add_check_constraint("crates", "c8", "load < 7"),
                      ops::add_unique_constraint("crates", "c9", {"load"}, "serial IS NULL"),
                      ops::remove_constraint("crates", "c8")};
    CHECK(cpp.checksum() == yaml.checksum());
    ProjectState state = replay_all(MigrationGraph({cpp}));
    CHECK(state.table("crates").constraints.size() == 1);
}
