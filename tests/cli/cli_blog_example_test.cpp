#include <catch2/catch.hpp>

#include <set>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "migration_listing.h"
#include "workspace.h"

using namespace covet_test;

namespace {

const std::vector<std::string> kBlog = {"0001_initial", "0002_add_profile", "0003_add_index"};

std::vector<std::string> statuses(const std::vector<ListedMigration>& listing) {
    std::vector<std::string> result;
    for (const auto& row : listing)
        result.push_back(row.status);
    return result;
}

}  // namespace

COVET_CLI_BACKEND_TEST(
    "the blog example migrates, lists, rolls back fully, re-applies and steps back",
    "[cli][blog]") {
    Workspace ws;
    ws.copy_tree(source_dir() / "migrations-examples" / "blog", "migrations-examples/blog");
    const std::string url = database_url_for(backend, ws);
    const std::vector<std::string> m = {"-d", url, "-m", "migrations-examples/blog"};
    auto schema_tables = [&](const Workspace&) { return DatabaseProbe(url).schema_tables(); };
    auto has_column = [&](const Workspace&, const std::string& table, const std::string& column) {
        return DatabaseProbe(url).has_column(table, column);
    };
    auto with = [&](std::vector<std::string> args) {
        args.insert(args.begin(), m.begin(), m.end());
        return args;
    };

    RunResult migrate = ws.covet(with({"migrate"}));
    REQUIRE_EXIT(migrate, 0);
    CHECK_RUN(migrate, appear_in_order(migrate.out, {"Applying blog.0001_initial... OK",
                                                     "Applying blog.0002_add_profile... OK",
                                                     "Applying blog.0003_add_index... OK"}));
    const std::set<std::string> blog_tables = schema_tables(ws);
    for (const char* table : {"users", "tags", "posts", "posts_tags", "profiles"}) {
        INFO("table " << table);
        CHECK(blog_tables.count(table) == 1);
    }
    CHECK(has_column(ws, "users", "profile_id"));
    CHECK(has_column(ws, "posts", "author_id"));

    auto listing = list_migrations(ws, m);
    REQUIRE(listing.size() == 3);
    for (std::size_t i = 0; i < listing.size(); ++i) {
        CHECK(listing[i].app == "blog");
        CHECK(listing[i].name == kBlog[i]);
        CHECK(listing[i].status == "applied");
        CHECK(is_md5_hex(listing[i].checksum));
    }
    RunResult text = ws.covet(with({"showmigrations"}));
    REQUIRE_EXIT(text, 0);
    for (std::size_t i = 0; i < listing.size(); ++i) {
        CHECK_RUN(text,
                  has_line_matching(text.out, R"(\s*\[X\] )" + kBlog[i] + R"(\s+applied\s+.*)" +
                                                  listing[i].checksum + R"(\s*)"));
    }

    RunResult rollback = ws.covet(with({"rollback", "--steps", "3"}));
    REQUIRE_EXIT(rollback, 0);
    CHECK_RUN(rollback, appear_in_order(rollback.out, {"Unapplying blog.0003_add_index",
                                                       "Unapplying blog.0002_add_profile",
                                                       "Unapplying blog.0001_initial"}));
    {
        // MySQL keeps its (empty) journal table next to the history.
        DatabaseProbe db(url);
        CHECK(db.schema_tables().empty());
        CHECK(db.tables().count("covet_migrations") == 1);
        CHECK(db.history().empty());
    }
    CHECK(statuses(list_migrations(ws, m)) ==
          std::vector<std::string>{"pending", "pending", "pending"});

    REQUIRE_EXIT(ws.covet(with({"migrate"})), 0);
    CHECK(schema_tables(ws) == blog_tables);
    CHECK(statuses(list_migrations(ws, m)) ==
          std::vector<std::string>{"applied", "applied", "applied"});

    RunResult back = ws.covet(with({"migrate", "0001"}));
    REQUIRE_EXIT(back, 0);
    CHECK_RUN(back, appear_in_order(back.out, {"Unapplying blog.0003_add_index... OK",
                                               "Unapplying blog.0002_add_profile... OK"}));
    CHECK(schema_tables(ws).count("profiles") == 0);
    CHECK_FALSE(has_column(ws, "users", "profile_id"));
    CHECK(schema_tables(ws).count("posts_tags") == 1);
    CHECK(statuses(list_migrations(ws, m)) ==
          std::vector<std::string>{"applied", "pending", "pending"});
}
