// get(), first(), last() and [i] on values() / values_list() querysets give
// rows (Django's dicts and tuples), checked against rows() of the same
// queryset read whole.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::Q;
using covet::Value;
using covet::test::insert_blog;

COVET_ORM_TEST("orm: a values queryset gives rows for get, first, last and indexing") {
    insert_blog(o);
    const auto titles = o.objects("Post").order_by({"view_count"}).values({"title", "view_count"});
    const auto& all = titles.rows();
    REQUIRE(all.size() == 5);
    CHECK(titles.first_row()->values == all.front().values);
    CHECK(titles.last_row()->values == all.back().values);
    CHECK(titles.row_at(2).values == all[2].values);
    CHECK_THROWS_AS(titles.row_at(5), covet::DoesNotExist);
    CHECK_THROWS_AS(titles.row_at(-1), covet::QueryError);
    // Unordered: by primary key, as first() and last().
    const auto unordered = o.objects("User").values_list({"name"});
    CHECK(unordered.first_row()->values[0] == o.objects("User").first()->get("name"));
    CHECK(unordered.last_row()->values[0] == o.objects("User").last()->get("name"));
    const Q bob{{"name", "bob"}};
    CHECK(o.objects("User").values({"age"}).get_row(bob)["age"] ==
          o.objects("User").get(bob).get("age"));
    CHECK_THROWS_AS(o.objects("User").values().get_row(Q{{"name", "zed"}}), covet::DoesNotExist);
    CHECK_THROWS_AS(o.objects("User").values().get_row(Q{{"active", true}}),
                    covet::MultipleObjectsReturned);
    CHECK_FALSE(o.objects("User").filter(Q{{"name", "zed"}}).values().first_row().has_value());
}
