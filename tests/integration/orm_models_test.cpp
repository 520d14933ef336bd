// The models of the ORM are the state the migrations build.
#include <catch2/catch.hpp>

#include "orm_harness.h"

COVET_ORM_TEST("orm: the models of the migrations are queryable by model and table name") {
    CHECK(o.models.model("Post").table == "posts");
    CHECK(o.models.model("post").name == "Post");
    CHECK(o.models.model("users").name == "User");
    CHECK(o.objects("Person").model().table == "people");
    CHECK_THROWS_AS(o.models.model("Nope"), covet::QueryError);
    CHECK_THROWS_WITH(o.models.model("Nope"), Catch::Contains("Comment, Person, Post"));
}
