// Lookup paths (`author__profile__bio`): Django's names_to_path and
// trim_joins. Each name is a field of the current model, `pk`, a
// ForeignKey's column name (`author_id`) or a reverse query name; the
// names after the last field are the lookups and transforms.
#pragma once

#include <string>
#include <vector>

#include "covet/model_state.h"
#include "query/joins.h"

namespace covet::query_sql {

struct ResolvedPath {
    std::vector<Hop> hops;              // the joins from the queried model, in order
    const ModelState* model = nullptr;  // the model that holds `field`
    const Field* field = nullptr;       // the field compared: a relation's target key when the path
                                        // ends at a relation (`author`, `tags`)
    std::string column;                 // the compared column on the last hop's table
    bool nullable = false;              // whether that column may be NULL
    bool relation = false;              // the path ends at a relation
    std::size_t used = 0;               // how many names were fields; the rest are lookups

    bool multi() const {
        for (const auto& hop : hops)
            if (hop.multi) return true;
        return false;
    }
};

std::vector<std::string> split_path(const std::string& path);

// Resolves the leading field names of `names` from `model`; `extra_choices`
// (annotation names) are listed in the error for an unknown first name.
ResolvedPath resolve_path(const ProjectState& state, const ModelState& model,
                          const std::vector<std::string>& names,
                          const std::vector<std::string>& extra_choices = {});

// The joins from `from` across `rel` (Django's PathInfos of the relation).
std::vector<Hop> relation_hops(const ProjectState& state, const ModelState& from,
                               const RelationEnd& rel);

// Django's "Cannot resolve keyword 'x' into field. Choices are: ..." error.
[[noreturn]] void unknown_field(const ProjectState& state, const ModelState& model,
                                const std::string& name,
                                const std::vector<std::string>& extra_choices);

// The names a lookup may use on `model`: fields, ForeignKey columns and
// reverse query names, sorted.
std::vector<std::string> field_choices(const ProjectState& state, const ModelState& model);

}  // namespace covet::query_sql
