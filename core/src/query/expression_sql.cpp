// Value expressions as SQL: F references (joined as Django's resolve_ref:
// any equal join reused, LEFT OUTER where the relation may be empty),
// bound literals, parenthesised arithmetic and the aggregates.
#include "covet/error.h"
#include "query/expression_parts.h"

namespace covet::query_sql {

namespace {

const char* operator_text(Expr::Op op) {
    switch (op) {
        case Expr::Op::Add:
            return " + ";
        case Expr::Op::Sub:
            return " - ";
        case Expr::Op::Mul:
            return " * ";
        case Expr::Op::Div:
            return " / ";
    }
    return "";
}

}  // namespace

const char* function_name(Expr::Function function) {
    switch (function) {
        case Expr::Function::Count:
            return "COUNT";
        case Expr::Function::Sum:
            return "SUM";
        case Expr::Function::Avg:
            return "AVG";
        case Expr::Function::Max:
            return "MAX";
        case Expr::Function::Min:
            return "MIN";
    }
    return "";
}

ExprSql combined(Expr::Op op, ExprSql left, const ExprSql& right) {
    left.sql = Sql("(") + left.sql + Sql(operator_text(op)) + right.sql + Sql(")");
    left.aggregate = left.aggregate || right.aggregate;
    if (!left.field) left.field = right.field;
    return left;
}

const CompiledAnnotation* QueryBuild::annotation(const std::string& alias) const {
    for (const auto& a : annotations)
        if (a.alias == alias) return &a;
    return nullptr;
}

std::vector<std::string> QueryBuild::annotation_names() const {
    std::vector<std::string> names;
    for (const auto& a : query.annotations)
        names.push_back(a.alias.empty() ? a.expr.default_alias() : a.alias);
    return names;
}

bool QueryBuild::grouped() const {
    for (const auto& a : query.annotations)
        if (a.expr.is_aggregate()) return true;
    return false;
}

void QueryBuild::add_annotation(const Aliased& aliased) {
    const std::string alias = aliased.alias.empty() ? aliased.expr.default_alias() : aliased.alias;
    check_alias(alias);
    if (annotation(alias))
        throw QueryError("The annotation '" + alias + "' conflicts with another annotation.");
    if (model.find_field(alias) || state.resolve_relation(model, alias))
        throw QueryError("The annotation '" + alias + "' conflicts with a field on the model.");
    ExprSql value = compile_expr(aliased.expr, nullptr);
    annotations.push_back(CompiledAnnotation{alias, std::move(value)});
}

ExprSql QueryBuild::compile_expr(const Expr& expr, const std::set<std::string>* reuse,
                                 std::set<std::string>* used) {
    const Expr::Node& node = expr.node();
    switch (node.kind) {
        case Expr::Kind::Literal: {
            Sql literal = param(node.value);
            literal.text = dialect.expression_literal(literal.text, node.value.kind());
            return ExprSql{std::move(literal)};
        }
        case Expr::Kind::Field: {
            // Django's resolve_ref: an annotation by its whole name (`posts__count`).
            if (const CompiledAnnotation* a = annotation(node.field)) return a->value;
            const auto names = split_path(node.field);
            const ResolvedPath path = resolve_path(state, model, names, annotation_names());
            if (path.used != names.size()) unknown_field(state, *path.model, names[path.used], {});
            return ExprSql{path_column(path, reuse, used), path.field};
        }
        case Expr::Kind::Binary: {
            ExprSql left = compile_expr(Expr(node.left), reuse, used);
            return combined(node.op, std::move(left), compile_expr(Expr(node.right), reuse, used));
        }
        case Expr::Kind::Aggregate:
            break;
    }
    ExprSql out;
    out.aggregate = true;
    out.function = node.function;
    Sql argument("*");
    if (node.left) {
        const ExprSql inner = compile_expr(Expr(node.left), reuse, used);
        if (inner.aggregate)
            throw QueryError("Cannot compute " + std::string(function_name(node.function)) + "('" +
                             node.field + "'): '" + node.field + "' is an aggregate");
        argument = inner.sql;
        out.field = inner.field;
    }
    out.sql = Sql(function_name(node.function)) + Sql(node.distinct ? "(DISTINCT " : "(") +
              argument + Sql(")");
    return out;
}

}  // namespace covet::query_sql
