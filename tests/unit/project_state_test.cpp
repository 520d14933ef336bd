// The model index and the relation index stay true to the models through
// every kind of operation; copies never see each other's changes.
#include <catch2/catch.hpp>

#include "covet/loader.h"
#include "covet/model_state.h"
#include "state_test_support.h"
#include "util/text_case.h"

using namespace covet;
using covet::state_test::kDjangoModels;
using covet::state_test::replay;
using covet::state_test::state_of;

namespace {

std::string describe(const RelationEnd& end) {
    return end.model->table + (end.reverse ? " <- " : " -> ") + end.related->table + " " +
           end.declared_on->table + "." + end.field->name + " accessor=" + end.accessor +
           " query=" + end.query_name;
}

std::vector<std::string> describe(const std::vector<RelationEnd>& ends) {
    std::vector<std::string> out;
    for (const auto& end : ends)
        out.push_back(describe(end));
    return out;
}

// Every model is found by table, by app and name in any case, and the
// relations the state gives (perhaps built before the last change) are those
// of its models as they are now.
void check_indexes_current(const ProjectState& state) {
    const RelationIndex fresh(state);
    for (const ModelState* model : state.models()) {
        INFO("model " << model->table);
        CHECK(state.find_table(model->table) == model);
        CHECK(state.find_model(model->app, model->name) == model);
        CHECK(state.find_model(model->app, to_upper(model->name)) == model);
        CHECK(state.find_model(to_lower(model->name)) == model);
        CHECK(describe(state.relations().forward_of(*model)) == describe(fresh.forward_of(*model)));
        CHECK(describe(state.reverse_relations_of(*model)) == describe(fresh.reverse_of(*model)));
        for (const RelationEnd& end : state.relations().forward_of(*model))
            CHECK(end.field == model->find_field(end.field->name));
    }
}

}  // namespace

TEST_CASE("models are found by app and model name in any case") {
    ProjectState state = state_of(R"yaml(operations:
  - create_table: {table: blog_posts, model: Post, fields: {title: TextField()}}
)yaml");
    replay(state, R"yaml(operations:
  - create_table: {table: shop_items, model: Item, fields: {title: TextField()}}
)yaml",
           "shop");
    const ModelState* post = state.find_table("blog_posts");
    REQUIRE(post);
    CHECK(state.find_model("blog", "Post") == post);
    CHECK(state.find_model("blog", "post") == post);
    CHECK(state.find_model("blog", "POST") == post);
    CHECK(state.find_model("shop", "Post") == nullptr);
    CHECK(state.find_model("Blog", "Post") == nullptr);  // app labels are exact
    CHECK(state.find_model("shop", "item") == state.find_table("shop_items"));
    CHECK(state.find_model("ITEM") == state.find_table("shop_items"));
    CHECK(state.find_model("Posts") == nullptr);
}

TEST_CASE("the indexes follow every kind of operation, even when read before it") {
    ProjectState state = state_of(kDjangoModels);
    const Migration changes = parse_migration_file("m/0002_changes.yaml", R"yaml(operations:
  - rename_table: {old: authors, new: writers}
  - rename_column: {table: posts, old: author, new: writer}
  - alter_column: {table: posts, column: editor, field: "ForeignKey(Author, on_delete=CASCADE, related_name=edited)"}
  - add_column: {table: tags, column: owner, field: "ForeignKey(Author, on_delete=SET_NULL, null=True)"}
  - create_index: {name: idx_tags_name, table: tags, columns: [name]}
  - alter_unique_together: {table: tags, unique_together: [[name, owner]]}
  - add_constraint: {table: tags, name: tag_named, check: "owner > 0"}
  - drop_column: {table: posts, column: reviewer}
  - drop_table: {table: blog_entries}
  - create_table: {table: notes, model: Note, fields: {about: "ForeignKey(Post, on_delete=CASCADE, related_name=notes)"}}
)yaml",
                                                   "blog");
    check_indexes_current(state);
    for (const auto& op : changes.operations) {
        INFO(op->describe());
        op->state_forwards("blog", state);
        check_indexes_current(state);
    }
    const ModelState& author = *state.find_model("Author");
    CHECK(author.table == "writers");
    CHECK(state.find_table("authors") == nullptr);
    CHECK(state.find_model("BlogEntry") == nullptr);
    CHECK(state.resolve_relation(author, "posts")->field->name == "writer");
    CHECK(state.resolve_relation(author, "edited")->field->name == "editor");
    CHECK(state.resolve_relation(author, "post") == nullptr);   // editor's old lookup name
    CHECK(state.resolve_relation(author, "entry") == nullptr);  // its model was dropped
    CHECK(state.resolve_relation(author, "tag")->declared_on->table == "tags");
    CHECK(state.resolve_relation(*state.find_model("Post"), "notes")->declared_on->name == "Note");
    // posts.writer, editor, checker and shadow, tags.owner
    CHECK(state.reverse_relations_of(author).size() == 5);
}

TEST_CASE("a copy keeps its models when the original changes, and the other way") {
    ProjectState original = state_of(kDjangoModels);
    original.edit("authors");  // create_table shared the models with a copy of the state
    const ModelState* authors = original.find_table("authors");
    // Its own since: a change is made in place, no copy of the model.
    original.edit("authors");
    CHECK(original.find_table("authors") == authors);

    ProjectState copy = original;
    original.edit("authors").fields.push_back(field("age", "IntegerField(null=True)"));
    CHECK(original.find_table("authors")->find_field("age"));
    CHECK_FALSE(copy.find_table("authors")->find_field("age"));
    CHECK(copy.find_table("authors") == authors);

    copy.edit("tags").fields.push_back(field("slug", "TextField(null=True)"));
    CHECK_FALSE(original.find_table("tags")->find_field("slug"));
    // A model the copy made itself since changes in place again.
    const ModelState* copied_tags = copy.find_table("tags");
    copy.edit("tags").ordering = {"slug"};
    CHECK(copy.find_table("tags") == copied_tags);
    CHECK(original.find_table("tags")->ordering.empty());
}

TEST_CASE("states at a set of migrations are replayed once per set") {
    std::vector<Migration> migrations;
    migrations.push_back(parse_migration_file("m/0001_a.yaml", R"yaml(operations:
  - create_table: {table: a, fields: {x: IntegerField()}}
)yaml",
                                              "blog"));
    migrations.push_back(parse_migration_file("m/0002_b.yaml", R"yaml(dependencies: [0001_a]
operations:
  - create_table: {table: b, fields: {a: "ForeignKey(a, on_delete=CASCADE)"}}
)yaml",
                                              "blog"));
    const MigrationGraph graph(std::move(migrations));
    const MigrationKey first{"blog", "0001_a"}, second{"blog", "0002_b"};
    StateCache cache(graph);
    const ProjectState& both = cache.at({first, second});
    CHECK(both.size() == 2);
    // Recorded keys without a file do not make another set.
    CHECK(&cache.at({first, second, {"blog", "0003_gone"}}) == &both);
    CHECK(cache.replays() == 1);
    CHECK(cache.at({first}).size() == 1);
    CHECK(cache.replays() == 2);
    ProjectState kept;
    cache.remember({}, kept);
    CHECK(cache.at({}).size() == 0);
    CHECK(cache.replays() == 2);
}
