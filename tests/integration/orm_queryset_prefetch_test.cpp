// prefetch_related on the fixed blog (orm_blog_data.h): the same related
// rows as plain access, in fewer statements (counted by the SQL log hook).
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "orm_blog_data.h"

using covet::Record;
using covet::test::insert_blog;
using covet::test::sorted;
using Texts = std::vector<std::string>;

namespace {

Texts names(const std::vector<Record>& records, const std::string& field) {
    Texts out;
    for (const Record& record : records)
        out.push_back(record.get(field).to_string());
    return sorted(out);
}

// The prefetched `accessor` of each record by the record's `key` field.
std::map<std::string, Texts> prefetched(const covet::QuerySet& set, const std::string& key,
                                        const std::string& accessor, const std::string& field) {
    std::map<std::string, Texts> out;
    for (const Record& record : set) {
        const std::vector<Record>* related = record.prefetched(accessor);
        REQUIRE(related != nullptr);
        out[record.get(key).to_string()] = names(*related, field);
    }
    return out;
}

// The same through the relation managers, one query per record.
std::map<std::string, Texts> by_manager(const covet::QuerySet& set, const std::string& key,
                                        const std::string& accessor, const std::string& field) {
    std::map<std::string, Texts> out;
    for (const Record& record : set) {
        const covet::QuerySet related = record.manager(accessor).all();
        out[record.get(key).to_string()] = names(related.records(), field);
    }
    return out;
}

}  // namespace

COVET_ORM_TEST("orm: prefetch_related over a reverse foreign key: one more query") {
    insert_blog(o);
    const std::map<std::string, Texts> expected{{"alice", {"Deep dive", "Intro"}},
                                                {"bob", {"Bob's notes", "SQL tips"}},
                                                {"carol", {"Draft 100%_x"}},
                                                {"dave", {}}};
    auto users = o.objects("User").prefetch_related({"posts"});
    o.reset_queries();
    CHECK(prefetched(users, "name", "posts", "title") == expected);
    CHECK(o.queries() == 2);
    o.reset_queries();
    CHECK(by_manager(o.objects("User"), "name", "posts", "title") == expected);
    CHECK(o.queries() == 5);
    auto posts = o.objects("Post").prefetch_related({"comment_set"}).order_by({"id"});
    CHECK(prefetched(posts, "title", "comment_set", "text")["Intro"] == Texts{"meh", "nice"});
}

COVET_ORM_TEST("orm: prefetch_related over many-to-many both ways and on self relations") {
    insert_blog(o);
    auto posts = o.objects("Post").prefetch_related({"tags"});
    o.reset_queries();
    const std::map<std::string, Texts> tags{{"Intro", {"python", "sql"}},
                                            {"Deep dive", {"python"}},
                                            {"Bob's notes", {"rust", "sql"}},
                                            {"SQL tips", {"sql"}},
                                            {"Draft 100%_x", {}}};
    CHECK(prefetched(posts, "title", "tags", "name") == tags);
    CHECK(o.queries() == 2);
    CHECK(by_manager(o.objects("Post"), "title", "tags", "name") == tags);
    auto by_tag = o.objects("Tag").prefetch_related({"posts"});
    const std::map<std::string, Texts> posts_of{{"python", {"Deep dive", "Intro"}},
                                                {"sql", {"Bob's notes", "Intro", "SQL tips"}},
                                                {"rust", {"Bob's notes"}}};
    CHECK(prefetched(by_tag, "name", "posts", "title") == posts_of);
    auto people = o.objects("Person").prefetch_related({"friends", "follows", "followers"});
    o.reset_queries();
    CHECK(prefetched(people, "name", "friends", "name") ==
          std::map<std::string, Texts>{{"ann", {"bo"}}, {"bo", {"ann"}}, {"cy", {}}});
    CHECK(prefetched(people, "name", "follows", "name") ==
          std::map<std::string, Texts>{{"ann", {"bo", "cy"}}, {"bo", {"cy"}}, {"cy", {}}});
    CHECK(prefetched(people, "name", "followers", "name") ==
          std::map<std::string, Texts>{{"ann", {}}, {"bo", {"ann"}}, {"cy", {"ann", "bo"}}});
    CHECK(o.queries() == 4);
}

COVET_ORM_TEST("orm: prefetch_related nested: one query per level") {
    insert_blog(o);
    auto users = o.objects("User").prefetch_related({"posts__tags"}).order_by({"id"});
    o.reset_queries();
    const auto& records = users.records();
    CHECK(o.queries() == 3);  // users, their posts, the posts' tags
    std::map<std::string, Texts> tags_of_posts;
    for (const Record& user : records)
        for (const Record& post : *user.prefetched("posts"))
            tags_of_posts[post.get("title").as_text()] = names(*post.prefetched("tags"), "name");
    CHECK(tags_of_posts.size() == 5);
    CHECK(tags_of_posts["Intro"] == Texts{"python", "sql"});
    CHECK(tags_of_posts["Bob's notes"] == Texts{"rust", "sql"});
    CHECK(tags_of_posts["Draft 100%_x"].empty());
    auto both = o.objects("Tag").prefetch_related({"posts", "posts__comment_set"}).order_by({"id"});
    o.reset_queries();
    std::vector<std::size_t> comments;
    for (const Record& post : *both.records().front().prefetched("posts"))  // python
        comments.push_back(post.prefetched("comment_set")->size());
    CHECK(o.queries() == 3);  // "posts" once for both lookups
    std::sort(comments.begin(), comments.end());
    CHECK(comments == std::vector<std::size_t>{1, 2});  // Deep dive 1, Intro 2
}
