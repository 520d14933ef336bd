// covet::migrate and covet::check: migrations run by the application at
// start-up (covet/migrate.h), on each back end.
#include <catch2/catch.hpp>

#include <latch>
#include <regex>
#include <sstream>
#include <thread>

#include "covet/database.h"
#include "covet/error.h"
#include "covet/migrate.h"
#include "covet/recorder.h"
#include "migration_harness.h"

using covet::test::MigrationHarness;

namespace {

// Three migrations; the last inserts one row, so a second application of
// any of them would either fail or leave two rows.
void write_blog(MigrationHarness& h) {
    h.write("0001_author.yaml", R"Y(operations:
  - create_table: {table: author, fields: {id: AutoField(primary_key=True), name: CharField(max_length=50)}}
)Y");
    h.write("0002_post.yaml", R"Y(dependencies: [0001_author]
operations:
  - create_table: {table: post, fields: {id: AutoField(primary_key=True), title: CharField(max_length=80)}}
)Y");
    h.write("0003_seed.yaml", R"Y(dependencies: [0002_post]
operations:
  - run_sql: {sql: "INSERT INTO author (name) VALUES ('seed')", reverse_sql: "DELETE FROM author"}
)Y");
}

std::string migrations_dir(MigrationHarness& h) {
    return (h.root() / "migrations").string();
}

struct ReplicaOutcome {
    std::size_t steps = 0;
    std::string output;
    std::string error;
};

// One replica: its own connection, waiting until all are ready.
ReplicaOutcome run_replica(const std::string& url, const std::string& dir, std::latch& start) {
    ReplicaOutcome outcome;
    try {
        covet::Database db = covet::open(url);
        std::ostringstream out;
        covet::MigrateOptions options;
        options.out = &out;
        start.arrive_and_wait();
        outcome.steps = covet::migrate(db, dir, options).steps.size();
        outcome.output = out.str();
    } catch (const std::exception& e) {
        outcome.error = e.what();
    }
    return outcome;
}

}  // namespace

COVET_BACKEND_TEST("covet::migrate from three replicas at once applies each migration once") {
    write_blog(h);
    std::latch start(3);
    ReplicaOutcome outcomes[3];
    std::vector<std::thread> replicas;
    for (auto& outcome : outcomes)
        replicas.emplace_back([&] { outcome = run_replica(h.url(), migrations_dir(h), start); });
    for (auto& t : replicas)
        t.join();
    std::size_t steps = 0;
    int idle = 0;
    for (const auto& outcome : outcomes) {
        INFO(outcome.error);
        CHECK(outcome.error.empty());
        steps += outcome.steps;
        if (outcome.output == "No migrations to apply.\n") ++idle;
    }
    CHECK(steps == 3);
    CHECK(idle == 2);
    CHECK(h.applied().size() == 3);
    CHECK(h.count("author") == 1);
}

COVET_BACKEND_TEST("covet::migrate prints the lines of covet migrate and honours a target") {
    write_blog(h);
    covet::Database db(h.shared_db());
    std::ostringstream first;
    covet::MigrateOptions options;
    options.out = &first;
    options.target = "0002";
    auto result = covet::migrate(db, migrations_dir(h), options);
    REQUIRE(result.steps.size() == 2);
    CHECK(result.steps[1].key.name == "0002_post");
    std::regex lines(
        "Applying ([a-z_]+)\\.0001_author\\.\\.\\. OK \\([0-9]+ ms\\)\n"
        "Applying \\1\\.0002_post\\.\\.\\. OK \\([0-9]+ ms\\)\n");
    CHECK(std::regex_match(first.str(), lines));
    CHECK(h.applied().size() == 2);
    std::ostringstream rest;
    options.out = &rest;
    options.target.clear();
    CHECK(covet::migrate(db, migrations_dir(h), options).steps.size() == 1);
    CHECK(h.count("author") == 1);
    std::ostringstream again;
    options.out = &again;
    CHECK(covet::migrate(db, migrations_dir(h), options).steps.empty());
    CHECK(again.str() == "No migrations to apply.\n");
}

COVET_BACKEND_TEST("covet::check returns modified migrations and drift as data") {
    write_blog(h);
    covet::Database db(h.shared_db());
    covet::migrate(db, migrations_dir(h));
    CHECK(covet::check(db, migrations_dir(h)).empty());
    h.db().execute("CREATE TABLE stray (n INTEGER)");
    h.write("0003_seed.yaml", R"Y(dependencies: [0002_post]
operations:
  - run_sql: {sql: "INSERT INTO author (name) VALUES ('other')", reverse_sql: "DELETE FROM author"}
)Y");
    auto findings = covet::check(db, migrations_dir(h));
    int modified = 0;
    int drift = 0;
    for (const auto& f : findings) {
        INFO(f.message);
        if (f.kind == covet::CheckFinding::Kind::Modified) {
            ++modified;
            CHECK(f.message.find("0003_seed") != std::string::npos);
        }
        if (f.kind == covet::CheckFinding::Kind::Drift) {
            ++drift;
            CHECK(f.message.find("stray") != std::string::npos);
        }
    }
    CHECK(modified == 1);
    CHECK(drift == 1);
    CHECK(findings.size() == 2);
}

TEST_CASE("covet::check reports a broken graph as a finding, not an exception") {
    MigrationHarness h("sqlite");
    h.write("0001_x.yaml", "dependencies: [0000_nowhere]\noperations: []\n");
    covet::Database db(h.shared_db());
    auto findings = covet::check(db, migrations_dir(h));
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].kind == covet::CheckFinding::Kind::Graph);
}

TEST_CASE("covet::migrate refuses a lock timeout that is not a number of seconds") {
    MigrationHarness h("sqlite");
    write_blog(h);
    covet::MigrateOptions options;
    options.lock_timeout_seconds = -1;
    CHECK_THROWS_AS(covet::migrate(covet::open(h.url()), migrations_dir(h), options),
                    covet::UsageError);
    CHECK(h.applied().empty());
}
