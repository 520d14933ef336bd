// Writing the schema as YAML that covet reads back: a models file (the
// `models:` document makemigrations and inspectdb share) and a migration
// file (SPEC.md §4). Written through libyaml's emitter, so names and values
// with quotes, colons, '#' or non-ASCII text round-trip unchanged.
#pragma once

#include <string>

#include "covet/migration.h"
#include "covet/model_state.h"

namespace covet {

// The field in the shorthand the loader reads: `CharField(max_length=200)`,
// `ForeignKey(users, on_delete=CASCADE)`; only options that differ from the
// defaults are written.
std::string field_shorthand(const Field& field);

// A `models:` document: one create_table body per model (auto-created
// many-to-many tables left out), tables after the tables they point at,
// with unique_together, indexes and ordering. `app:` is written when every
// model has the same app and it is not `default`.
std::string models_yaml(const ProjectState& state);

// A migration file: app (unless `default`), dependencies, atomic (when
// false) and the operations in order. `comment` (may be empty) becomes the
// first line, as `# comment`.
std::string migration_yaml(const Migration& migration, const std::string& comment = "");

// The models of `state` in an order where every table comes after the
// tables its foreign keys and many-to-many fields point at (ties and cycles
// in table-name order); auto-created many-to-many tables left out.
std::vector<const ModelState*> models_in_dependency_order(const ProjectState& state);

}  // namespace covet
