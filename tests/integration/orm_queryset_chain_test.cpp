// QuerySet chaining and evaluation on a fixed blog (orm_blog_data.h): the
// expected answers are worked out by hand from that table.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::Q;
using covet::Value;
using covet::test::ids;
using covet::test::insert_blog;
using covet::test::sorted;
using covet::test::texts;
using Ids = std::vector<std::int64_t>;
using Texts = std::vector<std::string>;

COVET_ORM_TEST("orm: filter and exclude, with None as isnull and negation over NULL") {
    insert_blog(o);
    auto posts = o.objects("Post");
    CHECK(sorted(ids(posts.filter({{"view_count__gte", 1000}}))) == Ids{2, 4});
    CHECK(sorted(ids(posts.exclude({{"view_count__gte", 1000}}))) == Ids{1, 3, 5});
    CHECK(ids(posts.filter({{"rating", nullptr}})) == Ids{3});
    CHECK(sorted(ids(posts.exclude({{"rating", nullptr}}))) == Ids{1, 2, 4, 5});
    // exclude keeps the rows whose rating is NULL (not > 3), as Django.
    CHECK(sorted(ids(posts.exclude({{"rating__gt", 3}}))) == Ids{3, 5});
    CHECK(sorted(ids(posts.filter(~Q{{"rating__gt", 3}}))) == Ids{3, 5});
    CHECK(sorted(ids(posts.filter({{"view_count__gt", 5}}).exclude({{"author__name", "bob"}}))) ==
          Ids{1, 2});
    CHECK(sorted(ids(posts.filter({{"view_count__gt", 5}, {"author__name", "bob"}}))) == Ids{3, 4});
}

COVET_ORM_TEST("orm: a QuerySet is immutable and its names are checked when chained") {
    insert_blog(o);
    auto posts = o.objects("Post");
    auto bobs = posts.filter({{"author__name", "bob"}});
    CHECK(posts.count() == 5);
    CHECK(bobs.count() == 2);
    o.reset_queries();
    CHECK_THROWS_AS(posts.filter({{"nope", 1}}), covet::QueryError);
    CHECK_THROWS_AS(posts.filter({{"title__nolookup", 1}}), covet::QueryError);
    CHECK_THROWS_AS(posts.exclude({{"author__nope", 1}}), covet::QueryError);
    CHECK_THROWS_AS(posts.order_by({"-nope"}), covet::QueryError);
    CHECK_THROWS_AS(posts.values({"nope"}), covet::QueryError);
    CHECK_THROWS_AS(posts.select_related({"title"}), covet::QueryError);
    CHECK_THROWS_AS(posts.prefetch_related({"nope"}), covet::QueryError);
    CHECK_THROWS_WITH(posts.prefetch_related({"tags__nope"}), Catch::Contains("'nope'"));
    CHECK_THROWS_AS(posts.annotate({{"title", covet::Count("tags")}}), covet::QueryError);
    CHECK_THROWS_AS(posts.values_list({"id", "title"}, true), covet::QueryError);
    CHECK_THROWS_AS(posts.values({"title"}).only({"title"}), covet::QueryError);
    CHECK_THROWS_AS(posts.slice(1, 3).filter({{"id", 1}}), covet::QueryError);
    CHECK_THROWS_AS(posts.slice(1, 3).order_by({"id"}), covet::QueryError);
    CHECK_THROWS_AS(posts.slice(-1, std::nullopt), covet::QueryError);
    CHECK_THROWS_AS(posts.slice(1, 3).reverse(), covet::QueryError);
    CHECK_THROWS_AS(posts.slice(1, 3).distinct(), covet::QueryError);
    CHECK(o.queries() == 0);
    // all() is a fresh copy: the rows are read again.
    CHECK(bobs.records().size() == 2);
    const int before = o.queries();
    CHECK(bobs.records().size() == 2);
    CHECK(o.queries() == before);
    CHECK(bobs.all().records().size() == 2);
    CHECK(o.queries() == before + 1);
}

COVET_ORM_TEST("orm: order_by across relations, descending, the default ordering and reverse") {
    insert_blog(o);
    auto posts = o.objects("Post");
    CHECK(ids(posts.order_by({"view_count"})) == Ids{5, 1, 3, 4, 2});
    CHECK(ids(posts.order_by({"-view_count"})) == Ids{2, 4, 3, 1, 5});
    CHECK(ids(posts.order_by({"author__name", "-view_count"})) == Ids{2, 1, 4, 3, 5});
    CHECK(ids(posts.order_by({"-author__name", "view_count"})) == Ids{5, 3, 4, 1, 2});
    auto published = posts.filter({{"published_at__isnull", false}});
    CHECK(ids(published) == Ids{4, 2, 1});  // Meta.ordering ["-published_at"]
    CHECK(ids(published.reverse()) == Ids{1, 2, 4});
    CHECK(ids(published.reverse().reverse()) == Ids{4, 2, 1});
    CHECK(ids(posts.order_by({"view_count"}).reverse()) == Ids{2, 4, 3, 1, 5});
    CHECK(sorted(ids(posts.order_by({"?"}))) == Ids{1, 2, 3, 4, 5});
    CHECK(texts(o.objects("User").order_by({"-age"}).filter({{"age__isnull", false}}), "name") ==
          Texts{"dave", "alice", "bob"});
    // Ordering by a relation follows the related model's default ordering
    // (Post: -published_at): post 4 (March), post 2, post 1 (two comments).
    const Ids by_post = ids(o.objects("Comment").order_by({"post", "id"}));
    CHECK(by_post == Ids{4, 3, 1, 2});
}

COVET_ORM_TEST("orm: distinct removes the duplicates a multi-valued join makes") {
    insert_blog(o);
    auto tagged = o.objects("Post").filter({{"tags__name__in", {"python", "sql"}}});
    CHECK(sorted(ids(tagged)) == Ids{1, 1, 2, 3, 4});  // post 1 has both tags
    CHECK(tagged.count() == 5);
    CHECK(sorted(ids(tagged.distinct())) == Ids{1, 2, 3, 4});
    CHECK(tagged.distinct().count() == 4);
    CHECK(o.objects("Tag").filter({{"posts__author__name", "bob"}}).distinct().count() == 2);
}

COVET_ORM_TEST("orm: slicing, slices of slices and indexing") {
    insert_blog(o);
    auto by_id = o.objects("Post").order_by({"id"});
    CHECK(ids(by_id.slice(1, 3)) == Ids{2, 3});
    CHECK(ids(by_id.slice(std::nullopt, 2)) == Ids{1, 2});
    CHECK(ids(by_id.slice(3, std::nullopt)) == Ids{4, 5});
    CHECK(ids(by_id.slice(1, 4).slice(1, 2)) == Ids{3});
    CHECK(ids(by_id.slice(1, 4).slice(2, 10)) == Ids{4});
    CHECK(ids(by_id.slice(3, 2)).empty());
    CHECK(by_id.slice(1, 3).count() == 2);
    CHECK(by_id.slice(4, 10).exists());
    CHECK_FALSE(by_id.slice(5, 10).exists());
    o.reset_queries();
    CHECK(by_id.at(2).pk().as_int() == 3);
    CHECK(o.queries() == 1);
    CHECK_THROWS_AS(by_id.at(10), covet::DoesNotExist);
    CHECK_THROWS_AS(by_id.at(-1), covet::QueryError);
    by_id.records();
    o.reset_queries();
    CHECK(by_id.at(4).get("title").as_text() == "Draft 100%_x");  // from the cache
    CHECK(o.queries() == 0);
}

COVET_ORM_TEST("orm: evaluation is cached and count and exists use the cache") {
    insert_blog(o);
    auto posts = o.objects("Post").filter({{"author__name", "alice"}});
    o.reset_queries();
    CHECK(posts.count() == 2);
    CHECK(posts.exists());
    CHECK(o.queries() == 2);  // not evaluated: COUNT and EXISTS
    CHECK(posts.records().size() == 2);
    CHECK(posts.records().size() == 2);
    CHECK(posts.count() == 2);
    CHECK(posts.exists());
    CHECK(o.queries() == 3);
    CHECK_FALSE(o.objects("Post").filter({{"title", "nope"}}).exists());
    CHECK(o.objects("User").count() == 4);
}

COVET_ORM_TEST("orm: get raises DoesNotExist and MultipleObjectsReturned with Django's messages") {
    insert_blog(o);
    auto posts = o.objects("Post");
    CHECK(posts.get({{"pk", 3}}).get("title").as_text() == "Bob's notes");
    CHECK(posts.filter({{"author__name", "carol"}}).get().pk().as_int() == 5);
    CHECK_THROWS_WITH(posts.get({{"title", "nope"}}), "Post matching query does not exist.");
    CHECK_THROWS_AS(posts.get({{"title", "nope"}}), covet::DoesNotExist);
    CHECK_THROWS_WITH(posts.get({{"author__name", "alice"}}),
                      "get() returned more than one Post -- it returned 2!");
    CHECK_THROWS_AS(posts.get(), covet::MultipleObjectsReturned);
    try {
        o.objects("User").get({{"name", "zed"}});
        FAIL("no DoesNotExist");
    } catch (const covet::DoesNotExist& e) {
        CHECK(e.model() == "User");
    }
}

COVET_ORM_TEST("orm: first and last order by the primary key when unordered") {
    insert_blog(o);
    auto users = o.objects("User");
    CHECK(users.first()->get("name").as_text() == "alice");
    CHECK(users.last()->get("name").as_text() == "dave");
    CHECK(users.order_by({"-age"}).filter({{"age__isnull", false}}).first()->pk().as_int() == 4);
    auto published = o.objects("Post").filter({{"published_at__isnull", false}});
    CHECK(published.first()->pk().as_int() == 4);  // default ordering -published_at
    CHECK(published.last()->pk().as_int() == 1);
    CHECK(o.objects("Post").order_by({"view_count"}).last()->pk().as_int() == 2);
    // Aggregating drops the default ordering, so first()/last() go by pk.
    auto grouped = o.objects("Post").annotate({{"n", covet::Count("tags")}});
    CHECK(grouped.first()->pk().as_int() == 1);
    CHECK(grouped.last()->pk().as_int() == 5);
    CHECK(grouped.last()->get("n").as_int() == 0);
    CHECK_FALSE(users.filter({{"name", "zed"}}).first().has_value());
    CHECK_FALSE(users.filter({{"name", "zed"}}).last().has_value());
}

COVET_ORM_TEST("orm: in_bulk keyed by primary key or a unique field, in key order") {
    insert_blog(o);
    auto found = o.objects("Post").in_bulk({Value(3), Value(1), Value(99)});
    REQUIRE(found.size() == 2);
    CHECK(found[0].first == Value(1));
    CHECK(found[0].second.get("title").as_text() == "Intro");
    CHECK(found[1].first == Value(3));
    auto all = o.objects("Post").in_bulk();
    REQUIRE(all.size() == 5);
    CHECK(all[4].second.pk().as_int() == 5);
    auto by_email = o.objects("User").in_bulk({Value("bob@example.com")}, "email");
    REQUIRE(by_email.size() == 1);
    CHECK(by_email[0].second.get("name").as_text() == "bob");
    CHECK_THROWS_AS(o.objects("User").in_bulk({}, "name"), covet::QueryError);
    CHECK_THROWS_AS(o.objects("User").slice(0, 1).in_bulk(), covet::QueryError);
}

COVET_ORM_TEST("orm: iterator streams records without caching them") {
    insert_blog(o);
    auto posts = o.objects("Post").filter({{"view_count__gt", 5}}).order_by({"id"});
    o.reset_queries();
    covet::RecordStream stream = posts.iterator();
    covet::Record record(o.db, o.models, o.models.model("Post"));
    Ids seen;
    while (stream.next(record))
        seen.push_back(record.pk().as_int());
    CHECK(seen == Ids{1, 2, 3, 4});
    CHECK(record.get("title").as_text() == "SQL tips");
    const int streamed = o.queries();  // one, or a cursor's statements
    CHECK(posts.count() == 4);         // not cached by iterator(): another query
    CHECK(o.queries() == streamed + 1);
    covet::RecordStream joined =
        o.objects("Comment").select_related({"post__author"}).order_by({"id"}).iterator();
    std::vector<covet::Record> comments;
    while (joined.next(record))
        comments.push_back(record);
    const int read = o.queries();
    std::vector<std::string> authors;
    for (const covet::Record& comment : comments)
        authors.push_back(comment.related("post")->related("author")->get("name").as_text());
    CHECK(authors == std::vector<std::string>{"alice", "alice", "alice", "bob"});
    CHECK(o.queries() == read);  // the related records came with the rows
}

COVET_ORM_TEST("orm: sql shows the statement with its parameters bound") {
    insert_blog(o);
    auto [sql, params] = o.objects("Post").filter({{"author__name", "bob"}}).sql();
    CHECK_THAT(sql, Catch::Contains("posts"));
    CHECK_THAT(sql, Catch::Contains("users"));
    REQUIRE(params.size() == 1);
    CHECK(params[0] == Value("bob"));
    CHECK(o.h.db().query(sql, params).rows.size() == 2);
}
