// Typed queries (covet::Objects<T>) give what the dynamic QuerySet gives on
// the same blog (orm_blog_data.h): filters by lookup string and by member
// pointer, get, first, values_list, and the writes on structs.
#include <catch2/catch.hpp>

#include "covet/typed.h"
#include "orm_blog_data.h"

using covet::test::ids;
using covet::test::OrmHarness;

struct BlogUser {
    int id = 0;
    std::string name;
    std::string email;
    std::optional<int> age;
    bool active = true;
    covet::Timestamp created_at;
    std::optional<std::int64_t> profile_id;
};
COVET_MODEL(BlogUser, "User", COVET_FIELD(id), COVET_FIELD(name), COVET_FIELD(email),
            COVET_FIELD(age), COVET_FIELD(active), COVET_FIELD(created_at),
            COVET_FIELD_AS(profile_id, "profile"));

struct BlogPost {
    std::int64_t id = 0;
    std::string title;
    std::string body;
    std::int64_t author_id = 0;
    std::int64_t view_count = 0;
    std::optional<covet::Decimal> rating;
    std::optional<covet::Timestamp> published_at;
};
COVET_MODEL(BlogPost, "Post", COVET_FIELD(id), COVET_FIELD(title), COVET_FIELD(body),
            COVET_FIELD_AS(author_id, "author"), COVET_FIELD(view_count), COVET_FIELD(rating),
            COVET_FIELD(published_at));

namespace {

std::vector<std::int64_t> typed_ids(const std::vector<BlogPost>& posts) {
    std::vector<std::int64_t> out;
    for (const BlogPost& p : posts)
        out.push_back(p.id);
    return out;
}

}  // namespace

COVET_BACKEND_TEST("typed: filters by lookup string and by member pointer match the dynamic API") {
    OrmHarness o(h);
    covet::test::insert_blog(o);
    covet::Objects<BlogPost> posts(o.db, o.models);
    const auto popular = posts.filter(covet::field(&BlogPost::view_count) >= 1000);
    CHECK(typed_ids(popular.all()) == ids(o.objects("Post").filter({{"view_count__gte", 1000}})));
    CHECK(typed_ids(popular.all()) == std::vector<std::int64_t>{4, 2});  // -published_at
    const auto q =
        covet::field(&BlogPost::title).icontains("SQL") | covet::field(&BlogPost::rating).is_null();
    CHECK(
        typed_ids(posts.filter(q).order_by({"id"}).all()) ==
        ids(o.objects("Post")
                .filter(covet::Q{{"title__icontains", "SQL"}} | covet::Q{{"rating__isnull", true}})
                .order_by({"id"})));
    CHECK(typed_ids(posts.filter({{"author__name", "bob"}}).order_by({"id"}).all()) ==
          std::vector<std::int64_t>{3, 4});
    CHECK(typed_ids(
              posts.exclude(covet::field(&BlogPost::id).in({1, 2, 3})).order_by({"id"}).all()) ==
          std::vector<std::int64_t>{4, 5});
    CHECK(posts.filter(covet::field(&BlogPost::author_id) != 1).count() == 3);
    CHECK_THROWS_AS(posts.filter({{"no_such_field", 1}}), covet::QueryError);
}

COVET_BACKEND_TEST("typed: get, first, values_list and the related struct") {
    OrmHarness o(h);
    covet::test::insert_blog(o);
    covet::Objects<BlogPost> posts(o.db, o.models);
    const BlogPost deep = posts.get({{"title", "Deep dive"}});
    const covet::Record dynamic = o.objects("Post").get({{"title", "Deep dive"}});
    CHECK(deep.id == dynamic.pk().as_int());
    CHECK(deep.view_count == dynamic.get("view_count").as_int());
    CHECK(deep.rating->to_string() == dynamic.get("rating").as_decimal().to_string());
    CHECK(deep.published_at->time_since_epoch().count() ==
          dynamic.get("published_at").as_datetime().micros_since_epoch());
    CHECK_THROWS_AS(posts.get({{"author__name", "alice"}}), covet::MultipleObjectsReturned);
    CHECK_THROWS_AS(posts.get({{"pk", 99}}), covet::DoesNotExist);
    CHECK(posts.order_by({"view_count"}).first()->id == 5);
    CHECK_FALSE(posts.filter({{"pk", 99}}).first().has_value());
    const auto pairs = posts.order_by({"id"}).values_list(&BlogPost::id, &BlogPost::rating);
    const auto rows = o.objects("Post").order_by({"id"}).values_list({"id", "rating"}).rows();
    REQUIRE(pairs.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        CHECK(std::get<0>(pairs[i]) == rows[i].values[0].as_int());
        CHECK(std::get<1>(pairs[i]).has_value() == !rows[i].values[1].is_null());
    }
    const std::optional<BlogUser> author = posts.related<BlogUser>(deep, &BlogPost::author_id);
    REQUIRE(author.has_value());
    CHECK(author->name == "alice");
}

COVET_BACKEND_TEST("typed: create, save, bulk_create, bulk_update, update and delete on structs") {
    OrmHarness o(h);  // rows made here: the blog's fixed keys would clash with the sequences
    covet::Objects<BlogUser> users(o.db, o.models);
    BlogUser ada;
    ada.name = "ada";
    ada.email = "ada@example.com";
    users.create(ada);
    CHECK(o.objects("User").get({{"email", "ada@example.com"}}).pk().as_int() == ada.id);
    CHECK(ada.created_at.time_since_epoch().count() != 0);  // auto_now_add, read back
    covet::Objects<BlogPost> posts(o.db, o.models);
    for (const char* title : {"one", "two"})
        o.objects("Post").create({{"title", title}, {"author", ada.id}});
    BlogPost fresh;
    fresh.title = "Typed";
    fresh.author_id = ada.id;
    posts.create(fresh);
    CHECK(fresh.id == o.objects("Post").get({{"title", "Typed"}}).pk().as_int());
    fresh.view_count = 77;
    posts.save(fresh);
    CHECK(o.objects("Post").get({{"pk", fresh.id}}).get("view_count").as_int() == 77);
    std::vector<BlogPost> batch(3);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        batch[i].title = "batch " + std::to_string(i);
        batch[i].author_id = ada.id;
    }
    posts.bulk_create(batch);
    CHECK(o.objects("Post").filter({{"title__startswith", "batch"}}).count() == 3);
    for (BlogPost& p : batch)
        p.view_count = 5;
    CHECK(posts.bulk_update(batch, {"view_count"}) == 3);
    CHECK(o.objects("Post").filter({{"view_count", 5}}).count() == 3);
    CHECK(posts.filter(covet::field(&BlogPost::view_count) == 5)
              .update({{"body", covet::Expr("x")}}) == 3);
    CHECK(o.objects("Post").filter({{"body", "x"}}).count() == 3);
    CHECK(posts.filter({{"body", "x"}}).delete_().total == 3);
    CHECK(posts.remove(fresh).total == 1);
    CHECK(o.objects("Post").count() == 2);
}
