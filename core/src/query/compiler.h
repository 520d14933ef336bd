// The query compiler: a Query over a model of a state becomes (sql, params)
// in a dialect's spelling. Nothing runs here, so every query is testable as
// a golden string (tests/unit). Names are resolved against the state; an
// unknown field, lookup or relation is a QueryError naming the valid ones.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "covet/dialect.h"
#include "covet/expression.h"
#include "covet/model_state.h"
#include "covet/value.h"
#include "query/query.h"

namespace covet {

struct CompiledSql {
    std::string sql;
    std::vector<Value> params;
};

// What one column of a compiled SELECT holds, so that the rows can be read
// back into records or named values.
struct SelectColumn {
    enum class Kind {
        Field,       // a concrete field of `model`; `relation_path` empty for the queried model
        Annotation,  // annotate() / aggregate() result named `name`
        Value,       // a values()/values_list() entry named `name` (its field in `field`, if any)
    };
    Kind kind = Kind::Field;
    std::string name;
    const ModelState* model = nullptr;
    const Field* field = nullptr;  // the field read (a Value or Annotation over a field: the field
                                   // whose type it keeps)
    // select_related: the relation path ("author", "author__profile") whose
    // related record this column belongs to; empty for the queried model.
    std::string relation_path;
    // The field whose kind the values take when not `field`'s own: a
    // ForeignKey's target key (query/key_field.h).
    const Field* value_field = nullptr;
    // Aggregate results keep Django's types: Count an integer, Avg a float
    // (a Decimal over a DecimalField), Sum/Min/Max the field's kind.
    bool aggregate = false;
    Expr::Function function = Expr::Function::Count;
};

struct CompiledSelect : CompiledSql {
    // The columns of the result, in order. A DISTINCT query may select more
    // (the ORDER BY terms it must select): readers ignore the ones after these.
    std::vector<SelectColumn> columns;
};

class QueryCompiler {
  public:
    QueryCompiler(const ProjectState& state, const Dialect& dialect)
        : state_(state), dialect_(dialect) {}

    // Resolves every name the query uses; throws QueryError. The QuerySet
    // calls it as each method is chained, so bad names fail early.
    void check(const Query& query) const;

    // The rows of the query in its shape: records (with select_related
    // columns, only/defer), values, values_list, annotations.
    CompiledSelect select(const Query& query) const;
    // SELECT COUNT(*) (over a subquery when the query is distinct, sliced or grouped).
    CompiledSql count(const Query& query) const;
    // SELECT 1 ... LIMIT 1.
    CompiledSql exists(const Query& query) const;
    // One row of aggregates over the query; columns name each alias.
    CompiledSelect aggregate(const Query& query, const std::vector<Aliased>& aggregates) const;
    // UPDATE of the matched rows: values or expressions by field name
    // (values go through value_for_db; F() may not cross relations). A query
    // that joins or groups updates `pk IN (SELECT ...)` of its own table;
    // where the dialect's features().update_can_self_select is false the
    // caller must first run primary_keys() and then update a query filtered
    // only by `pk__in` those keys (which compiles without a subquery).
    // Throws QueryError for a sliced query, as Django.
    CompiledSql update(const Query& query,
                       const std::vector<std::pair<std::string, Expr>>& assignments) const;
    // SELECT of the primary keys the query matches (ordering and slicing kept).
    CompiledSql primary_keys(const Query& query) const;

  private:
    const ProjectState& state_;
    const Dialect& dialect_;
};

}  // namespace covet
