// A state shared read-only between threads: several threads look models and
// relations up (the relation index is built by whichever asks first) and
// copy the state, while others derive new states from it. Meant for the
// sanitizer builds too: a data race or a use after free shows there.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

#include "covet/loader.h"
#include "covet/model_state.h"
#include "state_test_support.h"

using namespace covet;
using covet::state_test::kDjangoModels;
using covet::state_test::state_of;

namespace {

constexpr int kRounds = 200;

// One reader's round: every answer as the state was built.
bool read_round(const ProjectState& state) {
    const ModelState* author = state.find_model("blog", "author");
    if (!author || author->table != "authors" || author->find_field("age")) return false;
    const RelationEnd* posts = state.resolve_relation(*author, "posts");
    if (!posts || posts->field->name != "author" || posts->declared_on->table != "posts")
        return false;
    if (state.reverse_relations_of(*author).size() != 6) return false;
    const ModelState* tag = state.find_model("Tag");
    const RelationEnd* post = tag ? state.relations().by_accessor(*tag, "post_set") : nullptr;
    if (!post || post->related->table != "posts") return false;
    // A copy reads the same and may change without touching the original.
    ProjectState copy = state;
    copy.edit("authors").name = "Author";
    return copy.find_table("authors")->find_field("name") != nullptr;
}

// One writer's round: a state derived from the shared one by migrations.
bool derive_round(const ProjectState& shared, const Migration& changes) {
    ProjectState derived = shared;
    for (const auto& op : changes.operations)
        op->state_forwards("blog", derived);
    const ModelState* author = derived.find_model("Author");
    const RelationEnd* writes = author ? derived.resolve_relation(*author, "posts") : nullptr;
    return author && author->table == "writers" && author->find_field("age") && writes &&
           writes->field->name == "writer" && !derived.find_model("BlogEntry");
}

}  // namespace

TEST_CASE("a state is read from several threads while others derive states from it") {
    const ProjectState shared = state_of(kDjangoModels);
    const Migration changes = parse_migration_file("m/0002_changes.yaml", R"yaml(operations:
  - add_column: {table: authors, column: age, field: "IntegerField(null=True)"}
  - rename_table: {old: authors, new: writers}
  - rename_column: {table: posts, old: author, new: writer}
  - drop_table: {table: blog_entries}
)yaml",
                                                   "blog");
    std::atomic<int> failures{0};
    std::atomic<bool> start{false};
    std::vector<std::thread> threads;
    for (int t = 0; t < 6; ++t)
        threads.emplace_back([&, t] {
            while (!start.load())
                std::this_thread::yield();
            for (int round = 0; round < kRounds; ++round) {
                bool ok = t % 3 == 2 ? derive_round(shared, changes) : read_round(shared);
                if (!ok) ++failures;
            }
        });
    start = true;
    for (auto& thread : threads)
        thread.join();
    CHECK(failures.load() == 0);
    // The shared state is as it was built.
    CHECK(read_round(shared));
    CHECK(shared.find_table("blog_entries") != nullptr);
}
