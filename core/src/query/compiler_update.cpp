// update(): UPDATE of the matched rows (Django's SQLUpdateCompiler). A
// query that joins other tables or groups updates `pk IN (subquery)`; a
// dialect whose features say !update_can_self_select (a table cannot be read
// in a subquery of its own UPDATE) has the caller select primary_keys()
// first and update `pk__in` those values, which compiles without a join.
#include "covet/error.h"
#include "query/compiler.h"
#include "query/field_value.h"
#include "query/select_list.h"

namespace covet {

using namespace query_sql;

namespace {

const Field& assigned_field(const ModelState& model, const std::string& name) {
    const Field* field = model.find_field(name);
    if (!field) field = model.find_field_or_column(name);
    if (!field || field->is_many_to_many())
        throw QueryError("Cannot update model field '" + name + "' of '" + model.name +
                         "' (only non-relations and foreign keys permitted).");
    return *field;
}

Sql assignment_value(QueryBuild& target, const Field& field, const Expr& expr) {
    if (expr.node().kind == Expr::Kind::Literal)
        return param(value_for_save(field, value_for_db(field, expr.node().value)));
    const ExprSql value = target.compile_expr(expr, nullptr);
    if (!target.joins.empty())
        throw QueryError("Joined field references are not permitted in this query");
    if (value.aggregate) throw QueryError("Aggregate functions are not allowed in this query");
    return value.sql;
}

}  // namespace

CompiledSql QueryCompiler::update(
    const Query& query, const std::vector<std::pair<std::string, Expr>>& assignments) const {
    if (query.limit || query.offset > 0)
        throw QueryError("Cannot update a query once a slice has been taken.");
    if (assignments.empty()) throw QueryError("update() needs at least one field to set");
    Query plain;
    plain.model = query.model;
    QueryBuild target(state_, dialect_, plain);
    std::vector<Sql> sets;
    for (const auto& [name, expr] : assignments) {
        const Field& field = assigned_field(target.model, name);
        sets.push_back(Sql(dialect_.quote_name(field.column()) + " = ") +
                       assignment_value(target, field, expr));
    }
    Sql sql =
        Sql("UPDATE " + dialect_.quote_name(target.model.table) + " SET ") + join_sql(sets, ", ");
    QueryBuild b(state_, dialect_, query);
    b.build_conditions();
    if (b.joins.empty() && !b.grouped()) {
        sql += where_clause(b);
    } else {
        QueryBuild sub(state_, dialect_, query, "U");
        sub.build_conditions();
        const std::string pk = sub.model.primary_key()->column();
        SelectColumn c;
        const std::vector<SelectPart> parts{
            SelectPart{Sql(sub.column(sub.joins.base_alias(), pk)), c}};
        const Sql inner = select_statement(sub, parts, group_by(sub, parts, {}), {}, {});
        sql += Sql(" WHERE " + target.column(target.joins.base_alias(), pk) + " IN (") + inner +
               Sql(")");
    }
    return CompiledSql{placeholders(sql.text, dialect_), sql.params};
}

}  // namespace covet
