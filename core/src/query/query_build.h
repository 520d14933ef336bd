// The compilation of one Query (or of a subquery inside it): its joins, its
// WHERE and HAVING conditions and its annotations, built in the order the
// QuerySet methods were called, as Django's Query object is. The statement
// shapes (select_list.cpp, compiler.cpp) are put together from these parts.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "covet/dialect.h"
#include "covet/expression.h"
#include "covet/model_state.h"
#include "query/joins.h"
#include "query/path.h"
#include "query/query.h"
#include "query/sql_fragment.h"

namespace covet::query_sql {

// A compiled value expression and what its result is.
struct ExprSql {
    Sql sql;
    const Field* field = nullptr;  // the field whose type the result keeps, if any
    bool aggregate = false;
    Expr::Function function = Expr::Function::Count;  // of the outermost aggregate
};

struct CompiledAnnotation {
    std::string alias;
    ExprSql value;
};

// A condition split as Django's split_having: the parts over aggregates go
// to HAVING. `needed_inner`: the joins it needs to match (Django's votes).
struct Condition {
    Sql where;
    Sql having;
    std::set<std::string> needed_inner;
    bool pair = false;  // `where` is "x ... AND x IS NOT NULL", unparenthesised
};

class QueryBuild {
  public:
    // `prefix` empty for the outermost query; "U", "V", ... for subqueries.
    QueryBuild(const ProjectState& state, const Dialect& dialect, const Query& query,
               std::string prefix = "");

    const ProjectState& state;
    const Dialect& dialect;
    const Query& query;
    const ModelState& model;
    Joins joins;
    std::vector<Sql> where;
    std::vector<Sql> having;
    std::vector<CompiledAnnotation> annotations;

    // The filters and annotations of the query, in call order.
    void build_conditions();

    std::string column(const std::string& alias, const std::string& column) const;
    // Joins `path`'s hops from the base table (reusing as Joins::join says)
    // and returns the aliases, base first; `used` collects the new ones.
    std::vector<std::string> setup_joins(const ResolvedPath& path,
                                         const std::set<std::string>* reuse,
                                         std::set<std::string>* used = nullptr);
    // A path's column, joined; `reuse`/`used` as setup_joins.
    Sql path_column(const ResolvedPath& path, const std::set<std::string>* reuse,
                    std::set<std::string>* used = nullptr);

    // expression_sql.cpp
    ExprSql compile_expr(const Expr& expr, const std::set<std::string>* reuse,
                         std::set<std::string>* used = nullptr);
    const CompiledAnnotation* annotation(const std::string& alias) const;
    std::vector<std::string> annotation_names() const;
    bool grouped() const;  // an aggregate annotation makes the query GROUP BY
    void add_annotation(const Aliased& aliased);
    // The alias prefix of this query's subqueries.
    std::string sub_prefix() const;

    // where.cpp
    void add_filter(const Query::Filter& filter);

  private:
    Condition add_q(const Q::Node& node, std::set<std::string>& used, bool negated,
                    bool branch_negated);
    Condition build_filter(const Lookup& lookup, std::set<std::string>& used, bool negated,
                           bool branch_negated);
    Condition annotation_filter(const CompiledAnnotation& annotation,
                                const std::vector<std::string>& tail_names, const Lookup& lookup,
                                std::set<std::string>& used);
    Sql annotation_lhs(const ExprSql& value) const;
    const CompiledAnnotation* annotation_prefix(const std::vector<std::string>& names,
                                                std::size_t& count) const;
    Sql split_exclude(const Lookup& lookup);
    ExprSql rhs_expression(const Operand& operand, std::set<std::string>& used);
};

// An identifier the user chose (an annotation alias): letters, digits and
// '_' only, so that it needs no trust when quoted.
void check_alias(const std::string& alias);

}  // namespace covet::query_sql
