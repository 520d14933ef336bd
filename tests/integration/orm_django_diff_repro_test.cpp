// Minimal reproductions of the differences the Django differential test
// (django_diff_test.cpp) found, kept as plain tests of the fixed behaviour.
#include <catch2/catch.hpp>

#include "covet/queryset.h"
#include "orm_blog_data.h"

using covet::F;
using covet::Value;
using covet::test::insert_blog;

// Django's in_bulk([]) returns {} (no query); only in_bulk() reads every row.
COVET_ORM_TEST("orm: in_bulk of an empty list finds no rows, in_bulk() every row") {
    insert_blog(o);
    CHECK(o.objects("Post").in_bulk(std::vector<Value>{}).empty());
    CHECK(o.objects("User").in_bulk(std::vector<Value>{}, "email").empty());
    CHECK(o.objects("Post").in_bulk().size() == 5);
    CHECK(o.objects("User").in_bulk(std::nullopt, "email").size() == 4);
}

// Django's convert_value turns an integer field's arithmetic into int(value):
// 2000 / 3 is 666 everywhere, also where the server divides into a DECIMAL.
COVET_ORM_TEST("orm: arithmetic over integer fields reads back as an integer") {
    insert_blog(o);
    const auto posts =
        o.objects("Post")
            .filter({{"pk", 2}})
            .annotate({{"third", F("view_count") / 3}, {"next", F("view_count") + 1}});
    const covet::Record post = posts.get();
    CHECK(post.get("third").kind() == Value::Kind::Int);
    CHECK(post.get("third").as_int() == 666);
    CHECK(post.get("next").as_int() == 2001);
    const auto rows = posts.values({"third"}).rows();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["third"].kind() == Value::Kind::Int);
    CHECK(rows[0]["third"].as_int() == 666);
}

// Django adds every annotation made after values() to the values, also one
// that does not aggregate: values("title").annotate(who=F("author__name")).
COVET_ORM_TEST(
    "orm: an annotation after values() joins the values also when it does not aggregate") {
    insert_blog(o);
    const auto rows = o.objects("Post")
                          .filter({{"pk", 3}})
                          .values({"title"})
                          .annotate({{"who", F("author__name")}})
                          .rows();
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].names->size() == 2);
    CHECK(rows[0]["title"].as_text() == "Bob's notes");
    CHECK(rows[0]["who"].as_text() == "bob");
    const auto listed = o.objects("Post")
                            .filter({{"pk", 3}})
                            .values_list({"title"})
                            .annotate({{"next", F("view_count") + 1}})
                            .rows();
    REQUIRE(listed.size() == 1);
    REQUIRE(listed[0].values.size() == 2);
    CHECK(listed[0].values[1].as_int() == 501);
}

// Django's aggregate() takes arithmetic over aggregates:
// aggregate(per=Sum("view_count") / Count("id")).
COVET_ORM_TEST("orm: aggregate of arithmetic over aggregates") {
    insert_blog(o);
    const covet::NamedRow row =
        o.objects("Post").aggregate({{"per", covet::Sum("view_count") / covet::Count("id")}});
    CHECK(row["per"].as_int() == 802);  // 4010 / 5
    CHECK_THROWS_AS(o.objects("Post").aggregate({{"x", F("view_count") * 2}}), covet::QueryError);
}
