// Builds project states from migration text, for the state and relation
// index tests.
#pragma once

#include <string>

#include "covet/loader.h"
#include "covet/model_state.h"
#include "covet/state_at.h"

namespace covet::state_test {

// Replays one migration file's operations onto `state`.
inline void replay(ProjectState& state, const std::string& yaml, const std::string& app = "blog") {
    apply_forwards(parse_migration_file(app + "/0001_x.yaml", yaml, app), state);
}

inline ProjectState state_of(const std::string& yaml) {
    ProjectState state;
    replay(state, yaml);
    return state;
}

// The models of the naming tests, as they were declared to Django 3.2.25
// (tests/unit/relation_names_django.py) to read its names back.
inline const char* const kDjangoModels = R"yaml(operations:
  - create_table:
      table: authors
      model: Author
      fields:
        name: CharField(max_length=10)
  - create_table:
      table: tags
      model: Tag
      fields:
        name: CharField(max_length=10)
  - create_table:
      table: posts
      model: Post
      fields:
        author: ForeignKey(Author, on_delete=CASCADE, related_name=posts)
        editor: ForeignKey(Author, on_delete=CASCADE)
        reviewer: "ForeignKey(Author, on_delete=CASCADE, related_name='+')"
        checker: "ForeignKey(Author, on_delete=CASCADE, related_name='checked+')"
        shadow: "ForeignKey(Author, on_delete=CASCADE, related_name='+', related_query_name=shadowed)"
        tags: ManyToManyField(Tag)
        labels: ManyToManyField(Tag, related_name=labelled_posts, related_query_name=labelled)
        hidden_tags: "ManyToManyField(Tag, related_name='+')"
  - create_table:
      table: blog_entries
      model: BlogEntry
      fields:
        author: ForeignKey(Author, on_delete=CASCADE, related_query_name=entry)
  - create_table:
      table: people
      model: Person
      fields:
        friends: ManyToManyField(self)
        follows: ManyToManyField(self, symmetrical=False)
        pals: ManyToManyField(self, related_name=palled)
)yaml";

}  // namespace covet::state_test
