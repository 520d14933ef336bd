// Gaps against Django 3.2 on the fixed blog (orm_blog_data.h): annotation
// aliases that contain "__", decimal comparisons, pattern lookups with an
// F() right-hand side. Expected rows are worked out by hand from the data.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::Count;
using covet::Decimal;
using covet::F;
using covet::Max;
using covet::Value;
using covet::test::ids;
using covet::test::sorted;
using Ids = std::vector<std::int64_t>;

COVET_ORM_TEST("orm: a default annotation alias with __ is found by filter, order_by and values") {
    insert_blog(o);
    auto users = o.objects("User").annotate({Count("posts")});
    // Posts per user: alice 2, bob 2, carol 1, dave 0.
    CHECK(sorted(ids(users.filter({{"posts__count__gt", 1}}))) == Ids{1, 2});
    CHECK(sorted(ids(users.filter({{"posts__count", 0}}))) == Ids{4});
    CHECK(ids(users.order_by({"-posts__count", "id"})) == Ids{1, 2, 3, 4});
    CHECK(ids(users.order_by({"posts__count", "-id"})) == Ids{4, 3, 2, 1});
    auto rows = users.order_by({"id"}).values_list({"name", "posts__count"}).rows();
    REQUIRE(rows.size() == 4);
    CHECK(rows[2].values == covet::Row{Value("carol"), Value(1)});
    auto via_f = users.filter({{"id__lt", F("posts__count")}});  // 1 < 2 only
    CHECK(ids(via_f) == Ids{1});
}

COVET_ORM_TEST("orm: a decimal aggregate and a decimal column compare with a bound Decimal") {
    insert_blog(o);
    // Best rating per author: alice 4.50, bob 5.00, carol 2.00.
    auto best = o.objects("Post")
                    .values({"author__name"})
                    .annotate({{"best", Max("rating")}})
                    .order_by({"author__name"});
    std::vector<std::string> names;
    const covet::QuerySet above = best.filter({{"best__gt", Value(Decimal::parse("4"))}});
    for (const auto& row : above.rows())
        names.push_back(row["author__name"].as_text());
    CHECK(names == std::vector<std::string>{"alice", "bob"});
    CHECK(best.filter({{"best", Value(Decimal::parse("5"))}}).rows().size() == 1);
    CHECK(best.filter({{"best__lte", Value(Decimal::parse("4.5"))}}).rows().size() == 2);
    CHECK(sorted(ids(o.objects("Post").filter({{"rating__gt", Value(Decimal::parse("4.5"))}}))) ==
          Ids{4});
    CHECK(sorted(ids(o.objects("Post").filter({{"rating__gte", Value(Decimal::parse("4.5"))}}))) ==
          Ids{1, 4});
    CHECK(sorted(ids(o.objects("Post").filter({{"rating", Value(Decimal::parse("3.25"))}}))) ==
          Ids{2});
}

namespace {

// Authors whose names hold LIKE and GLOB wildcards, and titles that an
// unescaped pattern of those names would match.
void insert_wildcard_posts(covet::test::OrmHarness& o) {
    const covet::Value created(covet::DateTime::parse("2024-01-01 10:00:00"));
    const std::pair<int, const char*> users[] = {{5, "N%"}, {6, "t?p*"}, {7, "a_b"}};
    for (const auto& [id, name] : users) {
        std::string email = "user";
        email += std::to_string(id);
        email += "@example.com";
        covet::test::insert_row(o, "users",
                                {{"id", id},
                                 {"name", name},
                                 {"email", email},
                                 {"active", true},
                                 {"created_at", created}});
    }
    const std::tuple<int, int, const char*> posts[] = {
        {6, 5, "No percent"}, {7, 5, "N% done"}, {8, 6, "tip*s"}, {9, 6, "a t?p* b"},
        {10, 7, "axb"},       {11, 7, "A_B"},    {12, 2, "BOB"},  {13, 7, "x a_b"}};
    for (const auto& [id, author, title] : posts)
        covet::test::insert_row(
            o, "posts",
            {{"id", id}, {"title", title}, {"body", ""}, {"author_id", author}, {"view_count", 0}});
}

}  // namespace

COVET_ORM_TEST("orm: pattern lookups with an F() right-hand side escape the column's wildcards") {
    insert_blog(o);
    insert_wildcard_posts(o);
    auto posts = o.objects("Post");
    const covet::Expr author = F("author__name");
    // Case-sensitive on every back end; '%', '_', '*', '?' matched literally.
    CHECK(sorted(ids(posts.filter({{"title__contains", author}}))) == Ids{7, 9, 13});
    CHECK(sorted(ids(posts.filter({{"title__icontains", author}}))) == Ids{3, 7, 9, 11, 12, 13});
    CHECK(sorted(ids(posts.filter({{"title__startswith", author}}))) == Ids{7});
    CHECK(sorted(ids(posts.filter({{"title__istartswith", author}}))) == Ids{3, 7, 11, 12});
    CHECK(sorted(ids(posts.filter({{"title__endswith", author}}))) == Ids{13});
    CHECK(sorted(ids(posts.filter({{"title__iendswith", author}}))) == Ids{11, 12, 13});
    CHECK(sorted(ids(posts.filter({{"title__iexact", author}}))) == Ids{11, 12});
}

COVET_ORM_TEST("orm: values and values_list end a path with a date transform") {
    insert_blog(o);
    auto months =
        o.objects("Post").order_by({"id"}).values_list({"published_at__month"}, true).rows();
    std::vector<Value> got;
    for (const auto& row : months)
        got.push_back(row.values[0]);
    CHECK(got == std::vector<Value>{Value(1), Value(2), Value(), Value(3), Value()});
    auto years = o.objects("Post")
                     .filter({{"published_at__isnull", false}})
                     .values({"id", "published_at__year"})
                     .order_by({"-id"})
                     .rows();
    REQUIRE(years.size() == 3);
    CHECK(years[0]["published_at__year"] == Value(2024));
    CHECK(years[0]["id"] == Value(4));
    auto days =
        o.objects("Comment").order_by({"id"}).values_list({"post__title", "day__day"}).rows();
    REQUIRE(days.size() == 4);
    CHECK(days[0].values == covet::Row{Value("Intro"), Value(11)});
    CHECK(days[3].values == covet::Row{Value("SQL tips"), Value(2)});
    CHECK_THROWS_AS(o.objects("Post").values({"published_at__gt"}).rows(), covet::QueryError);
    CHECK_THROWS_AS(o.objects("Post").values({"title__year"}).rows(), covet::QueryError);
}
