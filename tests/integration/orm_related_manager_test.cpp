// Related managers: reverse ForeignKey and many-to-many (also to the own
// model, symmetrical and not) add, remove, clear, set and create — checked
// against raw SQL reads of the keys and link rows.
#include <catch2/catch.hpp>

#include <set>

#include "orm_fixture_rows.h"

using covet::Record;
using covet::Value;
using namespace covet::test;

namespace {

// The (from, to) link rows of a through table, as "from>to" texts.
std::set<std::string> links(OrmHarness& o, const std::string& table, const std::string& from,
                            const std::string& to) {
    std::set<std::string> out;
    for (const auto& row :
         raw_rows(o, "SELECT \"" + from + "\", \"" + to + "\" FROM \"" + table + "\""))
        out.insert(row[0].to_string() + ">" + row[1].to_string());
    return out;
}

std::string link(const Record& a, const Record& b) {
    return a.pk().to_string() + ">" + b.pk().to_string();
}

}  // namespace

COVET_ORM_TEST("orm: a many-to-many manager adds once, removes, sets, clears and creates") {
    Record ann = make_user(o, "ann");
    Record p = make_post(o, ann, "p");
    Record t1 = make_tag(o, "t1");
    Record t2 = make_tag(o, "t2");
    Record t3 = make_tag(o, "t3");
    auto tags = p.manager("tags");
    tags.add({t1, t2});
    tags.add({t1});  // already linked: skipped, as Django
    CHECK(links(o, "posts_tags", "post_id", "tag_id") ==
          std::set<std::string>{link(p, t1), link(p, t2)});
    tags.remove({t1});
    CHECK(links(o, "posts_tags", "post_id", "tag_id") == std::set<std::string>{link(p, t2)});
    tags.set({t2, t3});
    CHECK(links(o, "posts_tags", "post_id", "tag_id") ==
          std::set<std::string>{link(p, t2), link(p, t3)});
    tags.clear();
    CHECK(count_rows(o, "posts_tags") == 0);
    Record made = tags.create({{"name", "made"}});
    CHECK(raw_value(o, "SELECT \"name\" FROM \"tags\" WHERE \"id\" = ?", {made.pk()}).to_string() ==
          "made");
    CHECK(links(o, "posts_tags", "post_id", "tag_id") == std::set<std::string>{link(p, made)});
    // The reverse side (tag.posts) writes the same links.
    Record q = make_post(o, ann, "q");
    t1.manager("posts").add({p, q});
    CHECK(links(o, "posts_tags", "post_id", "tag_id") ==
          std::set<std::string>{link(p, made), link(p, t1), link(q, t1)});
    t1.manager("posts").remove({p});
    CHECK(links(o, "posts_tags", "post_id", "tag_id") ==
          std::set<std::string>{link(p, made), link(q, t1)});
    CHECK_THROWS_AS(tags.add({ann}), covet::QueryError);
}

COVET_ORM_TEST("orm: a symmetrical self many-to-many links and unlinks both directions") {
    Record a = make_person(o, "a");
    Record b = make_person(o, "b");
    Record c = make_person(o, "c");
    a.manager("friends").add({b, c});
    CHECK(links(o, "people_friends", "from_person_id", "to_person_id") ==
          std::set<std::string>{link(a, b), link(b, a), link(a, c), link(c, a)});
    b.manager("friends").remove({a});
    CHECK(links(o, "people_friends", "from_person_id", "to_person_id") ==
          std::set<std::string>{link(a, c), link(c, a)});
    b.manager("friends").set({c});
    CHECK(links(o, "people_friends", "from_person_id", "to_person_id") ==
          std::set<std::string>{link(a, c), link(c, a), link(b, c), link(c, b)});
    c.manager("friends").clear();
    CHECK(count_rows(o, "people_friends") == 0);
    CHECK_THROWS_AS(a.manager("person_set"), covet::QueryError);  // no reverse accessor
}

COVET_ORM_TEST("orm: a non-symmetrical self many-to-many links one way and has a reverse manager") {
    Record a = make_person(o, "a");
    Record b = make_person(o, "b");
    Record c = make_person(o, "c");
    a.manager("follows").add({b});
    CHECK(links(o, "people_follows", "from_person_id", "to_person_id") ==
          std::set<std::string>{link(a, b)});
    b.manager("followers").add({c});  // c follows b
    CHECK(links(o, "people_follows", "from_person_id", "to_person_id") ==
          std::set<std::string>{link(a, b), link(c, b)});
    b.manager("followers").remove({a});
    CHECK(links(o, "people_follows", "from_person_id", "to_person_id") ==
          std::set<std::string>{link(c, b)});
    Record d = b.manager("followers").create({{"name", "d"}});
    CHECK(links(o, "people_follows", "from_person_id", "to_person_id") ==
          std::set<std::string>{link(c, b), link(d, b)});
    b.manager("followers").clear();
    CHECK(count_rows(o, "people_follows") == 0);
}

COVET_ORM_TEST("orm: a reverse foreign key manager adds, removes, sets, clears and creates") {
    Record profile = o.objects("Profile").create({});
    Record ann = make_user(o, "ann");
    Record bob = make_user(o, "bob");
    Record cid = make_user(o, "cid");
    auto users = profile.manager("users");
    auto profile_of = [&](const Record& u) {
        return raw_value(o, "SELECT \"profile_id\" FROM \"users\" WHERE \"id\" = ?", {u.pk()});
    };
    users.add({ann, bob});
    CHECK(profile_of(ann) == profile.pk());
    CHECK(profile_of(bob) == profile.pk());
    users.remove({ann});
    CHECK(profile_of(ann).is_null());
    CHECK_THROWS_AS(users.remove({cid}), covet::DoesNotExist);  // not related
    users.set({ann, cid});
    CHECK(profile_of(ann) == profile.pk());
    CHECK(profile_of(bob).is_null());
    CHECK(profile_of(cid) == profile.pk());
    users.clear();
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\" WHERE \"profile_id\" IS NOT NULL") == 0);
    Record dan = users.create({{"name", "dan"}, {"email", "dan@example.com"}});
    CHECK(profile_of(dan) == profile.pk());
    // A key that cannot be NULL: remove and clear are refused, add moves rows.
    Record post = make_post(o, ann, "p");
    CHECK_THROWS_AS(bob.manager("posts").remove({post}), covet::QueryError);
    CHECK_THROWS_AS(bob.manager("posts").clear(), covet::QueryError);
    bob.manager("posts").add({post});
    CHECK(raw_value(o, "SELECT \"author_id\" FROM \"posts\" WHERE \"id\" = ?", {post.pk()}) ==
          bob.pk());
    CHECK(count_rows(o, "users") == 4);
}

COVET_ORM_TEST("orm: a manager of an unsaved record or of no relation is refused") {
    Record unsaved(o.db, o.models, o.models.model("User"));
    CHECK_THROWS_AS(unsaved.manager("posts"), covet::QueryError);
    Record ann = make_user(o, "ann");
    CHECK_THROWS_WITH(ann.manager("nope"), Catch::Contains("posts"));
    CHECK_THROWS_AS(ann.manager("profile"), covet::QueryError);
}
