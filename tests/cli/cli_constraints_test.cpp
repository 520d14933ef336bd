// The constraint operations as a user runs them: --plan, migrate, check,
// rollback, drift, and their load errors, on every back end.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const char* kBins = R"Y(operations:
  - create_table:
      table: bins
      fields:
        rack: CharField(max_length=6)
        level: SmallIntegerField()
        load_kg: IntegerField(default=0)
        sealed: BooleanField(default=False)
      unique_together: [[rack, level]]
)Y";

const char* kUnparsableRule = R"Y(dependencies: [0001_bins]
operations:
  - add_constraint: {table: bins, name: bins_load_limit, check: "load_kg BETWEEN_NOT_USED_HERE"}
)Y";

void write_bins(const Workspace& ws, const std::string& rules) {
    ws.write("migrations/0001_bins.yaml", kBins);
    ws.write("migrations/0002_rules.yaml", rules);
}

const std::string kRules = R"Y(dependencies: [0001_bins]
operations:
  - add_constraint: {table: bins, name: bins_load_limit, check: "load_kg >= 0 AND load_kg < 900"}
  - alter_unique_together: {table: bins, unique_together: [[rack, level, sealed]]}
  - add_constraint: {table: bins, name: bins_rack_level, unique: [rack, level]}
  - remove_constraint: {table: bins, name: bins_load_limit}
)Y";

}  // namespace

COVET_CLI_BACKEND_TEST("constraint operations plan, apply, pass check and roll back",
                       "[cli][constraints]") {
    Workspace ws;
    write_bins(ws, kRules);
    const std::string url = database_url_for(backend, ws);
    RunResult plan = ws.covet({"-d", url, "migrate", "--plan"});
    REQUIRE_EXIT(plan, 0);
    CHECK_RUN(plan, appear_in_order(plan.out, {"Add check constraint bins_load_limit to bins",
                                               "Alter unique_together of bins to [[rack, level, "
                                               "sealed]]",
                                               "Add unique constraint bins_rack_level to bins",
                                               "Remove constraint bins_load_limit from bins"}));
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 0);
    DatabaseProbe db(url);
    db.connection().execute("INSERT INTO bins (id, rack, level, load_kg) VALUES (1, 'R1', 2, 950)");
    CHECK_THROWS(db.connection().execute(
        "INSERT INTO bins (id, rack, level, load_kg) VALUES (2, 'R1', 2, 10)"));
    db.connection().execute("DELETE FROM bins");
    REQUIRE_EXIT(ws.covet({"-d", url, "rollback"}), 0);
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
    // Back to 0001: no check constraint, and unique_together (rack, level) again.
    db.connection().execute("INSERT INTO bins (id, rack, level, load_kg) VALUES (3, 'R1', 2, -5)");
    CHECK_THROWS(db.connection().execute(
        "INSERT INTO bins (id, rack, level, load_kg) VALUES (4, 'R1', 2, 1)"));
}

COVET_CLI_BACKEND_TEST("check finds a unique constraint dropped behind covet's back",
                       "[cli][constraints]") {
    Workspace ws;
    // SQLite keeps plain UNIQUE constraints inside the table: drop a partial one there.
    const bool partial = backend == "sqlite";
    write_bins(ws, std::string("dependencies: [0001_bins]\noperations:\n"
                               "  - add_constraint: {table: bins, name: bins_one_open, unique: "
                               "[rack]") +
                       (partial ? ", where: \"sealed = false\"" : "") + "}\n");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    CHECK_EXIT(ws.covet({"-d", url, "check"}), 0);
    const std::string drop = backend == "sqlite" ? "DROP INDEX bins_one_open"
                             : backend == "postgresql"
                                 ? "ALTER TABLE bins DROP CONSTRAINT bins_one_open"
                                 : "ALTER TABLE bins DROP INDEX bins_one_open";
    DatabaseProbe(url).connection().execute(drop);
    RunResult check = ws.covet({"-d", url, "check"});
    CHECK_EXIT(check, 3);
    CHECK_RUN(check, contains(check.out + check.err, "bins_one_open"));
}

TEST_CASE("mysql: a partial unique constraint is refused before it changes anything",
          "[cli][constraints]") {
    Workspace ws;
    write_bins(ws, R"Y(dependencies: [0001_bins]
operations:
  - add_column: {table: bins, column: label, field: "CharField(max_length=9, null=True)"}
  - add_constraint: {table: bins, name: bins_open_rack, unique: [rack], where: "sealed = false"}
)Y");
    const std::string url = database_url_for("mysql", ws);
    RunResult result = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, (contains(result.err, "bins_open_rack") && contains(result.err, "partial")));
    DatabaseProbe db(url);
    CHECK(db.history().size() == 1);
    CHECK_FALSE(db.has_column("bins", "label"));
}

TEST_CASE("a condition naming an unknown field is a load error at the name", "[cli][load]") {
    Workspace ws;
    write_bins(ws, R"Y(dependencies: [0001_bins]
operations:
  - add_constraint:
      table: bins
      name: bins_load_limit
      check: "load_kg >= 0 AND weight_kg < 900"
)Y");
    RunResult result = ws.covet({"migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    // Line 6; the text starts at column 15, `weight_kg` is its 18th character.
    CHECK_RUN(result, contains(result.err, "0002_rules.yaml:6:32: "));
    CHECK_RUN(result, contains(result.err, "unknown field 'weight_kg'"));
}

TEST_CASE("a condition that does not parse is a load error at the fault", "[cli][load]") {
    Workspace ws;
    write_bins(ws, kUnparsableRule);
    RunResult result = ws.covet({"migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "0002_rules.yaml:3:74: "));
}
