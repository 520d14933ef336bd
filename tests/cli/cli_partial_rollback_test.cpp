// MariaDB commits each DDL statement, so a run killed inside a migration
// leaves it `partial`. Reverting that partial migration is the step that
// `rollback` takes; migrations before it, and their rows, stay.
#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <thread>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

void write_migrations(const Workspace& ws) {
    ws.write("migrations/depot/0001_crates.yaml",
             "operations:\n"
             "  - create_table:\n"
             "      table: crates\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "        owner: CharField(max_length=20)\n"
             "  - run_sql:\n"
             "      sql: \"INSERT INTO crates (owner) VALUES ('ada'), ('bo')\"\n"
             "      reverse_sql: \"DELETE FROM crates\"\n");
    ws.write("migrations/depot/0002_pallets.yaml",
             "dependencies: [0001_crates]\n"
             "operations:\n"
             "  - create_table:\n"
             "      table: pallets\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "  - add_column: {table: crates, column: weight, field: \"IntegerField(null=True)\"}\n"
             "  - run_sql: {sql: \"DO SLEEP(7)\", reverse_sql: \"DO 0\"}\n"
             "  - add_column: {table: pallets, column: height, field: "
             "\"IntegerField(null=True)\"}\n");
}

// Runs `migrate` and kills it while 0002's SLEEP runs (its first operations are committed).
void leave_0002_partial(const Workspace& ws, const std::string& url, bool expect_weight = true) {
    RunOptions options = ws.covet_options({"-d", url, "migrate"});
    options.timeout = std::chrono::seconds(120);
    BackgroundProcess process(options);
    DatabaseProbe probe(url);
    bool sleeping = false;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!sleeping && process.running() && std::chrono::steady_clock::now() < deadline) {
        sleeping = probe.scalar(
                       "SELECT count(*) FROM information_schema.processlist "
                       "WHERE db = DATABASE() AND id <> CONNECTION_ID() "
                       "AND info LIKE '%SLEEP(7)%'") > 0;
        if (!sleeping) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    process.kill_now();
    RunResult killed = process.wait();
    INFO(killed.describe());
    REQUIRE(sleeping);
    REQUIRE(killed.signal == SIGKILL);
    REQUIRE(status_of(list_migrations(ws, {"-d", url}), "depot", "0002_pallets") == "partial");
    if (expect_weight) REQUIRE(probe.has_column("crates", "weight"));
}

}  // namespace

TEST_CASE("mysql: rollback of a partial migration reverts it and keeps the one before",
          "[cli][partial][mysql]") {
    Workspace ws;
    write_migrations(ws);
    const std::string url = database_url_for("mysql", ws);
    leave_0002_partial(ws, url);

    // --sql shows the revert before anything runs, and runs nothing.
    RunResult sql = ws.covet({"-d", url, "rollback", "--sql"});
    REQUIRE_EXIT(sql, 0);
    CHECK_RUN(sql, contains(sql.out, "revert the partial migration depot.0002_pallets"));
    CHECK_RUN(sql, contains(sql.out, "DROP TABLE"));
    CHECK_RUN(sql, !contains(sql.out, "0001_crates"));
    CHECK(DatabaseProbe(url).has_column("crates", "weight"));

    RunResult json_sql = ws.covet({"-d", url, "--format", "json", "rollback", "--sql"});
    REQUIRE_EXIT(json_sql, 0);
    CHECK_RUN(json_sql, contains(json_sql.out, R"("name":"0002_pallets","backwards":true,)"
                                               R"("partial":"revert","statements":[)"));
    RunResult json_plan = ws.covet({"-d", url, "--format", "json", "migrate", "--plan"});
    REQUIRE_EXIT(json_plan, 0);
    CHECK_RUN(json_plan, contains(json_plan.out, R"("partial":"revert","operations":[)"));

    RunResult plan = ws.covet({"-d", url, "migrate", "--plan"});
    REQUIRE_EXIT(plan, 0);
    CHECK_RUN(plan, appear_in_order(plan.out, {"depot.0002_pallets (revert the partial migration)",
                                               "Undo Add column weight to crates",
                                               "Undo Create table pallets", "depot.0002_pallets"}));

    RunResult rolled = ws.covet({"-d", url, "rollback"});
    REQUIRE_EXIT(rolled, 0);
    CHECK_RUN(rolled, contains(rolled.err, "Reverted the partial migration depot.0002_pallets"));
    DatabaseProbe db(url);
    CHECK(db.history() == History{{"depot", "0001_crates"}});
    CHECK(db.schema_tables() == std::set<std::string>{"crates"});
    CHECK(db.columns("crates") == std::vector<std::string>{"id", "owner"});
    CHECK(db.scalar("SELECT count(*) FROM crates") == 2);
    auto listing = list_migrations(ws, {"-d", url});
    CHECK(status_of(listing, "depot", "0001_crates") == "applied");
    CHECK(status_of(listing, "depot", "0002_pallets") == "pending");
}

TEST_CASE("mysql: rollback --steps 2 over a partial migration counts its revert as one step",
          "[cli][partial][mysql]") {
    Workspace ws;
    write_migrations(ws);
    const std::string url = database_url_for("mysql", ws);
    leave_0002_partial(ws, url);
    RunResult rolled = ws.covet({"-d", url, "rollback", "--steps", "2"});
    REQUIRE_EXIT(rolled, 0);
    CHECK_RUN(rolled, contains(rolled.out, "Unapplying depot.0001_crates... OK"));
    DatabaseProbe db(url);
    CHECK(db.history().empty());
    CHECK(db.schema_tables().empty());
}

// The killed client's statement goes on in the server: the revert must count
// it as run. Here a run_sql that inserts, then sleeps, is killed mid-way.
TEST_CASE("mysql: reverting a killed migration undoes the statement that was still running",
          "[cli][partial][mysql]") {
    Workspace ws;
    write_migrations(ws);
    ws.write("migrations/depot/0002_pallets.yaml",
             "dependencies: [0001_crates]\n"
             "operations:\n"
             "  - create_table:\n"
             "      table: pallets\n"
             "      fields:\n"
             "        id: AutoField(primary_key=True)\n"
             "  - run_sql:\n"
             "      sql: \"CREATE TABLE zed (n int); DO SLEEP(7)\"\n"
             "      reverse_sql: \"DROP TABLE zed\"\n");
    const std::string url = database_url_for("mysql", ws);
    leave_0002_partial(ws, url, /*expect_weight=*/false);
    REQUIRE(DatabaseProbe(url).has_table("zed"));
    RunResult rolled = ws.covet({"-d", url, "rollback"});
    REQUIRE_EXIT(rolled, 0);
    DatabaseProbe db(url);
    CHECK(db.scalar("SELECT count(*) FROM crates") == 2);
    CHECK(db.schema_tables() == std::set<std::string>{"crates"});
    CHECK(db.history() == History{{"depot", "0001_crates"}});
}

// A final drop that fails after another one ran cannot go back: the migration
// stays partial, and once the obstacle is gone --resume finishes it.
TEST_CASE("mysql: a final drop blocked after another ran is finished by --resume",
          "[cli][partial][mysql]") {
    Workspace ws;
    write_migrations(ws);
    ws.write("migrations/depot/0002_pallets.yaml",
             "dependencies: [0001_crates]\n"
             "operations:\n"
             "  - create_table:\n"
             "      table: pallets\n"
             "      fields: {id: AutoField(primary_key=True), crate: IntegerField(null=True)}\n");
    ws.write("migrations/depot/0003_blocked.yaml",
             "dependencies: [0002_pallets]\n"
             "operations:\n"
             "  - run_sql:\n"
             "      sql: \"CREATE TABLE holder (p int, FOREIGN KEY (p) REFERENCES pallets (id))\"\n"
             "      reverse_sql: \"DROP TABLE holder\"\n"
             "  - drop_column: {table: crates, column: owner}\n"
             "  - drop_table: {table: pallets}\n");
    const std::string url = database_url_for("mysql", ws);
    RunResult failed = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(failed, 1);
    CHECK_RUN(failed, contains(failed.err, "partial"));
    CHECK(status_of(list_migrations(ws, {"-d", url}), "depot", "0003_blocked") == "partial");
    // Reverting cannot bring the dropped column back: it says so and changes nothing.
    CHECK_EXIT(ws.covet({"-d", url, "migrate"}), 1);
    DatabaseProbe(url).connection().execute("DROP TABLE holder");
    RunResult resumed = ws.covet({"-d", url, "migrate", "--resume"});
    REQUIRE_EXIT(resumed, 0);
    DatabaseProbe db(url);
    CHECK(db.schema_tables() == std::set<std::string>{"crates"});
    CHECK(db.columns("crates") == std::vector<std::string>{"id"});
    CHECK(status_of(list_migrations(ws, {"-d", url}), "depot", "0003_blocked") == "applied");
}
