// prefetch_related: one extra query per relation and level, its rows handed
// to the records they belong to (Record::cache_prefetched for a reverse
// ForeignKey or many-to-many, Record::cache_related for a ForeignKey), as
// Django's prefetch_related_objects.
#pragma once

#include <string>
#include <vector>

#include "covet/queryset.h"

namespace covet {

// Throws QueryError unless every step of `lookup` ("posts__tags") is a
// relation accessor of the model it reaches.
void check_prefetch_lookup(const ProjectState& state, const ModelState& model,
                           const std::string& lookup);

void prefetch_related_objects(std::vector<Record>& records, const Database& db,
                              const Models& models, const ModelState& model,
                              const std::vector<std::string>& lookups);

}  // namespace covet
