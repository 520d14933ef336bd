// Exit codes of bad arguments (SPEC.md §3: 2) and the JSON forms of
// migrate --sql, rollback --sql, sqlmigrate and migrate --check.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "json_value.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const std::string k0001 = "0001_create_customers";
const std::string k0002 = "0002_create_orders";

std::string with_parameter(const std::string& url, const std::string& parameter) {
    return url + (url.find('?') == std::string::npos ? "?" : "&") + parameter;
}

// {"migrations":[{"app","name","backwards","statements":[...]}]}: the steps
// as (name, backwards, statements).
struct SqlStep {
    std::string name;
    bool backwards = false;
    std::vector<std::string> statements;
};
std::vector<SqlStep> parse_sql_document(const RunResult& result) {
    INFO(result.describe());
    JsonValue document;
    REQUIRE_NOTHROW(document = parse_json(result.out));
    REQUIRE(document.keys() == std::vector<std::string>{"migrations"});
    std::vector<SqlStep> steps;
    for (const auto& entry : document.at("migrations").items) {
        CHECK(entry.keys() == std::vector<std::string>{"app", "name", "backwards", "statements"});
        CHECK(entry.at("app").text == "shop");
        SqlStep step{entry.at("name").text, entry.at("backwards").boolean, {}};
        for (const auto& statement : entry.at("statements").items) {
            REQUIRE(statement.is_string());
            step.statements.push_back(statement.text);
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& needle) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return contains(t, needle); });
}

}  // namespace

COVET_CLI_BACKEND_TEST("unknown and ambiguous targets are usage errors that change nothing",
                       "[cli][output_forms]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0001"}), 0);
    const std::vector<std::vector<std::string>> bad = {
        {"migrate", "0042"},          {"migrate", "000"},           {"migrate", "nosuchapp.0001"},
        {"rollback", "--to", "0042"}, {"rollback", "--to", "000"},  {"sqlmigrate", "0042"},
        {"sqlmigrate", "000"},        {"migrate", "0042", "--sql"},
    };
    for (const auto& args : bad) {
        std::vector<std::string> full = {"-d", url};
        full.insert(full.end(), args.begin(), args.end());
        RunResult result = ws.covet(full);
        CHECK_EXIT(result, 2);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, contains(result.err, "target"));
    }
    DatabaseProbe db(url);
    CHECK(db.history().size() == 1);
    CHECK(db.schema_tables() == std::set<std::string>{"customers"});
}

COVET_CLI_BACKEND_TEST("an unknown URL parameter is a usage error", "[cli][output_forms]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string plain = database_url_for(backend, ws);
    const std::string url = with_parameter(plain, "frobnicate=yes");
    RunResult result = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(result, 2);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "unknown parameter 'frobnicate'"));
    DatabaseProbe db(plain);
    CHECK(db.schema_tables().empty());
    CHECK(db.history().empty());
}

TEST_CASE("a known PostgreSQL parameter is accepted, an unknown one is not, offline",
          "[cli][output_forms]") {
    Workspace ws;
    ws.copy_fixture("shop");
    // Port 1 refuses at once: a known keyword gets as far as connecting (exit 1).
    RunResult known = ws.covet({"-d", "postgresql://u@127.0.0.1:1/db?sslmode=disable", "migrate"});
    CHECK_EXIT(known, 1);
    RunResult unknown = ws.covet({"-d", "postgresql://u@127.0.0.1:1/db?sslmod=disable", "migrate"});
    CHECK_EXIT(unknown, 2);
    CHECK_RUN(unknown, contains(unknown.err, "unknown parameter 'sslmod'"));
}

TEST_CASE("a PostgreSQL parameter value libpq refuses is a usage error, offline",
          "[cli][output_forms]") {
    Workspace ws;
    ws.copy_fixture("shop");
    for (const char* parameter :
         {"sslmode=bogus", "connect_timeout=abc", "target_session_attrs=sometimes"}) {
        INFO(parameter);
        RunResult result = ws.covet(
            {"-d", std::string("postgresql://u:hunter2@127.0.0.1:1/db?") + parameter, "migrate"});
        CHECK_EXIT(result, 2);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, contains(result.err, "malformed database URL"));
        CHECK_RUN(result, contains(result.err, "invalid"));
        CHECK_RUN(result, !contains(result.err, "hunter2"));
    }
}

TEST_CASE("a missing file named by -c is a usage error, a missing ./covet.yaml is not",
          "[cli][output_forms]") {
    Workspace ws;
    ws.copy_fixture("shop");
    for (const char* flag : {"-c", "--config"}) {
        RunResult result = ws.covet({flag, "elsewhere/none.yaml", "showmigrations"});
        CHECK_EXIT(result, 2);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, contains(result.err, "elsewhere/none.yaml"));
    }
    CHECK_EXIT(ws.covet({"showmigrations"}), 0);
}

COVET_CLI_BACKEND_TEST("migrate --sql and rollback --sql honour --format json",
                       "[cli][output_forms]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult forwards = ws.covet({"-d", url, "--format", "json", "migrate", "0002", "--sql"});
    REQUIRE_EXIT(forwards, 0);
    auto steps = parse_sql_document(forwards);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].name == k0001);
    CHECK(steps[1].name == k0002);
    CHECK_FALSE(steps[1].backwards);
    CHECK(any_contains(steps[0].statements, "CREATE TABLE"));
    CHECK(any_contains(steps[1].statements, "orders"));
    // Nothing ran.
    CHECK(DatabaseProbe(url).schema_tables().empty());

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "0002"}), 0);
    RunResult backwards =
        ws.covet({"-d", url, "--format", "json", "rollback", "--steps", "2", "--sql"});
    REQUIRE_EXIT(backwards, 0);
    steps = parse_sql_document(backwards);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0].name == k0002);
    CHECK(steps[0].backwards);
    CHECK(any_contains(steps[0].statements, "DROP TABLE"));
    CHECK(DatabaseProbe(url).schema_tables() == std::set<std::string>{"customers", "orders"});
}

COVET_CLI_BACKEND_TEST("sqlmigrate and migrate --check honour --format json",
                       "[cli][output_forms]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    RunResult sql = ws.covet({"-d", url, "--format", "json", "sqlmigrate", "0002", "--backwards"});
    REQUIRE_EXIT(sql, 0);
    auto steps = parse_sql_document(sql);
    REQUIRE(steps.size() == 1);
    CHECK(steps[0].name == k0002);
    CHECK(steps[0].backwards);
    CHECK(any_contains(steps[0].statements, "DROP TABLE"));

    RunResult pending = ws.covet({"-d", url, "--format", "json", "migrate", "--check"});
    CHECK_EXIT(pending, 3);
    JsonValue document;
    REQUIRE_NOTHROW(document = parse_json(pending.out));
    REQUIRE(document.keys() == std::vector<std::string>{"unapplied"});
    REQUIRE(document.at("unapplied").items.size() == 3);
    CHECK(document.at("unapplied").items[0].at("name").text == k0001);
    CHECK_FALSE(document.at("unapplied").items[0].at("backwards").boolean);

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult clean = ws.covet({"-d", url, "--format", "json", "migrate", "--check"});
    CHECK_EXIT(clean, 0);
    REQUIRE_NOTHROW(document = parse_json(clean.out));
    CHECK(document.at("unapplied").items.empty());
}

COVET_CLI_BACKEND_TEST("a failing statement's error quotes the statement and nothing covet added",
                       "[cli][output_forms]") {
    Workspace ws;
    ws.write("migrations/0001_broken.yaml",
             "operations:\n  - create_table: {table: gauges, fields: {v: IntegerField()}}\n"
             "  - run_sql: {sql: \"UPDATE gauges SET v = v +* 3\", reverse_sql: \"SELECT 1\"}\n");
    const std::string url = database_url_for(backend, ws);
    RunResult result = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "UPDATE gauges SET v = v +* 3"));
    CHECK_RUN(result, !contains(result.err, "SAVEPOINT"));
    CHECK_RUN(result, !contains(result.err, "covet_statement"));
    CHECK(DatabaseProbe(url).history().empty());
}
