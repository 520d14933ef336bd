#include <catch2/catch.hpp>

#include <set>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

bool names_operation(const RunResult& result, const std::string& kind, int position) {
    return contains(result.err, kind) ||
           contains_nocase(result.err, "operation " + std::to_string(position));
}

}  // namespace

COVET_CLI_BACKEND_TEST(
    "rolling back run_sql without reverse_sql fails naming migration and operation",
    "[cli][atomicity]") {
    Workspace ws;
    ws.copy_fixture("irreversible");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    const History applied = {{"shop", "0001_create_items"}, {"shop", "0002_seed_items"}};
    REQUIRE(DatabaseProbe(url).history() == applied);

    for (const auto& args :
         std::vector<std::vector<std::string>>{{"rollback"}, {"migrate", "zero"}}) {
        std::vector<std::string> with_url = {"-d", url};
        with_url.insert(with_url.end(), args.begin(), args.end());
        RunResult result = ws.covet(with_url);
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, contains(result.err, "0002_seed_items"));
        CHECK_RUN(result, names_operation(result, "run_sql", 1));

        DatabaseProbe db(url);
        CHECK(db.history() == applied);
        REQUIRE(db.has_table("items"));
        CHECK(db.scalar("SELECT count(*) FROM items WHERE name = 'kept'") == 1);
    }
}

// PostgreSQL and SQLite roll the migration back; MariaDB undoes its first two operations.
COVET_CLI_BACKEND_TEST(
    "a migration failing in its third operation leaves schema and history as before",
    "[cli][atomicity]") {
    Workspace ws;
    ws.copy_fixture("failing");
    const std::string url = database_url_for(backend, ws);
    RunResult result = ws.covet({"-d", url, "migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "0002_breaks_on_third"));
    CHECK_RUN(result, names_operation(result, "run_sql", 3));
    CHECK_RUN(result, contains(result.out, "Applying shop.0001_create_base... OK"));

    {
        DatabaseProbe db(url);
        CHECK(db.schema_tables() == std::set<std::string>{"base"});
        CHECK(db.columns("base") == std::vector<std::string>{"id", "label"});
        CHECK(db.history() == History{{"shop", "0001_create_base"}});
    }

    // Once the SQL is fixed the same migration applies cleanly from that state.
    std::string file = "migrations/shop/0002_breaks_on_third.yaml";
    std::string text = ws.read(file);
    std::string broken = "INSERT INTO no_such_table (x) VALUES (1)";
    REQUIRE(text.find(broken) != std::string::npos);
    text.replace(text.find(broken), broken.size(), "INSERT INTO base (label) VALUES ('fixed')");
    ws.write(file, text);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe db(url);
    CHECK(db.history().size() == 2);
    CHECK(db.has_table("extra"));
    CHECK(db.columns("base") == std::vector<std::string>{"id", "label", "note"});
}
