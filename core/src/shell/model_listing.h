// What the meta-commands `.models` and `.schema MODEL` print: the models of
// the migrations, and one model's fields with their types and options, its
// relations both ways, its indexes, constraints and ordering.
#pragma once

#include <ostream>
#include <string>

#include "covet/models.h"

namespace covet::shell {

// One line per model: `Post  (table posts, 7 fields)`. Auto-created
// many-to-many through tables are left out: no manager reaches them.
void print_models(const Models& models, std::ostream& out);

// Throws QueryError naming the models there are for an unknown name.
void print_schema(const Models& models, const std::string& name, std::ostream& out);

}  // namespace covet::shell
