// values(), values_list(), only() and defer() on the fixed blog (orm_blog_data.h).
#include <catch2/catch.hpp>

#include "orm_blog_data.h"
#include "query/query.h"

using covet::Value;
using covet::test::insert_blog;
using Texts = std::vector<std::string>;

namespace {

Texts names_of(const covet::NamedRow& row) {
    return *row.names;
}

}  // namespace

COVET_ORM_TEST("orm: values names the fields, across relations, and all fields by default") {
    insert_blog(o);
    auto rows = o.objects("Post").order_by({"id"}).values({"title", "author__name"}).rows();
    REQUIRE(rows.size() == 5);
    CHECK(names_of(rows[0]) == Texts{"title", "author__name"});
    CHECK(rows[0]["title"] == Value("Intro"));
    CHECK(rows[2]["author__name"] == Value("bob"));
    CHECK(rows[4]["author__name"] == Value("carol"));
    CHECK_THROWS_AS(rows[0]["nope"], covet::QueryError);
    auto all = o.objects("Post").filter({{"id", 4}}).values().rows();
    REQUIRE(all.size() == 1);
    CHECK(names_of(all[0]) ==
          Texts{"id", "title", "body", "author_id", "view_count", "rating", "published_at"});
    CHECK(all[0]["author_id"] == Value(2));
    CHECK(all[0]["rating"] == Value(covet::Decimal::parse("5.00")));
    CHECK(all[0]["published_at"] == Value(covet::DateTime::parse("2024-03-01 09:00:00")));
    CHECK_THROWS_AS(o.objects("Post").values({"title"}).records(), covet::QueryError);
    CHECK_THROWS_AS(o.objects("Post").rows(), covet::QueryError);
}

COVET_ORM_TEST("orm: values_list gives rows and flat=true single values") {
    insert_blog(o);
    auto pairs = o.objects("User").order_by({"name"}).values_list({"name", "age"}).rows();
    REQUIRE(pairs.size() == 4);
    CHECK(pairs[0].values == covet::Row{Value("alice"), Value(30)});
    CHECK(pairs[2].values == covet::Row{Value("carol"), Value()});
    auto flat = o.objects("Tag").order_by({"-name"}).values_list({"name"}, true).rows();
    REQUIRE(flat.size() == 3);
    CHECK(flat[0].values == covet::Row{Value("sql")});
    CHECK(flat[2].values == covet::Row{Value("python")});
    auto across = o.objects("Comment").order_by({"id"}).values_list({"post__author__name"}, true);
    REQUIRE(across.rows().size() == 4);
    CHECK(across.rows()[3].values[0] == Value("bob"));  // comment 4 is on bob's post 4
    CHECK(o.objects("User").filter({{"active", true}}).values_list({"id"}, true).rows().size() ==
          3);
}

COVET_ORM_TEST("orm: values rows as JSON objects in the value encoding") {
    insert_blog(o);
    auto row = o.objects("Post").filter({{"id", 1}}).values({"title", "rating", "published_at"});
    REQUIRE(row.rows().size() == 1);
    CHECK(row.rows()[0].to_json() ==
          R"({"title":"Intro","rating":"4.50","published_at":"2024-01-10T09:00:00"})");
    auto user = o.objects("User").filter({{"id", 3}}).values({"age", "active"}).rows();
    CHECK(user.at(0).to_json() == R"({"age":null,"active":false})");
}

COVET_ORM_TEST("orm: only and defer load the named fields and the rest on access") {
    insert_blog(o);
    o.reset_queries();
    auto only = o.objects("Post").order_by({"id"}).only({"title"});
    const auto& records = only.records();
    REQUIRE(records.size() == 5);
    CHECK(o.queries() == 1);
    CHECK(records[1].get("title").as_text() == "Deep dive");
    CHECK(records[1].pk().as_int() == 2);
    CHECK(o.queries() == 1);
    CHECK(records[1].get("view_count").as_int() == 2000);  // deferred: loaded now
    CHECK(o.queries() == 2);
    auto deferred = o.objects("Post").order_by({"id"}).defer({"body", "view_count"});
    CHECK(deferred.records()[3].get("title").as_text() == "SQL tips");
    CHECK(o.queries() == 3);
    CHECK(deferred.records()[3].get("view_count").as_int() == 1500);
    CHECK(o.queries() == 4);
    // defer() after only() takes the field out of only()'s.
    auto narrowed = o.objects("Post").only({"title", "view_count"}).defer({"view_count"});
    CHECK(narrowed.query().only == Texts{"title"});
}
