// The ORM programs users read first: the blog example
// (migrations-examples/blog/orm_example.cpp) and README.md's example, each
// run on a freshly migrated blog database of every back end.
#include <catch2/catch.hpp>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// The blog migrated into a new database of `backend`; returns its URL.
std::string migrated_blog(const std::string& backend, const Workspace& ws) {
    ws.copy_tree(source_dir() / "migrations-examples" / "blog", "migrations-examples/blog");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "-m", "migrations-examples/blog", "migrate"}), 0);
    return url;
}

RunResult run_program(const Workspace& ws, const char* program,
                      const std::vector<std::string>& args) {
    RunOptions options = ws.covet_options(args);
    options.program = program;
    return run_process(options);
}

}  // namespace

// Worked out by hand from what orm_example.cpp writes: posts Hello ORM (Ada,
// 10 views, tags cpp+orm, newest), Popular (Grace, 5000, cpp), Quiet (Grace,
// 3, none, oldest) and Draft (Ada, 0, orm+sql, unpublished); three tags before
// the bulk_create of 100.
COVET_CLI_BACKEND_TEST("the blog ORM example prints what its queries must find",
                       "[cli][orm-example]") {
    Workspace ws;
    const std::string url = migrated_blog(backend, ws);
    RunResult run = run_program(ws, COVET_ORM_EXAMPLE_BINARY, {url, "migrations-examples/blog"});
    REQUIRE_EXIT(run, 0);
    const std::vector<std::string> expected = {
        "created users Ada Lovelace and Grace Hopper",
        "created tags cpp, orm, sql",
        "created post 'Hello ORM' tagged cpp, orm, and three more",
        // select_related: authors in the posts' query; prefetch_related: one more for the tags.
        "recent posts (2 queries):",
        "  Hello ORM by Ada Lovelace [cpp, orm]",
        "  Popular by Grace Hopper [cpp]",
        "  Quiet by Grace Hopper []",
        "popular or by Ada Lovelace: Draft, Hello ORM, Popular",
        "more than one tag: Draft (2), Hello ORM (2)",
        "stats: 4 posts, average views 1253.25, most views 5000",
        "bulk-created 100 tags in batches of 50: primary keys 4..103, 103 tags in all",
    };
    CHECK_RUN(run, lines_of(run.out) == expected);
    CHECK(DatabaseProbe(url).scalar("SELECT COUNT(*) FROM posts_tags") == 5);
}

COVET_CLI_BACKEND_TEST("README's ORM example compiles and finds the post it wrote",
                       "[cli][orm-example]") {
    Workspace ws;
    const std::string url = migrated_blog(backend, ws);
    RunResult first = run_program(ws, COVET_README_EXAMPLE_BINARY, {url});
    REQUIRE_EXIT(first, 0);
    const std::vector<std::string> one = {"Hello by Ada"};
    CHECK_RUN(first, lines_of(first.out) == one);
    // get_or_create finds Ada the second time; the new post joins the first.
    RunResult second = run_program(ws, COVET_README_EXAMPLE_BINARY, {url});
    REQUIRE_EXIT(second, 0);
    const std::vector<std::string> two = {"Hello by Ada", "Hello by Ada"};
    CHECK_RUN(second, lines_of(second.out) == two);
    CHECK(DatabaseProbe(url).scalar("SELECT COUNT(*) FROM users") == 1);
}
