// Reads a directory of YAML migrations (SPEC.md §4).
#pragma once

#include <string>
#include <vector>

#include "covet/migration.h"

namespace covet {

// Loads every *.yaml / *.yml file: top-level files belong to app `default`
// (or their `app:`), files in a subdirectory to the app named after it.
// Throws LoadError (file:line:column) for malformed YAML, unknown
// operations, keys, field types or options, and duplicate names. A missing
// directory is an empty set when `allow_missing`, else a LoadError.
std::vector<Migration> load_migration_directory(const std::string& directory,
                                                bool allow_missing = false);

// Parses one migration file's text; `file` is used in messages and for the
// migration's name (its stem).
Migration parse_migration_file(const std::string& file, const std::string& text,
                               const std::string& default_app);

}  // namespace covet
