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

// Django's TransactionManagementError: a row lock outlives nothing outside
// a transaction (where the back end has row locks at all).
inline void require_lock_scope(const QuerySet& set) {
    const Database& db = set.database();
    if (set.query().for_update && !db.connection().in_transaction() &&
        !db.dialect().lock_clause(false, false).empty())
        throw QueryError("select_for_update cannot be used outside of a transaction.");
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
