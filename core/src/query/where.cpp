// filter()/exclude() conditions: Django's Query._add_q and build_filter,
// with the JoinPromoter's votes deciding INNER or LEFT OUTER joins, the
// sticky reuse of multi-valued joins within one call, negation over
// nullable columns, HAVING for conditions on aggregates, and exclusion
// across multi-valued relations as `NOT (pk IN (subquery))` (split_exclude).
#include <map>

#include "covet/error.h"
#include "query/lookups.h"
#include "query/query_build.h"

namespace covet::query_sql {

namespace {

// Django's JoinPromoter: under AND any child needing a join makes it INNER;
// under OR a join only some children need becomes LEFT OUTER.
class JoinPromoter {
  public:
    JoinPromoter(Q::Connector connector, std::size_t children, bool negated) : children_(children) {
        and_ = (connector == Q::Connector::And) != negated;
    }
    void vote(const std::set<std::string>& aliases) {
        for (const auto& a : aliases)
            ++votes_[a];
    }
    std::set<std::string> update(Joins& joins) const {
        std::set<std::string> promote, demote;
        for (const auto& [alias, votes] : votes_) {
            if (!and_ && votes < children_) promote.insert(alias);
            if (and_ || votes == children_) demote.insert(alias);
        }
        joins.promote(promote);
        joins.demote(demote);
        return demote;
    }

  private:
    std::size_t children_;
    bool and_ = true;
    std::map<std::string, std::size_t> votes_;
};

Sql wrap(const std::vector<Sql>& parts, Q::Connector connector, bool negated) {
    Sql joined = join_sql(parts, connector == Q::Connector::And ? " AND " : " OR ");
    if (joined.empty()) return joined;
    if (negated) return Sql("NOT (") + joined + Sql(")");
    if (parts.size() > 1) return Sql("(") + joined + Sql(")");
    return joined;
}

}  // namespace

void QueryBuild::add_filter(const Query::Filter& filter) {
    const std::set<std::string> existing_inner = joins.inner_aliases();
    std::set<std::string> used;
    auto node = std::make_shared<Q::Node>();
    node->negated = filter.exclude;
    node->children.push_back(filter.condition.node_ptr());
    Condition c = add_q(*node, used, false, false);
    if (!c.where.empty()) where.push_back(std::move(c.where));
    if (!c.having.empty()) having.push_back(std::move(c.having));
    joins.demote(existing_inner);
}

Condition QueryBuild::add_q(const Q::Node& node, std::set<std::string>& used, bool negated,
                            bool branch_negated) {
    // ~(a AND b) is one negated node of a and b, as Django's ~Q(a, b).
    if (node.negated && node.lookups.empty() && node.children.size() == 1 &&
        !node.children[0]->negated) {
        Q::Node merged = *node.children[0];
        merged.negated = true;
        return add_q(merged, used, negated, branch_negated);
    }
    negated = negated != node.negated;
    branch_negated = branch_negated || node.negated;
    JoinPromoter promoter(node.connector, node.lookups.size() + node.children.size(), negated);
    std::vector<Sql> wheres, havings;
    std::vector<Sql> whole;  // each child entire, for a node that goes to HAVING as one
    const std::size_t count = node.lookups.size() + node.children.size();
    auto add = [&](Condition c) {
        promoter.vote(c.needed_inner);
        if (c.pair && count > 1) c.where = Sql("(") + c.where + Sql(")");
        Sql all = c.where;
        if (!c.having.empty())
            all = all.empty() ? c.having : Sql("(") + all + Sql(" AND ") + c.having + Sql(")");
        if (!all.empty()) whole.push_back(all);
        if (!c.where.empty()) wheres.push_back(std::move(c.where));
        if (!c.having.empty()) havings.push_back(std::move(c.having));
    };
    for (const auto& lookup : node.lookups)
        add(build_filter(lookup, used, negated, branch_negated));
    for (const auto& child : node.children)
        add(add_q(*child, used, negated, branch_negated));
    Condition out;
    out.needed_inner = promoter.update(joins);
    const bool splittable = node.connector == Q::Connector::And && !node.negated;
    if (havings.empty()) {
        out.where = wrap(wheres, node.connector, node.negated);
    } else if (splittable) {
        out.where = wrap(wheres, node.connector, false);
        out.having = wrap(havings, node.connector, false);
    } else {
        out.having = wrap(whole, node.connector, node.negated);
    }
    return out;
}

Condition QueryBuild::build_filter(const Lookup& lookup, std::set<std::string>& used, bool negated,
                                   bool branch_negated) {
    const auto names = split_path(lookup.path);
    std::size_t used_names = 0;
    if (const CompiledAnnotation* a = annotation_prefix(names, used_names))
        return annotation_filter(*a, {names.begin() + static_cast<long>(used_names), names.end()},
                                 lookup, used);
    const ResolvedPath path = resolve_path(state, model, names, annotation_names());
    if (branch_negated && path.multi()) return Condition{split_exclude(lookup), {}, {}};
    const LookupTail tail = parse_tail(
        *path.field, {names.begin() + static_cast<long>(path.used), names.end()}, path.relation);
    std::set<std::string> joined;
    const auto aliases = setup_joins(path, &used, &joined);
    used.insert(joined.begin(), joined.end());
    const Field* field = path.field;
    const Sql lhs =
        apply_transforms(dialect, tail, Sql(column(aliases.back(), path.column)), field);
    const ExprSql rhs = rhs_expression(lookup.operand, used);
    Condition out;
    out.where = lookup_condition(dialect, tail.lookup, lhs, field, lookup.operand,
                                 rhs.sql.empty() ? nullptr : &rhs.sql);
    const bool null_test = is_null_test(tail.lookup, lookup.operand);
    bool require_outer = null_test && !negated;
    if (negated && !null_test) {
        require_outer = true;
        // Parenthesised only beside other parts (add_q): NOT (x = ? AND x IS NOT NULL).
        if (tail.lookup != "isnull" && (path.nullable || joins.is_outer(aliases.back()))) {
            out.where = out.where + Sql(" AND ") + lhs + Sql(" IS NOT NULL");
            out.pair = true;
        }
    }
    if (!require_outer) out.needed_inner.insert(aliases.begin() + 1, aliases.end());
    if (rhs.aggregate) std::swap(out.where, out.having);  // compares with an aggregate
    return out;
}

namespace {

bool has_decimal_literal(const Expr::Node* node) {
    if (!node) return false;
    if (node->kind == Expr::Kind::Literal) return node->value.kind() == Value::Kind::Decimal;
    return has_decimal_literal(node->left.get()) || has_decimal_literal(node->right.get());
}

// Django's numeric mixin: arithmetic or a function (aggregate) whose output
// is a DecimalField, which Django casts where the back end asks for it.
bool decimal_valued(const Expr::Node& node, const ExprSql& value) {
    const bool decimal_field = value.field && value.field->type == FieldType::DecimalField;
    if (node.kind == Expr::Kind::Binary) return decimal_field || has_decimal_literal(&node);
    if (node.kind == Expr::Kind::Aggregate)
        return decimal_field && node.function != Expr::Function::Count;
    return false;
}

}  // namespace

ExprSql QueryBuild::rhs_expression(const Operand& operand, std::set<std::string>& used) {
    if (operand.kind() != Operand::Kind::Expression) return ExprSql{};
    ExprSql value = compile_expr(operand.expression(), &used, &used);
    if (value.aggregate && !grouped())
        throw QueryError("an aggregate cannot be used in a filter without annotate()");
    if (decimal_valued(operand.expression().node(), value))
        value.sql.text = dialect.decimal_expression(value.sql.text);
    return value;
}

// Django's refs_expression: the first run of leading names, joined by "__",
// that is an annotation (`posts__count__gt` on the default alias
// `posts__count`); `count` is how many names it took.
const CompiledAnnotation* QueryBuild::annotation_prefix(const std::vector<std::string>& names,
                                                        std::size_t& count) const {
    std::string alias;
    for (count = 1; count <= names.size(); ++count) {
        alias += (count == 1 ? "" : "__") + names[count - 1];
        if (const CompiledAnnotation* a = annotation(alias)) return a;
    }
    count = 0;
    return nullptr;
}

// An annotation as the left-hand side: one of decimal value as the dialect
// compares it with a bound Decimal.
Sql QueryBuild::annotation_lhs(const ExprSql& value) const {
    const bool counted = value.aggregate && value.function == Expr::Function::Count;
    if (!value.field || value.field->type != FieldType::DecimalField || counted) return value.sql;
    Sql lhs = value.sql;
    lhs.text = dialect.decimal_expression(lhs.text);
    return lhs;
}

// A condition on an annotation: its expression is the left-hand side; over
// an aggregate it belongs in HAVING. Negated, it gets no IS NOT NULL (as
// Django's build_filter for a reffed expression).
Condition QueryBuild::annotation_filter(const CompiledAnnotation& annotation,
                                        const std::vector<std::string>& tail_names,
                                        const Lookup& lookup, std::set<std::string>& used) {
    static const Field any_value;
    const Field* field =
        annotation.value.field && !annotation.value.aggregate ? annotation.value.field : nullptr;
    const LookupTail tail = parse_tail(field ? *field : any_value, tail_names, false);
    const Sql lhs = apply_transforms(dialect, tail, annotation_lhs(annotation.value), field);
    const ExprSql rhs = rhs_expression(lookup.operand, used);
    Sql condition = lookup_condition(dialect, tail.lookup, lhs, field, lookup.operand,
                                     rhs.sql.empty() ? nullptr : &rhs.sql);
    Condition out;
    (annotation.value.aggregate || rhs.aggregate ? out.having : out.where) = std::move(condition);
    return out;
}

// Django's split_exclude: the rows whose related rows match are found by a
// subquery, so that NOT excludes a row when any related row matches.
Sql QueryBuild::split_exclude(const Lookup& lookup) {
    Query inner;
    inner.model = &model;
    inner.filters.push_back(Query::Filter{Q(std::vector<Lookup>{lookup}), false});
    QueryBuild sub(state, dialect, inner, sub_prefix());
    sub.build_conditions();
    const std::string pk = model.primary_key()->column();
    Sql sql =
        Sql(column(joins.base_alias(), pk) + " IN (SELECT " +
            sub.column(sub.joins.base_alias(), pk) + " FROM " + sub.joins.from_clause(dialect));
    if (!sub.where.empty()) sql += Sql(" WHERE ") + join_sql(sub.where, " AND ");
    sql += ")";
    return sql;
}

}  // namespace covet::query_sql
