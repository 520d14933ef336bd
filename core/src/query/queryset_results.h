// What an evaluated QuerySet keeps (Django's _result_cache), shared by the
// copies of one QuerySet; chaining makes a QuerySet with none.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "covet/queryset.h"
#include "query/compiler.h"
#include "query/record_reader.h"

namespace covet {

// get(pk=...) on one QuerySet, compiled on its first call (queryset_get.cpp):
// the statement with the key as its last parameter, re-bound on each call,
// and how its rows become records.
struct GetByKeyPlan {
    std::string sql;
    std::vector<Value> params;  // the key last
    const Field* key = nullptr;
    std::shared_ptr<const RecordLayout> layout;
};

struct QuerySet::Results {
    std::optional<std::vector<Record>> records;
    std::optional<std::vector<NamedRow>> rows;
    std::shared_ptr<const GetByKeyPlan> get_plan;
    bool get_plan_tried = false;  // null after trying: this query cannot take one
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
