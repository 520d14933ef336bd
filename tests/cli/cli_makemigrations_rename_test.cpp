// Renames in makemigrations: confirmed on a terminal (y/N) or by --rename,
// never guessed in a script; and models files with mistakes, which are
// refused at file:line:column with nothing written.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli_assertions.h"
#include "pty_session.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const char* kBefore =
    "models:\n  - table: people\n    fields:\n      name: CharField(max_length=40, null=True)\n";
const char* kAfter =
    "models:\n  - table: people\n    fields:\n      full_name: CharField(max_length=40, "
    "null=True)\n";

// A workspace whose migrations build kBefore and whose models say kAfter.
void renamed_models(const Workspace& ws) {
    ws.write("models.yaml", kBefore);
    REQUIRE_EXIT(ws.covet({"makemigrations"}), 0);
    ws.write("models.yaml", kAfter);
}

int migration_count(const Workspace& ws) {
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(ws / "migrations")) {
        (void)entry;
        ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("a rename confirmed with y on a terminal becomes rename_column",
          "[cli][makemigrations]") {
    Workspace ws;
    renamed_models(ws);
    PtySession session(ws.covet_options({"makemigrations"}));
    REQUIRE(session.wait_for("Was column 'people.name' renamed to 'full_name'? [y/N]"));
    session.send("y\r");
    REQUIRE(session.wait_exit() == 0);
    const std::string written = ws.read("migrations/0002_rename_people_name_full_name.yaml");
    CHECK(contains(written,
                   "- rename_column:\n    table: people\n    old: name\n    new: full_name\n"));
    CHECK_EXIT(ws.covet({"makemigrations", "--check"}), 0);
}

TEST_CASE("a rename refused with n on a terminal is a drop and an add", "[cli][makemigrations]") {
    Workspace ws;
    renamed_models(ws);
    PtySession session(ws.covet_options({"makemigrations"}));
    REQUIRE(session.wait_for("[y/N]"));
    session.send("n\r");
    REQUIRE(session.wait_exit() == 0);
    REQUIRE(migration_count(ws) == 2);
    CHECK_EXIT(ws.covet({"makemigrations", "--check"}), 0);
    RunResult plan = ws.covet({"sqlmigrate", "0002"});
    CHECK_RUN(plan, !contains_nocase(plan.out, "RENAME"));
}

TEST_CASE("makemigrations --rename gives a rename in a script", "[cli][makemigrations]") {
    Workspace ws;
    renamed_models(ws);
    RunResult made = ws.covet({"makemigrations", "--rename", "people.name=full_name"});
    REQUIRE_EXIT(made, 0);
    CHECK(ws.exists("migrations/0002_rename_people_name_full_name.yaml"));
    CHECK_EXIT(ws.covet({"migrate"}), 0);
    CHECK_EXIT(ws.covet({"makemigrations", "--check"}), 0);

    ws.write("models.yaml",
             "models:\n  - table: humans\n    fields:\n      full_name: "
             "CharField(max_length=40, null=True)\n");
    REQUIRE_EXIT(ws.covet({"makemigrations", "--rename", "people=humans"}), 0);
    CHECK(ws.exists("migrations/0003_rename_people_humans.yaml"));
    CHECK_EXIT(ws.covet({"migrate"}), 0);
    CHECK_EXIT(ws.covet({"check"}), 0);
}

TEST_CASE("an unconfirmed rename outside a terminal exits 1 naming it and writes nothing",
          "[cli][makemigrations]") {
    Workspace ws;
    renamed_models(ws);
    RunResult refused = ws.covet({"makemigrations"});
    CHECK_EXIT(refused, 1);
    CHECK_RUN(refused, is_one_error_line(refused.err));
    CHECK_RUN(refused, contains(refused.err, "column 'people.name' to 'full_name'"));
    CHECK_RUN(refused, contains(refused.err, "--rename people.name=full_name"));
    CHECK(migration_count(ws) == 1);

    RunResult wrong = ws.covet({"makemigrations", "--rename", "people.nope=full_name"});
    CHECK_EXIT(wrong, 1);
    CHECK_RUN(wrong, contains(wrong.err, "people.nope"));
    CHECK_EXIT(ws.covet({"makemigrations", "--rename", "nonsense"}), 2);
    CHECK(migration_count(ws) == 1);
}

TEST_CASE("bad models files are refused at file:line:column, nothing written",
          "[cli][makemigrations]") {
    struct Bad {
        const char* text;
        const char* error;
    };
    const Bad cases[] = {
        {"models:\n  - table: a\n    fields:\n      x: IntgerField()\n",
         "covet: error: models.yaml:4:10: field 'x': unknown field type 'IntgerField'"},
        {"models:\n  - table: a\n    fields:\n      owner: ForeignKey(ghosts)\n",
         "covet: error: models.yaml:4:14: field 'owner' of table 'a' points at model 'ghosts'"},
        {"models:\n  - table: a\n    fields:\n      x: TextField()\n      x: IntegerField()\n",
         "covet: error: models.yaml:5:7: malformed YAML"},
    };
    for (const Bad& bad : cases) {
        Workspace ws;
        ws.write("models.yaml", bad.text);
        RunResult run = ws.covet({"makemigrations"});
        CHECK_EXIT(run, 1);
        CHECK_RUN(run, is_one_error_line(run.err));
        CHECK_RUN(run, run.err.rfind(bad.error, 0) == 0);
        CHECK(!ws.exists("migrations"));
    }
}
