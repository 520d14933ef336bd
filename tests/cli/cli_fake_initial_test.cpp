// `migrate --fake-initial`, as Django's: an initial migration whose tables
// already exist as it would make them is recorded without running; tables
// of another shape are refused, naming the difference; none are created.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const char* kInitial = R"(operations:
  - create_table:
      table: owners
      fields:
        name: CharField(max_length=50)
  - create_table:
      table: pets
      fields:
        owner: ForeignKey(owners, on_delete=CASCADE)
        name: CharField(max_length=40, unique=True)
        age: IntegerField(default=0)
)";

const char* kAddWeight =
    "dependencies: [0001_initial]\noperations:\n  - add_column: {table: pets, column: weight, "
    "field: \"IntegerField(null=True)\"}\n";

using History = std::vector<std::pair<std::string, std::string>>;

// The tables of 0001_initial as covet makes them, with a row, and no history.
void existing_database(const Workspace& ws, const std::string& url) {
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe db(url);
    db.connection().execute("INSERT INTO owners (id, name) VALUES (1, 'Ann')");
    db.connection().execute("DELETE FROM covet_migrations");
}

}  // namespace

COVET_CLI_BACKEND_TEST("migrate --fake-initial records an initial migration whose tables exist",
                       "[cli][fake_initial]") {
    Workspace ws;
    ws.write("migrations/0001_initial.yaml", kInitial);
    const std::string url = database_url_for(backend, ws);
    existing_database(ws, url);
    ws.write("migrations/0002_add_weight.yaml", kAddWeight);
    // Without the flag the initial migration runs and meets its tables.
    CHECK_EXIT(ws.covet({"-d", url, "migrate"}), 1);
    CHECK(DatabaseProbe(url).history().empty());

    RunResult run = ws.covet({"-d", url, "migrate", "--fake-initial"});
    REQUIRE_EXIT(run, 0);
    CHECK_RUN(run, appear_in_order(run.out, {"0001_initial", "FAKED", "0002_add_weight", "OK"}));
    DatabaseProbe db(url);
    CHECK(db.history() == History{{"default", "0001_initial"}, {"default", "0002_add_weight"}});
    CHECK(db.scalar("SELECT count(*) FROM owners") == 1);
    CHECK(db.has_column("pets", "weight"));
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
}

COVET_CLI_BACKEND_TEST("migrate --fake-initial refuses tables of another shape, naming it",
                       "[cli][fake_initial]") {
    Workspace ws;
    ws.write("migrations/0001_initial.yaml", kInitial);
    const std::string url = database_url_for(backend, ws);
    existing_database(ws, url);
    DatabaseProbe(url).connection().execute("ALTER TABLE pets ADD COLUMN color varchar(10)");
    RunResult refused = ws.covet({"-d", url, "migrate", "--fake-initial"});
    CHECK_EXIT(refused, 1);
    CHECK_RUN(refused, contains(refused.err, "default.0001_initial"));
    CHECK_RUN(refused, contains(refused.err, "column pets.color is not in the migration state"));
    CHECK(DatabaseProbe(url).history().empty());
}

COVET_CLI_BACKEND_TEST("migrate --fake-initial refuses when only some of the tables exist",
                       "[cli][fake_initial]") {
    Workspace ws;
    ws.write("migrations/0001_initial.yaml", kInitial);
    const std::string url = database_url_for(backend, ws);
    existing_database(ws, url);
    DatabaseProbe(url).connection().execute("DROP TABLE pets");
    RunResult refused = ws.covet({"-d", url, "migrate", "--fake-initial"});
    CHECK_EXIT(refused, 1);
    CHECK_RUN(refused, contains(refused.err, "table pets is missing from the database"));
    CHECK(DatabaseProbe(url).history().empty());
}

COVET_CLI_BACKEND_TEST("migrate --fake-initial runs an initial migration whose tables are absent",
                       "[cli][fake_initial]") {
    Workspace ws;
    ws.write("migrations/0001_initial.yaml", kInitial);
    ws.write("migrations/0002_add_weight.yaml", kAddWeight);
    const std::string url = database_url_for(backend, ws);
    RunResult run = ws.covet({"-d", url, "migrate", "--fake-initial"});
    REQUIRE_EXIT(run, 0);
    CHECK_RUN(run, !contains(run.out, "FAKED"));
    DatabaseProbe db(url);
    CHECK(db.has_table("pets"));
    CHECK(db.has_column("pets", "weight"));
    CHECK(db.history().size() == 2);
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
}

TEST_CASE("migrate --fake-initial runs a migration that says initial: false",
          "[cli][fake_initial]") {
    Workspace ws;
    ws.write("migrations/0001_initial.yaml", std::string("initial: false\n") + kInitial);
    const std::string url = database_url_for("sqlite", ws);
    existing_database(ws, url);
    RunResult run = ws.covet({"-d", url, "migrate", "--fake-initial"});
    CHECK_EXIT(run, 1);
    CHECK_RUN(run, contains(run.err, "already exists"));
    CHECK(DatabaseProbe(url).history().empty());
}
