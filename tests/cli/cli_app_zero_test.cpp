// APP.zero un-applies one app's migrations and leaves every other app alone
// (fixtures/two_apps: the shop app and an independent blog app).
#include <catch2/catch.hpp>

#include <set>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

using History = std::vector<std::pair<std::string, std::string>>;

const History kBlog = {{"blog", "0001_create_authors"}, {"blog", "0002_create_posts"}};

History rows_of(const History& history, const std::string& app) {
    History rows;
    for (const auto& row : history)
        if (row.first == app) rows.push_back(row);
    return rows;
}

}  // namespace

COVET_CLI_BACKEND_TEST("migrate APP.zero un-applies that app and leaves the other app alone",
                       "[cli][targets]") {
    Workspace ws;
    ws.copy_fixture("two_apps");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "migrate"}), 0);
    DatabaseProbe(url).connection().execute("INSERT INTO authors (name) VALUES ('kept')");

    RunResult zero = ws.covet({"-d", url, "migrate", "shop.zero"});
    REQUIRE_EXIT(zero, 0);
    CHECK_RUN(zero, appear_in_order(zero.out, {"Unapplying shop.0003_add_order_note",
                                               "Unapplying shop.0002_create_orders",
                                               "Unapplying shop.0001_create_customers"}));
    CHECK_RUN(zero, !contains(zero.out, "blog."));
    {
        DatabaseProbe db(url);
        CHECK(db.history() == kBlog);
        CHECK(db.schema_tables() == std::set<std::string>{"authors", "posts"});
        // Rows survive: the blog tables were never dropped and re-created.
        CHECK(db.scalar("SELECT count(*) FROM authors WHERE name = 'kept'") == 1);
    }

    RunResult again = ws.covet({"-d", url, "migrate"});
    REQUIRE_EXIT(again, 0);
    CHECK_RUN(again, contains(again.out, "Applying shop.0001_create_customers"));
    CHECK_RUN(again, !contains(again.out, "blog."));

    RunResult blog_zero = ws.covet({"-d", url, "rollback", "--to", "blog.zero"});
    REQUIRE_EXIT(blog_zero, 0);
    CHECK_RUN(blog_zero, !contains(blog_zero.out, "shop."));
    DatabaseProbe db(url);
    CHECK(rows_of(db.history(), "blog").empty());
    CHECK(rows_of(db.history(), "shop").size() == 3);
    CHECK(db.schema_tables() == std::set<std::string>{"customers", "orders"});
}
