// aggregate(): one row of aggregates over the query (Django's
// get_aggregation). Over a query that is sliced, distinct or annotated the
// aggregates read a subquery of its rows, as they must not change them.
#include "covet/error.h"
#include "query/compiler.h"
#include "query/expression_parts.h"
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

std::string alias_of(const Aliased& a) {
    const std::string alias = a.alias.empty() ? a.expr.default_alias() : a.alias;
    check_alias(alias);
    // As Django: an aggregate, or arithmetic over aggregates (Sum / Count).
    if (!a.expr.is_aggregate()) throw QueryError("'" + alias + "' is not an aggregate expression");
    return alias;
}

}  // namespace

namespace {

// An aggregate over the subquery: of an annotation's column, or of a field
// the subquery adds to what it selects (Django's rewrite_cols).
ExprSql aggregate_over_subquery(QueryBuild& b, const Expr::Node& node,
                                std::vector<SelectPart>& parts) {
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
    value.sql = Sql(function_name(node.function)) + Sql(node.distinct ? "(DISTINCT " : "(") +
                argument + Sql(")");
    return value;
}

// A term of aggregate() over the subquery: an aggregate, a literal, or
// arithmetic over them (typed as the non-subquery form types it).
ExprSql outer_term(QueryBuild& b, const Expr::Node& node, std::vector<SelectPart>& parts,
                   const std::string& alias) {
    switch (node.kind) {
        case Expr::Kind::Aggregate:
            return aggregate_over_subquery(b, node, parts);
        case Expr::Kind::Literal:
            return ExprSql{param(node.value)};
        case Expr::Kind::Binary: {
            ExprSql left = outer_term(b, *node.left, parts, alias);
            return combined(node.op, std::move(left), outer_term(b, *node.right, parts, alias));
        }
        case Expr::Kind::Field:
            break;
    }
    throw QueryError("'" + alias + "': F('" + node.field +
                     "') outside an aggregate has no single value over the rows");
}

struct OuterAggregate {
    Sql sql;
    SelectColumn column;
};

OuterAggregate over_subquery(QueryBuild& b, const Aliased& a, std::vector<SelectPart>& parts) {
    const std::string alias = alias_of(a);
    const ExprSql value = outer_term(b, a.expr.node(), parts, alias);
    return {value.sql + Sql(" AS " + b.dialect.quote_name(alias)),
            aggregate_column(alias, value, b.model)};
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
