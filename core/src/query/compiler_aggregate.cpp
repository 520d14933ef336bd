// aggregate(): one row of aggregates over the query (Django's
// get_aggregation). Over a query that is sliced, distinct or annotated the
// aggregates read a subquery of its rows, as they must not change them.
#include "covet/error.h"
#include "query/compiler.h"
#include "query/select_list.h"

namespace covet {

using namespace query_sql;

namespace {

SelectColumn aggregate_column(const std::string& alias, const ExprSql& value,
                              const ModelState& model) {
    SelectColumn c;
    c.kind = SelectColumn::Kind::Annotation;
    c.name = alias;
    c.model = &model;
    c.field = value.field;
    c.aggregate = true;
    c.function = value.function;
    return c;
}

const char* function_name(Expr::Function function) {
    static const char* const names[] = {"COUNT", "SUM", "AVG", "MAX", "MIN"};
    return names[static_cast<int>(function)];
}

std::string alias_of(const Aliased& a) {
    const std::string alias = a.alias.empty() ? a.expr.default_alias() : a.alias;
    check_alias(alias);
    // As Django: an aggregate, or arithmetic over aggregates (Sum / Count).
    if (!a.expr.is_aggregate()) throw QueryError("'" + alias + "' is not an aggregate expression");
    return alias;
}

}  // namespace

namespace {

struct OuterAggregate {
    Sql sql;
    SelectColumn column;
};

// An aggregate over the subquery: of an annotation's column, or of a field
// the subquery adds to what it selects (Django's rewrite_cols).
OuterAggregate over_subquery(QueryBuild& b, const Aliased& a, std::vector<SelectPart>& parts) {
    const std::string alias = alias_of(a);
    const Expr::Node& node = a.expr.node();
    if (node.kind != Expr::Kind::Aggregate)
        throw QueryError("'" + alias +
                         "': arithmetic over aggregates needs a query without annotations, "
                         "distinct() or a slice");
    ExprSql value;
    value.aggregate = true;
    value.function = node.function;
    Sql argument("*");
    if (const CompiledAnnotation* inner = node.left ? b.annotation(node.field) : nullptr) {
        argument = Sql("subquery." + b.dialect.quote_name(inner->alias));
        value.field = inner->value.field;
    } else if (node.left) {
        const ExprSql column = b.compile_expr(Expr(node.left), nullptr);
        if (column.aggregate) throw QueryError("'" + node.field + "' is an aggregate");
        SelectColumn c;
        c.kind = SelectColumn::Kind::Value;
        c.name = node.field;
        parts.push_back(SelectPart{column.sql, c});
        argument = Sql("subquery." + b.dialect.quote_name("__col" + std::to_string(parts.size())));
        value.field = column.field;
    }
    const Sql sql = Sql(function_name(node.function)) + Sql(node.distinct ? "(DISTINCT " : "(") +
                    argument + Sql(") AS " + b.dialect.quote_name(alias));
    return {sql, aggregate_column(alias, value, b.model)};
}

CompiledSelect finish_select(const Sql& sql, std::vector<SelectColumn> columns,
                             const Dialect& dialect) {
    CompiledSelect out;
    out.sql = placeholders(sql.text, dialect);
    out.params = sql.params;
    out.columns = std::move(columns);
    return out;
}

}  // namespace

CompiledSelect QueryCompiler::aggregate(const Query& query,
                                        const std::vector<Aliased>& aggregates) const {
    QueryBuild b(state_, dialect_, query);
    b.build_conditions();
    std::vector<Sql> columns;
    std::vector<SelectColumn> result;
    const bool sliced = query.limit || query.offset > 0;
    if (!query.distinct && !sliced && query.annotations.empty()) {
        for (const auto& a : aggregates) {
            const std::string alias = alias_of(a);
            const ExprSql value = b.compile_expr(a.expr, nullptr);
            columns.push_back(value.sql + Sql(" AS " + dialect_.quote_name(alias)));
            result.push_back(aggregate_column(alias, value, b.model));
        }
        return finish_select(Sql("SELECT ") + join_sql(columns, ", ") +
                                 Sql(" FROM " + b.joins.from_clause(dialect_)) + where_clause(b),
                             std::move(result), dialect_);
    }
    std::vector<SelectPart> parts = select_list(b, false);
    for (const auto& a : aggregates) {
        OuterAggregate outer = over_subquery(b, a, parts);
        columns.push_back(std::move(outer.sql));
        result.push_back(std::move(outer.column));
    }
    const std::vector<OrderPart> order = sliced ? order_parts(b) : std::vector<OrderPart>{};
    if (query.distinct) parts = with_order_columns(parts, order);
    const std::vector<Sql> group = group_by(b, parts, order);
    StatementOptions options{query.distinct, query.limit, query.offset, true};
    const Sql inner = select_statement(b, parts, group, order, options);
    return finish_select(
        Sql("SELECT ") + join_sql(columns, ", ") + Sql(" FROM (") + inner + Sql(") subquery"),
        std::move(result), dialect_);
}

}  // namespace covet
