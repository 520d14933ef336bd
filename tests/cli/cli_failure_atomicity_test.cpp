#include <catch2/catch.hpp>

#include <set>

#include "cli_assertions.h"
#include "sqlite_probe.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

bool names_operation(const RunResult& result, const std::string& kind, int position) {
    return contains(result.err, kind) ||
           contains_nocase(result.err, "operation " + std::to_string(position));
}

}  // namespace

TEST_CASE("rolling back run_sql without reverse_sql fails naming migration and operation",
          "[cli][atomicity]") {
    Workspace ws;
    ws.copy_fixture("irreversible");
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    const History applied = {{"shop", "0001_create_items"}, {"shop", "0002_seed_items"}};
    REQUIRE(SqliteProbe(ws / "covet.db").history() == applied);

    for (const auto& args :
         std::vector<std::vector<std::string>>{{"rollback"}, {"migrate", "zero"}}) {
        RunResult result = ws.covet(args);
        CHECK_EXIT(result, 1);
        CHECK_RUN(result, is_one_error_line(result.err));
        CHECK_RUN(result, contains(result.err, "0002_seed_items"));
        CHECK_RUN(result, names_operation(result, "run_sql", 1));

        SqliteProbe db(ws / "covet.db");
        CHECK(db.history() == applied);
        REQUIRE(db.has_table("items"));
        CHECK(db.scalar("SELECT count(*) FROM items WHERE name = 'kept'") == 1);
    }
}

TEST_CASE("a migration failing in its third operation leaves schema and history as before",
          "[cli][atomicity]") {
    Workspace ws;
    ws.copy_fixture("failing");
    RunResult result = ws.covet({"migrate"});
    CHECK_EXIT(result, 1);
    CHECK_RUN(result, is_one_error_line(result.err));
    CHECK_RUN(result, contains(result.err, "0002_breaks_on_third"));
    CHECK_RUN(result, names_operation(result, "run_sql", 3));
    CHECK_RUN(result, contains(result.out, "Applying shop.0001_create_base... OK"));

    {
        SqliteProbe db(ws / "covet.db");
        CHECK(db.tables() == std::set<std::string>{"covet_migrations", "base"});
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
    REQUIRE_EXIT(ws.covet({"migrate"}), 0);
    SqliteProbe db(ws / "covet.db");
    CHECK(db.history().size() == 2);
    CHECK(db.has_table("extra"));
    CHECK(db.columns("base") == std::vector<std::string>{"id", "label", "note"});
}
