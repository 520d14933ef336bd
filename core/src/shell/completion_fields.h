// Field names and `field__lookup` chains for the arguments of QuerySet
// methods, following relations as the ORM resolves them (query/path.h):
// `author__` offers the author's fields and the lookups a relation takes,
// `author__name__` the lookups of a CharField, `published_at__year__` those
// of the year's integer.
#pragma once

#include <string>
#include <vector>

#include "covet/model_state.h"

namespace covet::shell::completion {

enum class PathKind {
    Lookups,    // filter(), exclude(), get(), Q(): fields across relations, then lookups
    Fields,     // order_by(), values(), F(), Count(): fields across relations
    Relations,  // prefetch_related(): relations across relations
    ToOne,      // select_related(): relations to one row, across such relations
    Columns,    // create(), update(): the model's own fields, no chains
};

// The complete paths that start with `word` (which may end in `__` or in
// part of a name), from `model`; empty when `word` leaves the model's fields.
std::vector<std::string> path_candidates(const ProjectState& state, const ModelState& model,
                                         const std::string& word, PathKind kind);

}  // namespace covet::shell::completion
