// select_related, and prefetch_related over a forward foreign key, on the
// fixed blog (orm_blog_data.h): the same related records as plain (lazy)
// access, in fewer statements (counted by the SQL log hook).
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::Record;
using covet::test::insert_blog;
using Texts = std::vector<std::string>;

COVET_ORM_TEST("orm: select_related reads the related records in the same query") {
    insert_blog(o);
    const Texts expected{"alice", "alice", "bob", "bob", "carol"};
    auto plain = o.objects("Post").order_by({"id"});
    o.reset_queries();
    Texts lazily;
    for (const Record& post : plain)
        lazily.push_back(post.related("author")->get("name").as_text());
    CHECK(lazily == expected);
    CHECK(o.queries() == 6);  // the posts, then each author
    auto joined = o.objects("Post").select_related({"author"}).order_by({"id"});
    o.reset_queries();
    Texts at_once;
    for (const Record& post : joined)
        at_once.push_back(post.related("author")->get("name").as_text());
    CHECK(at_once == expected);
    CHECK(o.queries() == 1);
}

COVET_ORM_TEST("orm: select_related follows nested and nullable relations") {
    insert_blog(o);
    auto posts = o.objects("Post").select_related({"author__profile"}).order_by({"id"});
    o.reset_queries();
    Texts bios;
    for (const Record& post : posts) {
        std::optional<Record> profile = post.related("author")->related("profile");
        bios.push_back(profile ? profile->get("bio").as_text() : "(none)");
    }
    CHECK(bios == Texts{"writer", "writer", "", "", "(none)"});  // carol has no profile
    CHECK(o.queries() == 1);
    auto comments = o.objects("Comment").select_related().order_by({"id"});
    o.reset_queries();
    Texts authors;
    for (const Record& comment : comments)
        authors.push_back(comment.related("post")->related("author")->get("name").as_text() + "/" +
                          comment.related("author")->get("name").as_text());
    CHECK(authors == Texts{"alice/bob", "alice/carol", "alice/bob", "bob/alice"});
    CHECK(o.queries() == 1);
}

COVET_ORM_TEST("orm: prefetch_related over a forward foreign key: one more query") {
    insert_blog(o);
    auto posts = o.objects("Post").prefetch_related({"author"}).order_by({"id"});
    o.reset_queries();
    Texts authors;
    for (const Record& post : posts)
        authors.push_back(post.related("author")->get("name").as_text());
    CHECK(authors == Texts{"alice", "alice", "bob", "bob", "carol"});
    CHECK(o.queries() == 2);
    auto users = o.objects("User").prefetch_related({"profile"}).order_by({"id"});
    o.reset_queries();
    Texts bios;
    for (const Record& user : users) {
        std::optional<Record> profile = user.related("profile");
        bios.push_back(profile ? profile->get("bio").as_text() : "(none)");
    }
    CHECK(bios == Texts{"writer", "", "(none)", "(none)"});
    CHECK(o.queries() == 2);
}
