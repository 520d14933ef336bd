// The typed C++ programs: migrations-examples/cpp/typed_blog.cpp (which
// migrates its own C++-registered migrations at start-up) and README.md's
// typed example, each on a fresh database of every back end.
#include <catch2/catch.hpp>

#include <filesystem>

#include "backend_probe.h"
#include "cli_assertions.h"
#include "workspace.h"

using namespace covet_test;

namespace {

// The example programs are built next to the covet binary.
std::string built_program(const char* name) {
    return (std::filesystem::path(COVET_BINARY).parent_path() / name).string();
}

RunResult run_program(const Workspace& ws, const std::string& program,
                      const std::vector<std::string>& args) {
    RunOptions options = ws.covet_options(args);
    options.program = program;
    return run_process(options);
}

}  // namespace

// Worked out by hand from what typed_blog.cpp writes (the same blog as
// orm_example.cpp): Hello ORM (Ada, 10 views, cpp+orm, newest), Popular
// (Grace, 5000, cpp), Quiet (Grace, 3, oldest), Draft (Ada, 0, orm+sql,
// unpublished); 3 tags before the bulk_create of 100.
COVET_CLI_BACKEND_TEST(
    "the typed blog example migrates at start-up and prints what its queries must find",
    "[cli][typed-example]") {
    Workspace ws;
    const std::string url = database_url_for(backend, ws);
    const std::string program = built_program("covet_typed_blog");
    RunResult run = run_program(ws, program, {url});
    REQUIRE_EXIT(run, 0);
    const std::vector<std::string> expected = {
        "created users Ada Lovelace and Grace Hopper",
        "created post 'Hello ORM' tagged cpp, orm, and three more",
        "recent posts:",
        "  Hello ORM by Ada Lovelace [cpp, orm]",
        "  Popular by Grace Hopper [cpp]",
        "  Quiet by Grace Hopper []",
        "popular or by Ada Lovelace: Draft, Hello ORM, Popular",
        "tagged orm: Draft (0 views), Hello ORM (10 views)",
        "stats: 4 posts, most views 5000",
        "bulk-created 100 tags: primary keys 4..103, 103 tags in all",
        "saved Quiet with 1003 views; 1 unpublished post bumped; deleted 100 topic tags",
    };
    CHECK_RUN(run, lines_of(run.out) == expected);
    DatabaseProbe probe(url);
    CHECK(probe.scalar("SELECT COUNT(*) FROM posts_tags") == 5);
    CHECK(probe.scalar("SELECT view_count FROM posts WHERE title = 'Draft'") == 1);
    CHECK(probe.scalar("SELECT COUNT(*) FROM tags") == 3);
}

COVET_CLI_BACKEND_TEST("README's typed example compiles and lists the posts it wrote",
                       "[cli][typed-example]") {
    Workspace ws;
    ws.copy_tree(source_dir() / "migrations-examples" / "blog", "migrations-examples/blog");
    const std::string url = database_url_for(backend, ws);
    REQUIRE_EXIT(ws.covet({"-d", url, "-m", "migrations-examples/blog", "migrate"}), 0);
    const std::string program = built_program("covet_readme_typed_example");
    RunResult first = run_program(ws, program, {url});
    REQUIRE_EXIT(first, 0);
    const std::vector<std::string> one = {"1 Typed hello"};
    CHECK_RUN(first, lines_of(first.out) == one);
    RunResult second = run_program(ws, program, {url});
    REQUIRE_EXIT(second, 0);
    const std::vector<std::string> two = {"1 Typed hello", "2 Typed hello"};
    CHECK_RUN(second, lines_of(second.out) == two);
}
