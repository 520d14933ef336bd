// Flags the README and the man page promise, each checked by its effect:
// -q, COMMAND --help, rollback --fake / --to zero / --steps with --to,
// showmigrations --plan, and --format json of check and migrate --plan.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "json_value.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

const History kShopHistory = {{"shop", "0001_create_customers"},
                              {"shop", "0002_create_orders"},
                              {"shop", "0003_add_order_note"}};

// zulu.0001 must run before alpha.0001: apply order differs from app order.
void write_cross_app_migrations(const Workspace& ws) {
    ws.write("migrations/zulu/0001_base.yaml",
             "operations:\n"
             "  - create_table: {table: zulu_base, fields: {id: AutoField(primary_key=True)}}\n");
    ws.write("migrations/alpha/0001_uses_zulu.yaml",
             "dependencies: [zulu.0001_base]\n"
             "operations:\n"
             "  - create_table: {table: alpha_one, fields: {id: AutoField(primary_key=True)}}\n");
    ws.write("migrations/alpha/0002_more.yaml",
             "dependencies: [0001_uses_zulu]\n"
             "operations:\n"
             "  - create_table: {table: alpha_two, fields: {id: AutoField(primary_key=True)}}\n");
}

}  // namespace

TEST_CASE("quiet mode (-q) prints no progress lines and still does the work", "[cli][flags]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for("sqlite", ws);
    for (const std::string quiet : {"-q", "--quiet"}) {
        RunResult migrate = ws.covet({quiet, "migrate"});
        REQUIRE_EXIT(migrate, 0);
        CHECK_RUN(migrate, migrate.out.empty());
        CHECK_RUN(migrate, migrate.err.empty());
        CHECK(DatabaseProbe(url).history() == kShopHistory);

        RunResult again = ws.covet({quiet, "migrate"});
        REQUIRE_EXIT(again, 0);
        CHECK_RUN(again, again.out.empty());

        RunResult check = ws.covet({quiet, "check"});
        REQUIRE_EXIT(check, 0);
        CHECK_RUN(check, check.out.empty());

        RunResult rollback = ws.covet({quiet, "rollback", "--to", "zero"});
        REQUIRE_EXIT(rollback, 0);
        CHECK_RUN(rollback, rollback.out.empty());
        CHECK(DatabaseProbe(url).history().empty());
    }
    // The same commands without -q do print, so the checks above can fail.
    RunResult loud = ws.covet({"migrate"});
    REQUIRE_EXIT(loud, 0);
    CHECK_RUN(loud, contains(loud.out, "Applying shop.0001"));
}

TEST_CASE("quiet mode (-q) keeps the data a command exists to print and its errors",
          "[cli][flags]") {
    Workspace ws;
    ws.copy_fixture("shop");
    RunResult show = ws.covet({"-q", "showmigrations"});
    REQUIRE_EXIT(show, 0);
    CHECK_RUN(show, contains(show.out, "0003_add_order_note"));
    RunResult sql = ws.covet({"-q", "sqlmigrate", "0001"});
    REQUIRE_EXIT(sql, 0);
    CHECK_RUN(sql, contains(sql.out, "CREATE TABLE"));
    RunResult error = ws.covet({"-q", "migrate", "0009_nothing"});
    CHECK_EXIT(error, 2);  // an unknown TARGET is a usage error
    CHECK_RUN(error, is_one_error_line(error.err));
}

TEST_CASE("COMMAND --help describes that command's own options and runs nothing", "[cli][flags]") {
    // The options of each command as the man page lists them.
    const std::map<std::string, std::vector<std::string>> options = {
        {"migrate",
         {"--fake", "--fake-initial", "--plan", "--sql", "--check", "--lock-timeout",
          "--ddl-lock-timeout", "--resume"}},
        {"rollback", {"--steps", "--to", "--fake", "--sql", "--lock-timeout"}},
        {"showmigrations", {"--plan", "--check"}},
        {"sqlmigrate", {"--backwards"}},
        {"check", {"--strict"}},
    };
    Workspace ws;
    ws.copy_fixture("shop");
    for (const auto& [command, flags] : options) {
        for (const std::string help : {"--help", "-h"}) {
            RunResult result = ws.covet({command, help});
            REQUIRE_EXIT(result, 0);
            CHECK_RUN(result, has_line_matching(result.out, ".*[Uu]sage.*" + command + ".*"));
            for (const auto& flag : flags)
                CHECK_RUN(result, contains(result.out, flag));
            // Another command's option is not described here.
            if (command != "rollback") CHECK_RUN(result, !contains(result.out, "--steps"));
        }
    }
    CHECK_FALSE(ws.exists("covet.db"));
}

COVET_CLI_BACKEND_TEST("rollback --fake removes the history row and leaves the schema",
                       "[cli][rollback]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult result = ws.covet({"-d", url, "rollback", "--fake"});
    REQUIRE_EXIT(result, 0);
    CHECK_RUN(result, contains(result.out, "Unapplying shop.0003_add_order_note... FAKED"));
    DatabaseProbe db(url);
    CHECK(db.history() == History{kShopHistory[0], kShopHistory[1]});
    CHECK(db.columns("orders") == std::vector<std::string>{"id", "customer_id", "total", "note"});
    CHECK(db.indexes("orders").count("idx_orders_total") == 1);

    // The schema is still there, so a real migrate of 0003 now fails on it.
    RunResult reapply = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(reapply, 1);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate", "--fake"}), 0);
    CHECK(DatabaseProbe(url).history() == kShopHistory);
}

COVET_CLI_BACKEND_TEST("rollback --to zero un-applies everything, newest first",
                       "[cli][rollback]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult result = ws.covet({"-d", url, "rollback", "--to", "zero"});
    REQUIRE_EXIT(result, 0);
    CHECK_RUN(result, appear_in_order(result.out, {"Unapplying shop.0003", "Unapplying shop.0002",
                                                   "Unapplying shop.0001"}));
    DatabaseProbe db(url);
    CHECK(db.history().empty());
    CHECK(db.schema_tables().empty());
}

TEST_CASE("rollback refuses --steps together with --to as a usage error", "[cli][rollback]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for("sqlite", ws);
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    for (const auto& args :
         std::vector<std::vector<std::string>>{{"rollback", "--steps", "2", "--to", "0001"},
                                               {"rollback", "--to", "zero", "--steps", "1"}}) {
        RunResult result = ws.covet(args);
        CHECK_EXIT(result, 2);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, (contains(result.err, "--steps") || contains(result.err, "--to")));
    }
    CHECK(DatabaseProbe(url).history() == kShopHistory);
}

TEST_CASE("showmigrations --plan lists APP.NAME in the order migrate applies them",
          "[cli][showmigrations]") {
    Workspace ws;
    write_cross_app_migrations(ws);
    const std::vector<std::string> order = {"zulu.0001_base", "alpha.0001_uses_zulu",
                                            "alpha.0002_more"};
    RunResult plan = ws.covet({"showmigrations", "--plan"});
    REQUIRE_EXIT(plan, 0);
    CHECK_RUN(plan, appear_in_order(plan.out, order));
    CHECK_RUN(plan, has_line_matching(plan.out, R"(.*zulu\.0001_base\s+pending.*)"));
    // The default listing groups by app instead, alpha first.
    RunResult grouped = ws.covet({"showmigrations"});
    REQUIRE_EXIT(grouped, 0);
    CHECK_RUN(grouped, appear_in_order(grouped.out, {"alpha", "0001_uses_zulu", "zulu"}));

    REQUIRE_EXIT(ws.covet({"migrate", "alpha.0001_uses_zulu"}), 0);
    RunResult after = ws.covet({"showmigrations", "--plan"});
    REQUIRE_EXIT(after, 0);
    CHECK_RUN(after, appear_in_order(after.out, order));
    CHECK_RUN(after, has_line_matching(after.out, R"(.*alpha\.0001_uses_zulu\s+applied.*)"));
    CHECK_RUN(after, has_line_matching(after.out, R"(.*alpha\.0002_more\s+pending.*)"));
}

COVET_CLI_BACKEND_TEST("migrate --plan --format json lists each step with its operations",
                       "[cli][json]") {
    Workspace ws;
    write_cross_app_migrations(ws);
    const std::string url = database_url_for(backend, ws);
    RunResult plan = ws.covet({"-d", url, "--format", "json", "migrate", "--plan"});
    REQUIRE_EXIT(plan, 0);
    INFO(plan.describe());
    JsonValue document = parse_json(plan.out);
    REQUIRE(document.keys() == std::vector<std::string>{"plan"});
    const auto& steps = document.at("plan").items;
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].at("app").text == "zulu");
    CHECK(steps[0].at("name").text == "0001_base");
    CHECK(steps[1].at("app").text == "alpha");
    CHECK(steps[2].at("name").text == "0002_more");
    for (const auto& step : steps) {
        CHECK(step.at("backwards").kind == JsonValue::Kind::Bool);
        CHECK_FALSE(step.at("backwards").boolean);
        REQUIRE(step.at("operations").items.size() == 1);
        CHECK(step.at("operations").items[0].is_string());
    }
    CHECK_THAT(steps[1].at("operations").items[0].text, Catch::Contains("alpha_one"));
    CHECK(DatabaseProbe(url).history().empty());

    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult back = ws.covet({"-d", url, "--format", "json", "migrate", "zulu.zero", "--plan"});
    REQUIRE_EXIT(back, 0);
    JsonValue backwards = parse_json(back.out);
    REQUIRE(backwards.at("plan").items.size() == 3);
    CHECK(backwards.at("plan").items[0].at("name").text == "0002_more");
    CHECK(backwards.at("plan").items[0].at("backwards").boolean);
    CHECK(DatabaseProbe(url).history().size() == 3);
}

COVET_CLI_BACKEND_TEST("check --format json lists its findings and exits 3 when there are any",
                       "[cli][json]") {
    Workspace ws;
    ws.copy_fixture("shop");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    RunResult clean = ws.covet({"-d", url, "--format", "json", "check"});
    REQUIRE_EXIT(clean, 0);
    JsonValue none = parse_json(clean.out);
    CHECK(none.keys() == std::vector<std::string>{"findings", "drift"});
    CHECK(none.at("findings").is_array());
    CHECK(none.at("findings").items.empty());
    CHECK(none.at("drift").is_array());
    CHECK(none.at("drift").items.empty());

    std::filesystem::remove(ws / "migrations/shop/0003_add_order_note.yaml");
    ws.write("migrations/shop/0002_create_orders.yaml",
             ws.read("migrations/shop/0002_create_orders.yaml") +
                 "  - add_column: {table: orders, column: extra, field: "
                 "\"IntegerField(null=True)\"}\n");
    RunResult found = ws.covet({"-d", url, "--format", "json", "check"});
    CHECK_EXIT(found, 3);
    INFO(found.describe());
    JsonValue findings = parse_json(found.out);
    std::vector<std::string> texts;
    for (const auto& item : findings.at("findings").items) {
        REQUIRE(item.is_string());
        texts.push_back(item.text);
    }
    auto mentions = [&](const std::string& a, const std::string& b) {
        for (const auto& text : texts)
            if (contains(text, a) && contains(text, b)) return true;
        return false;
    };
    CHECK(mentions("modified", "shop.0002_create_orders"));
    CHECK(mentions("missing", "shop.0003_add_order_note"));
}
