// The desired models of makemigrations (SPEC.md §5): a YAML document with a
// `models:` list of create_table bodies, optionally `app:`.
#pragma once

#include <string>

#include "covet/model_state.h"

namespace covet {

// Builds the state the models describe, in any order of the list (a model
// may point at one defined after it). Throws LoadError at file:line:column
// for malformed YAML, unknown keys, types or options, a duplicate field or
// table, and a relation to a model that is not defined.
ProjectState parse_models_file(const std::string& file, const std::string& text,
                               const std::string& default_app = "default");
// Reads the file at `path`; a missing file is a LoadError naming it.
ProjectState load_models_file(const std::string& path, const std::string& default_app = "default");

}  // namespace covet
