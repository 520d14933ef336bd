// The rows of related managers (all, filter) for every relation kind, the
// prefetched rows handed out without a query, get_or_create,
// update_or_create and QuerySet delete — checked against raw SQL reads.
#include <catch2/catch.hpp>

#include <set>

#include "orm_fixture_rows.h"

using covet::Q;
using covet::QuerySet;
using covet::Record;
using covet::Value;
using namespace covet::test;

namespace {

std::set<std::string> keys_of(const QuerySet& set) {
    std::set<std::string> keys;
    for (const Record& record : set)
        keys.insert(record.pk().to_string());
    return keys;
}

std::set<std::string> raw_keys(OrmHarness& o, const std::string& sql, const Value& param) {
    std::set<std::string> keys;
    for (const auto& row : raw_rows(o, sql, {param}))
        keys.insert(row[0].to_string());
    return keys;
}

}  // namespace

COVET_ORM_TEST("orm: related managers list the related rows of every relation kind") {
    Record ann = make_user(o, "ann");
    Record bob = make_user(o, "bob");
    Record p1 = make_post(o, ann, "p1");
    Record p2 = make_post(o, ann, "p2");
    make_post(o, bob, "p3");
    Record t1 = make_tag(o, "t1");
    Record t2 = make_tag(o, "t2");
    p1.manager("tags").add({t1, t2});
    p2.manager("tags").add({t2});
    CHECK(keys_of(ann.manager("posts").all()) ==
          raw_keys(o, "SELECT \"id\" FROM \"posts\" WHERE \"author_id\" = ?", ann.pk()));
    CHECK(keys_of(ann.manager("posts").all()).size() == 2);
    CHECK(keys_of(ann.manager("posts").filter(Q{{"title", "p2"}})) ==
          std::set<std::string>{p2.pk().to_string()});
    CHECK(keys_of(p1.manager("tags").all()) ==
          raw_keys(o, "SELECT \"tag_id\" FROM \"posts_tags\" WHERE \"post_id\" = ?", p1.pk()));
    CHECK(keys_of(t2.manager("posts").all()) ==
          raw_keys(o, "SELECT \"post_id\" FROM \"posts_tags\" WHERE \"tag_id\" = ?", t2.pk()));
    CHECK(keys_of(t2.manager("posts").all()).size() == 2);

    Record a = make_person(o, "a");
    Record b = make_person(o, "b");
    Record c = make_person(o, "c");
    a.manager("friends").add({b});
    c.manager("friends").add({a});
    a.manager("follows").add({b, c});
    b.manager("follows").add({c});
    CHECK(keys_of(a.manager("friends").all()) ==
          std::set<std::string>{b.pk().to_string(), c.pk().to_string()});
    CHECK(keys_of(b.manager("friends").all()) == std::set<std::string>{a.pk().to_string()});
    CHECK(keys_of(a.manager("follows").all()) ==
          raw_keys(o,
                   "SELECT \"to_person_id\" FROM \"people_follows\" WHERE \"from_person_id\" = ?",
                   a.pk()));
    CHECK(keys_of(c.manager("followers").all()) ==
          raw_keys(o,
                   "SELECT \"from_person_id\" FROM \"people_follows\" WHERE \"to_person_id\" = ?",
                   c.pk()));
    CHECK(keys_of(c.manager("followers").all()).size() == 2);
    CHECK(keys_of(a.manager("followers").all()).empty());
}

COVET_ORM_TEST("orm: a related manager hands out prefetched rows without a query until a write") {
    Record ann = make_user(o, "ann");
    make_post(o, ann, "p1");
    make_post(o, ann, "p2");
    Record user = o.objects("User").prefetch_related({"posts"}).records().front();
    o.reset_queries();
    CHECK(user.manager("posts").all().records().size() == 2);
    CHECK(o.queries() == 0);
    user.manager("posts").create({{"title", "p3"}});
    CHECK(user.manager("posts").all().records().size() == 3);  // read again after the write
}

COVET_ORM_TEST("orm: get_or_create finds the row or creates it from the lookups and defaults") {
    auto [made, created] = o.objects("User").get_or_create(Q{{"email", "ann@example.com"}},
                                                           {{"name", "Ann"}, {"age", 30}});
    CHECK(created);
    CHECK(raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"email\" = ?",
                    {Value("ann@example.com")})
              .to_string() == "Ann");
    auto [found, created_again] =
        o.objects("User").get_or_create(Q{{"email", "ann@example.com"}}, {{"name", "Other"}});
    CHECK_FALSE(created_again);
    CHECK(found == made);
    CHECK(found.get("name") == Value("Ann"));
    CHECK(count_rows(o, "users") == 1);
    // A lookup with __ is no field value: the defaults must fill the rest.
    auto [tag, tag_created] =
        o.objects("Tag").get_or_create(Q{{"name__iexact", "X"}}, {{"name", "x"}});
    CHECK(tag_created);
    CHECK(o.objects("Tag").get_or_create(Q{{"name__iexact", "X"}}).second == false);
    CHECK_THROWS_AS(o.objects("Tag").get_or_create(Q{{"nope", 1}}), covet::QueryError);
}

COVET_ORM_TEST("orm: update_or_create updates the found row with the defaults or creates it") {
    Record ann = make_user(o, "ann");
    auto [updated, created] =
        o.objects("User").update_or_create(Q{{"email", "ann@example.com"}}, {{"age", 41}});
    CHECK_FALSE(created);
    CHECK(updated == ann);
    CHECK(raw_int(o, "SELECT \"age\" FROM \"users\" WHERE \"id\" = ?", {ann.pk()}) == 41);
    auto [made, made_created] = o.objects("User").update_or_create(Q{{"email", "bob@example.com"}},
                                                                   {{"name", "bob"}, {"age", 5}});
    CHECK(made_created);
    CHECK(raw_int(o, "SELECT \"age\" FROM \"users\" WHERE \"email\" = ?",
                  {Value("bob@example.com")}) == 5);
    CHECK(count_rows(o, "users") == 2);
}

COVET_ORM_TEST("orm: QuerySet delete collects the matched rows and what cascades from them") {
    Record ann = make_user(o, "ann");
    Record bob = make_user(o, "bob");
    Record p1 = make_post(o, ann, "p1");
    Record p2 = make_post(o, bob, "p2");
    Record t1 = make_tag(o, "t1");
    p1.manager("tags").add({t1});
    p2.manager("tags").add({t1});
    make_comment(o, p1, bob);
    const covet::DeleteResult result =
        o.objects("Post").filter(Q{{"author__name", "ann"}}).delete_();
    CHECK(result.total == 3);
    CHECK(result.per_model == std::map<std::string, std::int64_t>{{"library.Comment", 1},
                                                                  {"library.Post", 1},
                                                                  {"library.Post_tags", 1}});
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"posts\" WHERE \"id\" = ?", {p2.pk()}) == 1);
    CHECK(count_rows(o, "posts") == 1);
    CHECK(count_rows(o, "comments") == 0);
    CHECK(count_rows(o, "posts_tags") == 1);
    const covet::DeleteResult none = o.objects("Post").filter(Q{{"title", "zzz"}}).delete_();
    CHECK(none.total == 0);
    CHECK(none.per_model.empty());
    make_comment(o, p2, ann);  // ann's comment protects ann
    CHECK_THROWS_AS(o.objects("User").delete_(), covet::ProtectedError);
    CHECK(count_rows(o, "users") == 2);
    CHECK(count_rows(o, "posts") == 1);
    CHECK(count_rows(o, "comments") == 1);
}
