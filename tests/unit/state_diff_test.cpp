// diff_states over states read from models files: which operations, in
// which order, what is asked about renames, and what is refused. Applying
// the operations to the first state must give the second (same_schema).
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/models_file.h"
#include "covet/state_diff.h"

using namespace covet;

namespace {

ProjectState models(const std::string& body) {
    return parse_models_file("models.yaml", "models:\n" + body);
}

std::vector<std::string> kinds(const std::vector<OperationPtr>& ops) {
    std::vector<std::string> out;
    for (const OperationPtr& op : ops)
        out.push_back(op->kind() + " " + op->table_name());
    return out;
}

std::vector<OperationPtr> diff_and_apply(const ProjectState& from, const ProjectState& to,
                                         const DiffOptions& options = {}) {
    std::vector<OperationPtr> ops = diff_states(from, to, options);
    ProjectState state = from;
    for (const OperationPtr& op : ops)
        op->state_forwards("default", state);
    CHECK(same_schema(state, to));
    CHECK(diff_states(state, to).empty());
    return ops;
}

const std::string kUsers = "  - table: users\n    fields:\n      name: CharField(max_length=20)\n";

}  // namespace

TEST_CASE("new tables come after the tables they point at, a cycle's key after both") {
    ProjectState to = models(
        "  - table: a\n    fields:\n      b: ForeignKey(b, null=True)\n"
        "  - table: b\n    fields:\n      c: ForeignKey(c)\n"
        "  - table: c\n    fields:\n      a: ForeignKey(a, null=True)\n");
    auto ops = diff_and_apply(ProjectState(), to);
    // c points at a, a at b, b at c: one key waits until all three exist.
    CHECK(kinds(ops).size() == 4);
    CHECK(kinds(ops).back().rfind("add_column", 0) == 0);
}

TEST_CASE("dropped tables go before the tables they point at") {
    ProjectState from =
        models(kUsers + "  - table: posts\n    fields:\n      author: ForeignKey(users)\n");
    auto ops = diff_and_apply(from, ProjectState());
    CHECK(kinds(ops) == std::vector<std::string>{"drop_table posts", "drop_table users"});
}

TEST_CASE("an index and a unique_together over a dropped column go before it") {
    ProjectState from = models(
        "  - table: t\n    fields:\n      a: IntegerField()\n      b: IntegerField()\n"
        "    unique_together: [[a, b]]\n    indexes: [{name: t_b, columns: [b]}]\n");
    ProjectState to = models("  - table: t\n    fields:\n      a: IntegerField()\n");
    auto ops = diff_and_apply(from, to);
    CHECK(kinds(ops) ==
          std::vector<std::string>{"drop_index t", "alter_unique_together t", "drop_column t"});
}

TEST_CASE("a new NOT NULL column without a default is refused, asking for one") {
    ProjectState from = models(kUsers);
    ProjectState to = models(kUsers + "      age: IntegerField()\n");
    CHECK_THROWS_WITH(diff_states(from, to),
                      Catch::Contains("users.age") && Catch::Contains("default"));
    CHECK(diff_and_apply(from, models(kUsers + "      age: IntegerField(default=0)\n")).size() ==
          1);
}

TEST_CASE("a rename is asked about only when it is the one candidate either way") {
    ProjectState from = models(kUsers);
    ProjectState to =
        models("  - table: users\n    fields:\n      full_name: CharField(max_length=20)\n");
    std::vector<RenameChoice> asked;
    DiffOptions yes{{}, [&](const RenameChoice& c) {
                        asked.push_back(c);
                        return true;
                    }};
    auto ops = diff_and_apply(from, to, yes);
    REQUIRE(asked.size() == 1);
    CHECK(asked[0].flag() == "users.name=full_name");
    CHECK(kinds(ops) == std::vector<std::string>{"rename_column users"});

    // Two columns of the same definition come: no guess, no question.
    asked.clear();
    ProjectState two = models(
        "  - table: users\n    fields:\n      first: CharField(max_length=20)\n"
        "      last: CharField(max_length=20, default='')\n      other: "
        "CharField(max_length=20, default='')\n");
    ProjectState one = models(
        "  - table: users\n    fields:\n      first: CharField(max_length=20)\n"
        "      last: CharField(max_length=20, default='')\n");
    ProjectState renamed = models(
        "  - table: users\n    fields:\n      first: CharField(max_length=20)\n"
        "      surname: CharField(max_length=20, default='')\n      alias: "
        "CharField(max_length=20, default='')\n");
    (void)one;
    diff_and_apply(two, renamed, yes);
    CHECK(asked.empty());

    // A different definition is no candidate; --rename makes it one.
    ProjectState longer =
        models("  - table: users\n    fields:\n      full_name: CharField(max_length=90)\n");
    asked.clear();
    CHECK_THROWS_WITH(diff_states(from, longer, yes), Catch::Contains("users.full_name"));
    CHECK(asked.empty());
    auto forced = diff_and_apply(from, longer, {{{"users", "name", "full_name"}}, nullptr});
    CHECK(kinds(forced) == std::vector<std::string>{"rename_column users", "alter_column users"});
}

TEST_CASE("a table rename keeps the foreign keys pointing at it unchanged") {
    ProjectState from = models(kUsers +
                               "  - table: posts\n    fields:\n      author: "
                               "ForeignKey(users, on_delete=PROTECT)\n");
    ProjectState to = models(
        "  - table: people\n    fields:\n      name: CharField(max_length=20)\n"
        "  - table: posts\n    fields:\n      author: ForeignKey(people, on_delete=PROTECT)\n");
    auto ops = diff_and_apply(from, to, {{{"", "users", "people"}}, nullptr});
    CHECK(kinds(ops) == std::vector<std::string>{"rename_table users"});
}

TEST_CASE("migration names follow Django's") {
    ProjectState from = models(kUsers);
    auto add = diff_states(from, models(kUsers + "      age: IntegerField(null=True)\n"));
    CHECK(suggest_migration_name(add, false, "20260101_1200") == "add_users_age");
    CHECK(suggest_migration_name(add, true, "20260101_1200") == "initial");
    auto two = diff_states(from, models(kUsers + "      a: IntegerField(null=True)\n      b: "
                                                 "IntegerField(null=True)\n"));
    CHECK(suggest_migration_name(two, false, "20260101_1200") == "auto_20260101_1200");
}

TEST_CASE("a many-to-many field's new target is refused, a new related_name is not") {
    const std::string tables =
        "  - table: tags\n    fields:\n      name: CharField(max_length=9)\n"
        "  - table: cats\n    fields:\n      name: CharField(max_length=9)\n";
    ProjectState from = models(tables +
                               "  - table: posts\n    fields:\n"
                               "      tags: ManyToManyField(tags)\n");
    ProjectState retargeted = models(tables +
                                     "  - table: posts\n    fields:\n"
                                     "      tags: ManyToManyField(cats)\n");
    CHECK_THROWS_WITH(diff_states(from, retargeted),
                      Catch::Contains("posts.tags") && Catch::Contains("in place"));
    ProjectState column = models(tables +
                                 "  - table: posts\n    fields:\n"
                                 "      tags: IntegerField(null=True)\n");
    CHECK_THROWS_AS(diff_states(from, column), MigrationError);
    ProjectState renamed = models(tables +
                                  "  - table: posts\n    fields:\n"
                                  "      tags: ManyToManyField(tags, related_name=posted)\n");
    CHECK_NOTHROW(diff_and_apply(from, renamed));
}
