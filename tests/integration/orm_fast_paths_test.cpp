// The ORM's fast paths give what the general ones give: get(pk=...) compiled
// once per QuerySet and re-bound per key, iterator() refilling one Record,
// select_related rows read straight into their records. Answers from the
// fixed blog of orm_blog_data.h.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::test::insert_blog;
using Texts = std::vector<std::string>;

COVET_ORM_TEST("orm: get by key on one queryset binds each key anew") {
    insert_blog(o);
    const auto posts = o.objects("Post");
    Texts titles;
    for (std::int64_t id : {1, 4, 2, 4})
        titles.push_back(posts.get({{"pk", id}}).get("title").as_text());
    CHECK(titles == Texts{"Intro", "SQL tips", "Deep dive", "SQL tips"});
    CHECK(posts.get({{"id", 3}}).get("title").as_text() == "Bob's notes");
    CHECK(posts.get({{"pk__exact", 5}}).get("author").as_int() == 3);
    CHECK_THROWS_AS(posts.get({{"pk", 99}}), covet::DoesNotExist);
    o.reset_queries();
    CHECK(posts.get({{"pk", 2}}).get("view_count").as_int() == 2000);
    CHECK(o.queries() == 1);
    // The queryset's own filter still applies to every key.
    const auto bobs = posts.filter({{"author__name", "bob"}});
    CHECK(bobs.get({{"pk", 3}}).get("title").as_text() == "Bob's notes");
    CHECK_THROWS_AS(bobs.get({{"pk", 1}}), covet::DoesNotExist);
    CHECK(bobs.get({{"pk", 4}}).get("title").as_text() == "SQL tips");
    // A record read by get() is saved and complete.
    const covet::Record intro = posts.get({{"pk", 1}});
    CHECK_FALSE(intro.adding());
    CHECK(intro.related("author")->get("name").as_text() == "alice");
}

// Nothing else runs inside the loop: MariaDB refuses statements while a
// streamed result is on the wire.
COVET_ORM_TEST("orm: iterator refills one record with each row and copies keep theirs") {
    insert_blog(o);
    covet::RecordStream stream = o.objects("Post").order_by({"id"}).iterator();
    covet::Record post(o.db, o.models, o.models.model("Post"));
    Texts seen;
    std::vector<covet::Record> kept;
    while (stream.next(post)) {
        CHECK_FALSE(post.adding());
        seen.push_back(post.get("title").as_text() + "/" + post.get("author").to_string());
        kept.push_back(post);  // a copy keeps its row when the record is refilled
    }
    CHECK(seen == Texts{"Intro/1", "Deep dive/1", "Bob's notes/2", "SQL tips/2", "Draft 100%_x/3"});
    REQUIRE(kept.size() == 5);
    CHECK(kept[0].get("title").as_text() == "Intro");
    CHECK(kept[2].get("rating").is_null());
    CHECK(kept[3].get("view_count").as_int() == 1500);
    Texts authors;
    for (const covet::Record& copy : kept)
        authors.push_back(copy.related("author")->get("name").as_text());
    CHECK(authors == Texts{"alice", "alice", "bob", "bob", "carol"});
    CHECK(post.related("author")->get("name").as_text() == "carol");
}

COVET_ORM_TEST("orm: select_related rows read into records and their cached relations") {
    insert_blog(o);
    const auto comments = o.objects("Comment").select_related({"post__author"}).order_by({"id"});
    o.reset_queries();
    Texts seen;
    for (const covet::Record& comment : comments) {
        const auto post = comment.related("post");
        seen.push_back(post->get("title").as_text() + "/" +
                       post->related("author")->get("name").as_text());
    }
    CHECK(o.queries() == 1);
    CHECK(seen == Texts{"Intro/alice", "Intro/alice", "Deep dive/alice", "SQL tips/bob"});
    // A nullable relation without a row caches "none".
    const auto users = o.objects("User").select_related({"profile"}).order_by({"id"});
    o.reset_queries();
    Texts bios;
    for (const covet::Record& user : users) {
        const auto profile = user.related("profile");
        bios.push_back(profile ? profile->get("bio").as_text() : "-");
    }
    CHECK(o.queries() == 1);
    CHECK(bios == Texts{"writer", "", "-", "-"});
}
