// delete() through Django's deletion collector: CASCADE counts (many-to-many
// links included), SET_NULL, PROTECT raising before any row is gone —
// checked against raw SQL reads.
#include <catch2/catch.hpp>

#include "orm_fixture_rows.h"

using covet::Record;
using covet::Value;
using namespace covet::test;

COVET_ORM_TEST(
    "orm: deleting a user cascades to posts, comments and tag links, counted per model") {
    Record ann = make_user(o, "ann");
    Record bob = make_user(o, "bob");
    Record p1 = make_post(o, ann, "p1");
    Record p2 = make_post(o, ann, "p2");
    Record p3 = make_post(o, bob, "p3");
    Record t1 = make_tag(o, "t1");
    Record t2 = make_tag(o, "t2");
    p1.manager("tags").add({t1, t2});
    p2.manager("tags").add({t1});
    p3.manager("tags").add({t2});
    make_comment(o, p1, bob);
    make_comment(o, p2, bob);
    make_comment(o, p3, bob);

    const covet::DeleteResult result = ann.delete_();
    CHECK(result.total == 8);
    CHECK(result.per_model == std::map<std::string, std::int64_t>{{"library.Comment", 2},
                                                                  {"library.Post", 2},
                                                                  {"library.Post_tags", 3},
                                                                  {"library.User", 1}});
    CHECK(ann.pk().is_null());
    CHECK(count_rows(o, "users") == 1);
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"posts\" WHERE \"id\" = ?", {p3.pk()}) == 1);
    CHECK(count_rows(o, "posts") == 1);
    CHECK(count_rows(o, "comments") == 1);
    CHECK(count_rows(o, "posts_tags") == 1);
    CHECK(count_rows(o, "tags") == 2);
}

COVET_ORM_TEST("orm: deleting a tag removes its links only") {
    Record ann = make_user(o, "ann");
    Record p1 = make_post(o, ann, "p1");
    Record p2 = make_post(o, ann, "p2");
    Record t1 = make_tag(o, "t1");
    Record t2 = make_tag(o, "t2");
    p1.manager("tags").add({t1, t2});
    p2.manager("tags").add({t1});
    const covet::DeleteResult result = t1.delete_();
    CHECK(result.total == 3);
    CHECK(result.per_model ==
          std::map<std::string, std::int64_t>{{"library.Post_tags", 2}, {"library.Tag", 1}});
    CHECK(count_rows(o, "posts") == 2);
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"posts_tags\" WHERE \"tag_id\" = ?", {t2.pk()}) == 1);
    CHECK(count_rows(o, "posts_tags") == 1);
}

COVET_ORM_TEST("orm: SET_NULL clears the key of the rows that point at a deleted row") {
    Record profile = o.objects("Profile").create({{"bio", "x"}});
    Record ann = make_user(o, "ann");
    Record bob = make_user(o, "bob");
    ann.set("profile", profile);
    ann.save();
    bob.set("profile", profile);
    bob.save();
    const covet::DeleteResult result = profile.delete_();
    CHECK(result.total == 1);
    CHECK(result.per_model == std::map<std::string, std::int64_t>{{"library.Profile", 1}});
    CHECK(count_rows(o, "users") == 2);
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\" WHERE \"profile_id\" IS NULL") == 2);
    CHECK(count_rows(o, "profiles") == 0);
}

COVET_ORM_TEST("orm: PROTECT raises naming the protecting rows and nothing is deleted") {
    Record ann = make_user(o, "ann");
    Record p1 = make_post(o, ann, "p1");
    Record t1 = make_tag(o, "t1");
    p1.manager("tags").add({t1});
    Record c1 = make_comment(o, p1, ann);
    try {
        ann.delete_();
        FAIL("delete() went ahead");
    } catch (const covet::ProtectedError& e) {
        CHECK_THAT(e.what(),
                   Catch::StartsWith("Cannot delete some instances of model 'User' because they "
                                     "are referenced through protected foreign keys: "
                                     "'Comment.author'."));
        CHECK(e.protected_rows() == std::vector<std::string>{"Comment " + c1.pk().to_string()});
    }
    CHECK_FALSE(ann.pk().is_null());
    CHECK(count_rows(o, "users") == 1);
    CHECK(count_rows(o, "posts") == 1);
    CHECK(count_rows(o, "comments") == 1);
    CHECK(count_rows(o, "posts_tags") == 1);
}

COVET_ORM_TEST("orm: deleting a person removes self links both ways and clears mentor keys") {
    Record a = make_person(o, "a");
    Record b = make_person(o, "b");
    Record c = make_person(o, "c");
    a.manager("friends").add({b});     // symmetrical: two link rows
    a.manager("follows").add({c});     // one row a -> c
    c.manager("follows").add({a, b});  // c -> a, c -> b
    b.set("mentor", a);
    b.save();
    const covet::DeleteResult result = a.delete_();
    CHECK(result.total == 5);
    CHECK(result.per_model == std::map<std::string, std::int64_t>{{"library.Person", 1},
                                                                  {"library.Person_follows", 2},
                                                                  {"library.Person_friends", 2}});
    CHECK(count_rows(o, "people") == 2);
    CHECK(count_rows(o, "people_friends") == 0);
    CHECK(count_rows(o, "people_follows") == 1);
    CHECK(
        raw_value(o, "SELECT \"mentor_id\" FROM \"people\" WHERE \"id\" = ?", {b.pk()}).is_null());
}
