// aggregate(), annotate() and update() on the fixed blog (orm_blog_data.h):
// Django's result types and default aliases, GROUP BY from values(), HAVING
// from a filter on an annotation. Sums and averages are worked out by hand.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::Avg;
using covet::Count;
using covet::Decimal;
using covet::F;
using covet::Max;
using covet::Min;
using covet::Sum;
using covet::Value;
using covet::test::ids;
using covet::test::insert_blog;
using covet::test::sorted;
using covet::test::texts;
using Ids = std::vector<std::int64_t>;
using Texts = std::vector<std::string>;

COVET_ORM_TEST("orm: aggregate gives Django's result types under the default aliases") {
    insert_blog(o);
    auto row = o.objects("Post").aggregate({Count("id"), Avg("view_count"), Sum("view_count"),
                                            Sum("rating"), Avg("rating"), Min("view_count"),
                                            Max("published_at")});
    CHECK(*row.names == Texts{"id__count", "view_count__avg", "view_count__sum", "rating__sum",
                              "rating__avg", "view_count__min", "published_at__max"});
    CHECK(row["id__count"] == Value(5));
    CHECK(row["view_count__avg"].kind() == Value::Kind::Float);
    CHECK(row["view_count__avg"].as_double() == Approx(802.0));  // 4010 / 5
    CHECK(row["view_count__sum"] == Value(4010));
    CHECK(row["rating__sum"].kind() == Value::Kind::Decimal);
    CHECK(row["rating__sum"].as_decimal() == Decimal::parse("14.75"));  // NULL not counted
    CHECK(row["rating__avg"].kind() == Value::Kind::Decimal);
    CHECK(row["rating__avg"].as_decimal() == Decimal::parse("3.6875"));  // 14.75 / 4
    CHECK(row["view_count__min"] == Value(0));
    CHECK(row["published_at__max"] == Value(covet::DateTime::parse("2024-03-01 09:00:00")));
}

COVET_ORM_TEST("orm: aggregate over no rows is NULL except Count, and takes aliases") {
    insert_blog(o);
    auto none = o.objects("Post").filter({{"view_count__gt", 99999}});
    auto row = none.aggregate({{"n", Count("id")}, {"total", Sum("view_count")}, Avg("rating")});
    CHECK(*row.names == Texts{"n", "total", "rating__avg"});
    CHECK(row["n"] == Value(0));
    CHECK(row["total"].is_null());
    CHECK(row["rating__avg"].is_null());
    auto bobs = o.objects("Post")
                    .filter({{"author__name", "bob"}})
                    .aggregate({{"views", Sum("view_count")}, {"tags", Count("tags", true)}});
    // The join to the tags repeats post 3 (two tags) in the sum, as in
    // Django: 500 * 2 + 1500.
    CHECK(bobs["views"] == Value(2500));
    CHECK(bobs["tags"] == Value(2));  // sql and rust
    CHECK_THROWS_AS(o.objects("Post").aggregate({F("view_count")}), covet::QueryError);
}

COVET_ORM_TEST("orm: annotate with an aggregate and filter on the annotation") {
    insert_blog(o);
    auto users = o.objects("User").annotate({Count("posts")}).order_by({"id"});
    std::vector<std::int64_t> counts;
    for (const covet::Record& user : users)
        counts.push_back(user.get("posts__count").as_int());
    CHECK(counts == Ids{2, 2, 1, 0});
    CHECK(sorted(ids(o.objects("User").annotate({{"n", Count("posts")}}).filter({{"n__gt", 1}}))) ==
          Ids{1, 2});
    auto tagged = o.objects("Post").annotate({{"tag_count", Count("tags")}});
    CHECK(sorted(ids(tagged.filter({{"tag_count__gt", 1}}))) == Ids{1, 3});
    CHECK(sorted(ids(tagged.filter({{"tag_count", 0}}))) == Ids{5});
    auto listed = o.objects("User")
                      .annotate({{"n", Count("posts")}})
                      .filter({{"n__gte", 1}})
                      .order_by({"name"})
                      .values_list({"name", "n"})
                      .rows();
    REQUIRE(listed.size() == 3);
    CHECK(listed[2].values == covet::Row{Value("carol"), Value(1)});
    CHECK(o.objects("User").annotate({{"n", Count("posts")}}).filter({{"n", 0}}).count() == 1);
}

COVET_ORM_TEST("orm: values before annotate groups by those fields") {
    insert_blog(o);
    auto totals = o.objects("Post")
                      .values({"author__name"})
                      .annotate({{"total", Sum("view_count")}, {"n", Count("id")}})
                      .order_by({"author__name"})
                      .rows();
    REQUIRE(totals.size() == 3);
    CHECK(totals[0].values == covet::Row{Value("alice"), Value(2010), Value(2)});
    CHECK(totals[1].values == covet::Row{Value("bob"), Value(2000), Value(2)});
    CHECK(totals[2].values == covet::Row{Value("carol"), Value(0), Value(1)});
    auto ratings = o.objects("Post")
                       .values({"author__name"})
                       .annotate({{"avg_rating", Avg("rating")}, {"views", Avg("view_count")}})
                       .order_by({"author__name"})
                       .rows();
    REQUIRE(ratings.size() == 3);
    CHECK(ratings[0]["avg_rating"].kind() == Value::Kind::Decimal);
    CHECK(ratings[0]["avg_rating"].as_decimal() == Decimal::parse("3.875"));  // (4.50 + 3.25) / 2
    CHECK(ratings[1]["avg_rating"].as_decimal() == Decimal::parse("5"));      // NULL left out
    CHECK(ratings[1]["views"].kind() == Value::Kind::Float);
    CHECK(ratings[1]["views"].as_double() == Approx(1000.0));
    // The Decimal keeps the scale the server gives, as Django's ("2", "2.000000", ...).
    CHECK_THAT(ratings[2].to_json(),
               Catch::StartsWith(R"({"author__name":"carol","avg_rating":"2)"));
    CHECK_THAT(ratings[2].to_json(), Catch::EndsWith(R"(,"views":0.0})"));
    // Post's default ordering (-published_at) is not applied to a GROUP BY.
    CHECK(o.objects("Post").values({"author"}).annotate({{"n", Count("id")}}).rows().size() == 3);
    auto rated = o.objects("Post")
                     .values({"author__name"})
                     .annotate({{"best", Max("view_count")}})
                     .filter({{"best__gt", 1000}})
                     .order_by({"author__name"})
                     .values_list({"author__name"}, true)
                     .rows();
    REQUIRE(rated.size() == 2);
    CHECK(rated[1].values[0] == Value("bob"));
}

COVET_ORM_TEST("orm: annotate with F arithmetic") {
    insert_blog(o);
    auto posts = o.objects("Post")
                     .annotate({{"double_views", F("view_count") * 2}})
                     .order_by({"-double_views"});
    REQUIRE(posts.records().size() == 5);
    CHECK(posts.records()[0].get("double_views").as_int() == 4000);
    CHECK(ids(posts.filter({{"double_views__gt", 1000}})) == Ids{2, 4});
}

COVET_ORM_TEST("orm: F arithmetic with a Decimal or float literal on an integer column") {
    insert_blog(o);
    // A back end that types a bare parameter from the other operand would
    // take 0.1 for an integer: the literal keeps its own type.
    const covet::Expr tenth(Value(Decimal::parse("0.1")));
    auto posts = o.objects("Post").annotate({{"tenth", F("view_count") * tenth}});
    CHECK(sorted(ids(posts.filter({{"tenth__gte", 150}}))) == Ids{2, 4});
    CHECK(sorted(ids(o.objects("Post").filter(
              {{"view_count__gt", F("view_count") * tenth + 500}}))) == Ids{2, 4});
    auto halves = o.objects("Post").annotate({{"half", F("view_count") * 0.5}});
    CHECK(sorted(ids(halves.filter({{"half__gt", 700}}))) == Ids{2, 4});
}

COVET_ORM_TEST("orm: update with values and F expressions, also across relations") {
    insert_blog(o);
    auto posts = o.objects("Post");
    CHECK(posts.filter({{"author__name", "bob"}}).update({{"view_count", F("view_count") + 1}}) ==
          2);
    auto views = o.h.db().query("SELECT view_count FROM posts ORDER BY id").rows;
    REQUIRE(views.size() == 5);
    CHECK(views[2][0].as_int() == 501);
    CHECK(views[3][0].as_int() == 1501);
    CHECK(views[0][0].as_int() == 10);
    CHECK(posts.filter({{"tags__name", "rust"}}).update({{"title", covet::Expr("Rusty")}}) == 1);
    CHECK(o.h.db().query("SELECT title FROM posts WHERE id = 3").rows.at(0).at(0) ==
          Value("Rusty"));
    CHECK(posts.filter({{"id", 99}}).update({{"view_count", covet::Expr(1)}}) == 0);
    CHECK_THROWS_AS(posts.slice(0, 1).update({{"view_count", covet::Expr(1)}}), covet::QueryError);
    auto bobs = posts.filter({{"author__name", "bob"}}).order_by({"id"});
    CHECK(bobs.records().at(0).get("view_count").as_int() == 501);
    CHECK(bobs.update({{"view_count", covet::Expr(7)}}) == 2);
    CHECK(bobs.records().at(0).get("view_count").as_int() == 7);  // the cache is dropped
    CHECK(bobs.update({{"view_count", covet::Expr(7)}}) == 2);    // matched, though unchanged
}
