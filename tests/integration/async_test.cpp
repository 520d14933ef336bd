// Async calls: QuerySet's a* forms and Pool::submit run on the pool's
// workers; results come back bound to the caller's Database and errors
// arrive through the future.
#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>

#include "covet/pool.h"
#include "orm_harness.h"

using namespace covet;
using covet::test::OrmHarness;

COVET_ORM_TEST("async: 1,000 acreate calls complete and an error arrives through its future") {
    Pool pool = open_pool(o.h.url(), {.min = 1, .max = 4});
    Database db = pool.acquire();
    Value author = db.objects(o.models, "User").create({{"name", "a"}, {"email", "a@x.org"}}).pk();
    QuerySet posts = db.objects(o.models, "Post");
    std::vector<std::future<Record>> created;
    for (int i = 0; i < 1000; ++i)
        created.push_back(posts.acreate(
            {{"title", Value("p" + std::to_string(i))}, {"author", author}, {"view_count", i}}));
    // The same email again: the unique constraint refuses it on a worker.
    auto duplicate = db.objects(o.models, "User").acreate({{"name", "b"}, {"email", "a@x.org"}});
    std::set<std::int64_t> keys;
    std::int64_t views = 0;
    for (int i = 0; i < 1000; ++i) {
        Record post = created[i].get();
        CHECK(post.get("title").to_string() == "p" + std::to_string(i));
        CHECK(post.database() == db);  // handed back to the caller's lease
        keys.insert(post.pk().as_int());
        views += post.get("view_count").as_int();
    }
    CHECK(keys.size() == 1000);
    CHECK(views == 999 * 1000 / 2);
    CHECK_THROWS_AS(duplicate.get(), IntegrityError);

    CHECK(posts.acount().get() == 1000);
    CHECK(posts.filter({{"view_count__gte", 990}}).acount().get() == 10);
    CHECK(posts.filter({{"title", "p7"}}).aget().get().get("view_count").as_int() == 7);
    CHECK_THROWS_AS(posts.filter({{"title", "none"}}).aget().get(), DoesNotExist);
    CHECK(posts.order_by({"view_count"}).afirst().get()->get("title").to_string() == "p0");
    CHECK(posts.filter({{"view_count__lt", 10}}).aupdate({{"body", Expr(Value("low"))}}).get() ==
          10);
    CHECK(posts.filter({{"body", "low"}}).aexists().get());
    CHECK(posts.filter({{"view_count__gte", 500}}).adelete().get().total == 500);
    std::vector<Record> more;
    for (int i = 0; i < 3; ++i) {
        Record post(db, o.models, o.models.model("Post"));
        post.set("title", Value("bulk" + std::to_string(i)));
        post.set("author", author);
        more.push_back(post);
    }
    CHECK(posts.abulk_create(more).get().size() == 3);
    CHECK(posts.acount().get() == 503);
}

COVET_ORM_TEST("async: pool.submit runs a function on a lease and carries its exception") {
    Pool pool = open_pool(o.h.url(), {.min = 1, .max = 2});
    auto count = pool.submit([&](Database& db) { return db.objects(o.models, "User").count(); });
    CHECK(count.get() == 0);
    auto failing = pool.submit([](Database&) -> int { throw std::runtime_error("in the job"); });
    CHECK_THROWS_WITH(failing.get(), "in the job");
    // A Database that is not from a pool has no workers.
    CHECK_THROWS_AS(o.objects("User").acount(), UsageError);
}
