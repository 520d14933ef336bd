// Writes at their edges, as Django 3.2: a reverse foreign key add() is one
// UPDATE of saved rows, and a bulk_create killed between its batches
// leaves no row (one transaction).
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>
#include <csignal>

#include "orm_blog_data.h"

using covet::Record;
using covet::Value;
using covet::test::ids;
using covet::test::insert_blog;
using covet::test::sorted;
using Ids = std::vector<std::int64_t>;

COVET_ORM_TEST("orm: a reverse foreign key add() updates saved rows and refuses unsaved ones") {
    insert_blog(o);
    const Record dave = o.objects("User").get({{"pk", 4}});
    const auto read = o.objects("User").prefetch_related({"posts"}).filter({{"pk", 4}}).records();
    const Record& prefetched = read.at(0);
    REQUIRE(prefetched.manager("posts").all().records().empty());
    std::vector<Record> posts = {o.objects("Post").get({{"pk", 1}}),
                                 o.objects("Post").get({{"pk", 3}})};
    prefetched.manager("posts").add(posts);
    CHECK(sorted(ids(prefetched.manager("posts").all())) == Ids{1, 3});  // read anew
    CHECK(sorted(ids(dave.manager("posts").all())) == Ids{1, 3});
    CHECK(posts[0].get("author").as_int() == 1);  // the records given keep their old key
    posts[0].refresh_from_db();
    CHECK(posts[0].get("author").as_int() == 4);
    Record unsaved(o.db, o.models, o.models.model("Post"));
    unsaved.set("id", Value(2));  // the key of a row, but not read from it
    CHECK_THROWS_WITH(dave.manager("posts").add({unsaved}), Catch::Contains("isn't saved"));
    CHECK_THROWS_AS(dave.manager("posts").add({dave}), covet::QueryError);
    CHECK(o.objects("Post").get({{"pk", 2}}).get("author").as_int() == 1);
}

namespace {

// In a child process: a bulk_create of 300 tags in batches of 50 that kills
// itself (SIGKILL) once its second INSERT has run. Returns the wait status.
int killed_bulk_create(covet::test::OrmHarness& o) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        try {
            covet::Database db = covet::open(o.h.url());
            int inserts = 0;
            db.set_sql_log([&inserts](const std::string& sql, double) {
                if (sql.find("INSERT") != std::string::npos && ++inserts == 2) raise(SIGKILL);
            });
            std::vector<Record> tags;
            for (int i = 0; i < 300; ++i) {
                tags.emplace_back(db, o.models, o.models.model("Tag"));
                tags.back().set("name", Value("tag " + std::to_string(i)));
            }
            db.objects(o.models, "Tag").bulk_create(tags, {50, false});
        } catch (...) {
            _exit(2);
        }
        _exit(0);  // not killed: the test fails on the status
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    return status;
}

}  // namespace

COVET_ORM_TEST("orm: a bulk_create killed between batches leaves no row") {
    const int status = killed_bulk_create(o);
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    CHECK(o.objects("Tag").count() == 0);
    o.objects("Tag").create({{"name", "after"}});  // nothing left locked
    CHECK(o.objects("Tag").count() == 1);
}
