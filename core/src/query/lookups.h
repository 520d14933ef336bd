// Lookups and transforms of a filter path's tail (Django's lookups.py and
// the date transforms): `icontains`, `in`, `year__gte`, ... as SQL over an
// already compiled left-hand side.
#pragma once

#include <string>
#include <vector>

#include "covet/dialect.h"
#include "covet/field.h"
#include "covet/q.h"
#include "query/sql_fragment.h"

namespace covet::query_sql {

struct LookupTail {
    std::vector<std::string> transforms;  // year, month, day, date, in order
    std::string lookup = "exact";
};

// Reads `names` (after the field names) into transforms and one lookup;
// throws QueryError naming the valid ones. `relation`: the path ended at a
// relation, which takes only the related lookups.
LookupTail parse_tail(const Field& field, const std::vector<std::string>& names, bool relation);

// Whether `names` are one or more transforms of `field` in a row
// (`year`, `date__year`), as values() may end a path with.
bool transforms_only(const Field& field, const std::vector<std::string>& names);

// The transforms and lookups that may follow `field` in a path, sorted (Tab
// completion in the shell): for a relation, the related lookups only.
std::vector<std::string> lookup_names(const Field& field, bool relation);
// The field a transform's result compares as (an integer for year, a date
// for date); null when `name` is no transform of `field`.
const Field* transform_result(const Field& field, const std::string& name);

// The left-hand side after the transforms, and the field its values are
// bound as (an integer for year, a date for date).
Sql apply_transforms(const Dialect& dialect, const LookupTail& tail, Sql lhs, const Field*& field);

// The condition `lhs <lookup> operand`; `rhs_expression` the compiled
// operand when it is an expression. A None for exact is IS NULL.
Sql lookup_condition(const Dialect& dialect, const std::string& lookup, const Sql& lhs,
                     const Field* field, const Operand& operand, const Sql* rhs_expression);

// Whether the lookup is `isnull` with a true value, after exact None became isnull.
bool is_null_test(const std::string& lookup, const Operand& operand);

}  // namespace covet::query_sql
