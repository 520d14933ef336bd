// What the expression compiler (expression_sql.cpp) and aggregate() over a
// subquery (compiler_aggregate.cpp) spell alike: arithmetic over two
// compiled terms and an aggregate function's name.
#pragma once

#include "query/query_build.h"

namespace covet::query_sql {

// "(left op right)": an aggregate when either side is, keeping the type of
// the first side that reads a field.
ExprSql combined(Expr::Op op, ExprSql left, const ExprSql& right);
const char* function_name(Expr::Function function);

}  // namespace covet::query_sql
