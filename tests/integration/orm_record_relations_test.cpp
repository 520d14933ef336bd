// A record's ForeignKey loads lazily and is cached; its JSON (SPEC.md §6)
// round-trips every kind of value.
#include <catch2/catch.hpp>

#include "orm_fixture_rows.h"

using covet::Record;
using covet::Value;
using namespace covet::test;

COVET_ORM_TEST("orm: a foreign key loads its record on first access and caches it") {
    Record ann = make_user(o, "ann");
    Record bob = make_user(o, "bob");
    Record post = make_post(o, ann, "p");
    Record read(o.db, o.models, o.models.model("Post"), post.values());  // as a query reads it
    o.reset_queries();
    std::optional<Record> author = read.related("author");
    CHECK(o.queries() == 1);
    REQUIRE(author);
    CHECK(author->get("name") == Value("ann"));
    CHECK(*author == ann);
    read.related("author");
    CHECK(o.queries() == 1);  // cached
    read.set("author", bob.pk());
    CHECK(read.related("author")->get("name") == Value("bob"));
    CHECK(o.queries() == 2);              // the key changed: loaded again
    CHECK_FALSE(ann.related("profile"));  // a NULL key: no record, no query
    CHECK(o.queries() == 2);
    CHECK_THROWS_AS(read.related("title"), covet::QueryError);
}

COVET_ORM_TEST("orm: a record's JSON round trip keeps every value") {
    Record ann = make_user(o, "ann");
    Record post(o.db, o.models, o.models.model("Post"));
    post.set("title", "Quote \" and \\ and \xc5\xbc");
    post.set("author", ann);
    post.set("rating", "12.50");
    post.set("published_at", "2024-01-02T03:04:05.123456");
    post.save();
    const std::string json = post.to_json();
    CHECK_THAT(json, Catch::Contains("\"author_id\":" + ann.pk().to_string()));
    CHECK_THAT(json, Catch::Contains("\"rating\":\"12.50\""));
    CHECK_THAT(json, Catch::Contains("\"published_at\":\"2024-01-02T03:04:05.123456\""));
    Record back = Record::from_json(o.db, o.models, o.models.model("Post"), json);
    for (const covet::Field* field : o.models.model("Post").concrete_fields())
        CHECK(back.get(field->name) == post.get(field->name));
    back.set("view_count", 5);
    back.save();  // a key that exists: an update
    CHECK(count_rows(o, "posts") == 1);
    CHECK(raw_int(o, "SELECT \"view_count\" FROM \"posts\" WHERE \"id\" = ?", {post.pk()}) == 5);

    Record person(o.db, o.models, o.models.model("Person"));
    person.set("name", "p");
    person.set("token", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    person.set("data", covet::Json::parse("{\"k\": [1, 2.5, null]}"));
    person.save();
    Record person_back =
        Record::from_json(o.db, o.models, o.models.model("Person"), person.to_json());
    CHECK_THAT(person.to_json(), Catch::Contains("\"token\":\"a0eebc999c0b4ef8bb6d6bb9bd380a11\""));
    CHECK(person_back.get("token") == person.get("token"));
    CHECK(person_back.get("data") == person.get("data"));
    person.refresh_from_db();
    CHECK(person.get("data") == person_back.get("data"));
    CHECK_THROWS_AS(Record::from_json(o.db, o.models, o.models.model("Person"), "{\"nope\": 1}"),
                    covet::QueryError);
}
