// What an evaluated QuerySet keeps (Django's _result_cache), shared by the
// copies of one QuerySet; chaining makes a QuerySet with none.
#pragma once

#include <optional>
#include <vector>

#include "covet/queryset.h"
#include "query/compiler.h"

namespace covet {

struct QuerySet::Results {
    std::optional<std::vector<Record>> records;
    std::optional<std::vector<NamedRow>> rows;
};

inline QueryCompiler compiler_of(const QuerySet& set) {
    return QueryCompiler(set.models().state(), set.database().dialect());
}

inline bool is_sliced(const Query& query) {
    return query.offset != 0 || query.limit.has_value();
}

// Django's QuerySet.ordered: an order_by(), or the model's default ordering
// where the query does not group (aggregating drops it).
inline bool is_ordered(const Query& query) {
    if (query.ordering_set) return !query.ordering.empty();
    if (query.model->ordering.empty()) return false;
    for (const Aliased& annotation : query.annotations)
        if (annotation.expr.is_aggregate()) return false;
    return true;
}

}  // namespace covet
