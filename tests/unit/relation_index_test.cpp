// Reverse accessor and lookup names. The expected names are Django 3.2.25's
// for the same models (tests/unit/relation_names_django.py prints them); a
// hidden reverse has no name here where Django keeps an internal one ('+',
// 'friends_rel_+') that no lookup spells.
#include <catch2/catch.hpp>

#include "covet/model_state.h"
#include "covet/relation_index.h"
#include "state_test_support.h"

using namespace covet;
using covet::state_test::kDjangoModels;
using covet::state_test::state_of;

namespace {

// The reverse of `field_name` declared on `declared_on`, seen from `target`.
const RelationEnd* reverse_of(const ProjectState& state, const std::string& target,
                              const std::string& declared_on, const std::string& field_name) {
    for (const RelationEnd& end : state.reverse_relations_of(*state.find_model(target)))
        if (end.declared_on->name == declared_on && end.field->name == field_name) return &end;
    return nullptr;
}

std::string accessor(const ProjectState& state, const std::string& target,
                     const std::string& declared_on, const std::string& field_name) {
    const RelationEnd* end = reverse_of(state, target, declared_on, field_name);
    return end ? end->accessor : "<no reverse>";
}

std::string query_name(const ProjectState& state, const std::string& target,
                       const std::string& declared_on, const std::string& field_name) {
    const RelationEnd* end = reverse_of(state, target, declared_on, field_name);
    return end ? end->query_name : "<no reverse>";
}

}  // namespace

TEST_CASE("reverse names of a ForeignKey: related_name, else <model>_set and <model>") {
    const ProjectState state = state_of(kDjangoModels);
    CHECK(accessor(state, "Author", "Post", "author") == "posts");
    CHECK(query_name(state, "Author", "Post", "author") == "posts");
    CHECK(accessor(state, "Author", "Post", "editor") == "post_set");
    CHECK(query_name(state, "Author", "Post", "editor") == "post");
    // related_query_name names the lookup only; the accessor stays <model>_set.
    CHECK(accessor(state, "Author", "BlogEntry", "author") == "blogentry_set");
    CHECK(query_name(state, "Author", "BlogEntry", "author") == "entry");
}

TEST_CASE("a related_name ending in '+' hides the reverse accessor") {
    const ProjectState state = state_of(kDjangoModels);
    for (const char* field : {"reviewer", "checker", "shadow"}) {
        const RelationEnd* end = reverse_of(state, "Author", "Post", field);
        REQUIRE(end);
        CHECK(end->hidden());
    }
    CHECK(query_name(state, "Author", "Post", "reviewer").empty());
    CHECK(query_name(state, "Author", "Post", "checker").empty());
    // As Django: an explicit related_query_name still reaches a hidden reverse.
    CHECK(query_name(state, "Author", "Post", "shadow") == "shadowed");
    CHECK(query_name(state, "Tag", "Post", "hidden_tags").empty());
    CHECK(accessor(state, "Tag", "Post", "hidden_tags").empty());
    // Hidden reverses are still listed: the deletion collector follows them.
    CHECK(state.reverse_relations_of(*state.find_model("Author")).size() == 6);
}

TEST_CASE("one-to-one reverse names: the lower-cased model name, without _set") {
    Field user = field("user", "ForeignKey(Author, on_delete=CASCADE)");
    CHECK(reverse_accessor_name(user, RelationKind::OneToOne, "Profile", false) == "profile");
    CHECK(reverse_query_name(user, "Profile", false) == "profile");
    Field backup = field("backup", "ForeignKey(Author, on_delete=CASCADE, related_name=spare)");
    CHECK(reverse_accessor_name(backup, RelationKind::OneToOne, "Profile", false) == "spare");
    CHECK(reverse_query_name(backup, "Profile", false) == "spare");
    CHECK(reverse_accessor_name(user, RelationKind::ManyToOne, "Profile", false) == "profile_set");
    Field hidden = field("x", "ForeignKey(Author, on_delete=CASCADE, related_name='x+')");
    CHECK(reverse_accessor_name(hidden, RelationKind::OneToOne, "Profile", false).empty());
}

TEST_CASE("a many-to-many field is a relation from both of its models") {
    const ProjectState state = state_of(kDjangoModels);
    const ModelState& post = *state.find_model("Post");
    const ModelState& tag = *state.find_model("Tag");
    const RelationEnd* forward = state.resolve_relation(post, "tags");
    REQUIRE(forward);
    CHECK_FALSE(forward->reverse);
    CHECK(forward->related == &tag);
    CHECK(forward->to_many());
    CHECK(forward->kind == RelationKind::ManyToMany);

    const RelationEnd* back = state.resolve_relation(tag, "post");
    REQUIRE(back);
    CHECK(back->reverse);
    CHECK(back->field->name == "tags");
    CHECK(back->related == &post);
    CHECK(back->to_many());
    CHECK(state.relations().by_accessor(tag, "post_set") == back);

    const RelationEnd* labels = state.resolve_relation(tag, "labelled");
    REQUIRE(labels);
    CHECK(labels->field->name == "labels");
    CHECK(state.relations().by_accessor(tag, "labelled_posts") == labels);
    CHECK(state.resolve_relation(tag, "labelled_posts") ==
          nullptr);  // the accessor, not the lookup
}

TEST_CASE("a symmetrical many-to-many to its own model has no reverse name") {
    const ProjectState state = state_of(kDjangoModels);
    const ModelState& person = *state.find_model("Person");
    CHECK(accessor(state, "Person", "Person", "friends").empty());
    CHECK(query_name(state, "Person", "Person", "friends").empty());
    // Symmetrical too: Django ignores its related_name.
    CHECK(accessor(state, "Person", "Person", "pals").empty());
    CHECK(state.relations().by_accessor(person, "palled") == nullptr);
    // symmetrical=False has a reverse as any many-to-many.
    CHECK(accessor(state, "Person", "Person", "follows") == "person_set");
    const RelationEnd* follows = state.resolve_relation(person, "person");
    REQUIRE(follows);
    CHECK(follows->reverse);
    CHECK(follows->field->name == "follows");
    // Both ends of a self relation are on the model: the field name is forward.
    const RelationEnd* friends = state.resolve_relation(person, "friends");
    REQUIRE(friends);
    CHECK_FALSE(friends->reverse);
    CHECK(friends->related == &person);
}

TEST_CASE("lookups resolve forward fields first and reject accessors and plain fields") {
    const ProjectState state = state_of(kDjangoModels);
    const ModelState& author = *state.find_model("Author");
    const ModelState& post = *state.find_model("Post");
    const RelationEnd* forward = state.resolve_relation(post, "author");
    REQUIRE(forward);
    CHECK(forward->related == &author);
    CHECK_FALSE(forward->to_many());
    CHECK(state.resolve_relation(author, "posts")->field->name == "author");
    CHECK(state.resolve_relation(author, "post")->field->name == "editor");
    CHECK(state.resolve_relation(author, "entry")->declared_on->name == "BlogEntry");
    CHECK(state.resolve_relation(author, "post_set") == nullptr);
    CHECK(state.resolve_relation(author, "blogentry") == nullptr);
    CHECK(state.resolve_relation(author, "name") == nullptr);  // a column, not a relation
    CHECK(state.resolve_relation(author, "+") == nullptr);
    CHECK(state.relations().by_accessor(author, "post_set")->field->name == "editor");
    CHECK(state.relations().by_accessor(author, "blogentry_set")->declared_on->name == "BlogEntry");
}

TEST_CASE("a field of the model shadows a reverse name of the same spelling") {
    const ProjectState state = state_of(R"yaml(operations:
  - create_table: {table: users, model: User, fields: {post: IntegerField()}}
  - create_table: {table: posts, model: Post, fields: {user: "ForeignKey(User, on_delete=CASCADE)"}}
)yaml");
    const ModelState& user = *state.find_model("User");
    CHECK(state.resolve_relation(user, "post") == nullptr);
    CHECK(state.relations().by_accessor(user, "post_set")->field->name == "user");
}
