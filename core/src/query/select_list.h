// The SELECT list of a query's shape (records with only/defer and
// select_related, values, annotations), its ORDER BY (ordering.cpp) and
// Django's GROUP BY rules, and the SELECT statement put together.
#pragma once

#include <optional>
#include <vector>

#include "query/compiler.h"
#include "query/query_build.h"

namespace covet::query_sql {

struct SelectPart {
    Sql sql;
    SelectColumn column;
    bool aggregate = false;
};

struct OrderPart {
    Sql sql;
    bool descending = false;
    bool random = false;
    bool aggregate = false;  // an aggregate annotation: not grouped by
};

// The columns of the query's shape; `with_related`: select_related's too.
std::vector<SelectPart> select_list(QueryBuild& build, bool with_related);
// ORDER BY as the query asks (the model's ordering unless order_by() was
// called, none when grouping), reversed by reverse().
std::vector<OrderPart> order_parts(QueryBuild& build);
// `parts` and the ORDER BY terms not among them: SELECT DISTINCT must
// select what it orders by (Django adds them so too).
std::vector<SelectPart> with_order_columns(const std::vector<SelectPart>& parts,
                                           const std::vector<OrderPart>& order);
// Django's get_group_by: empty unless an annotation aggregates.
std::vector<Sql> group_by(QueryBuild& build, const std::vector<SelectPart>& parts,
                          const std::vector<OrderPart>& order);

struct StatementOptions {
    bool distinct = false;
    std::optional<std::int64_t> limit;
    std::int64_t offset = 0;
    bool alias_columns = false;  // AS "__colN": a subquery's columns need distinct names
};

// SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... ORDER BY ... LIMIT.
Sql select_statement(QueryBuild& build, const std::vector<SelectPart>& parts,
                     const std::vector<Sql>& group, const std::vector<OrderPart>& order,
                     const StatementOptions& options);
// " WHERE ..." (and HAVING) of the build; empty when unconditional.
Sql where_clause(const QueryBuild& build);

}  // namespace covet::query_sql
