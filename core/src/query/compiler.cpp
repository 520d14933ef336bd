// The statements of a Query: the parts (query_build.h, select_list.h) put
// together as Django's SQLCompiler, SQLAggregateCompiler and get_count do.
#include "query/compiler.h"

#include "covet/error.h"
#include "query/select_list.h"

namespace covet {

using namespace query_sql;

namespace {

CompiledSql finish(const Sql& sql, const Dialect& dialect) {
    return CompiledSql{placeholders(sql.text, dialect), sql.params};
}

bool sliced(const Query& q) {
    return q.limit.has_value() || q.offset > 0;
}

// A subquery of the query's rows for count(), exists() and aggregate():
// ordering kept only where it picks the rows of a slice.
Sql inner_statement(QueryBuild& b, std::vector<SelectPart> parts) {
    const std::vector<OrderPart> order =
        sliced(b.query) ? order_parts(b) : std::vector<OrderPart>{};
    if (b.query.distinct) parts = with_order_columns(parts, order);
    const std::vector<Sql> group = group_by(b, parts, order);
    StatementOptions options{b.query.distinct, b.query.limit, b.query.offset, true};
    return select_statement(b, parts, group, order, options);
}

}  // namespace

void QueryCompiler::check(const Query& query) const {
    if (query.shape == Query::Shape::FlatList && query.value_fields.size() > 1)
        throw QueryError(
            "'flat' is not valid when values_list is called with more than one field.");
    select(query);
}

CompiledSelect QueryCompiler::select(const Query& query) const {
    QueryBuild b(state_, dialect_, query);
    b.build_conditions();
    const std::vector<SelectPart> parts = select_list(b, true);
    const std::vector<OrderPart> order = order_parts(b);
    const std::vector<Sql> group = group_by(b, parts, order);
    StatementOptions options{query.distinct, query.limit, query.offset, false};
    const auto selected = query.distinct ? with_order_columns(parts, order) : parts;
    Sql sql = select_statement(b, selected, group, order, options);
    if (query.for_update)
        sql += dialect_.lock_clause(query.for_update_nowait, query.for_update_skip_locked);
    CompiledSelect out;
    static_cast<CompiledSql&>(out) = finish(sql, dialect_);
    for (const auto& p : parts)
        out.columns.push_back(p.column);
    return out;
}

CompiledSql QueryCompiler::count(const Query& query) const {
    QueryBuild b(state_, dialect_, query);
    b.build_conditions();
    if (query.distinct || sliced(query) || !query.annotations.empty()) {
        const Sql inner = inner_statement(b, select_list(b, false));
        return finish(Sql("SELECT COUNT(*) FROM (") + inner + Sql(") subquery"), dialect_);
    }
    return finish(Sql("SELECT COUNT(*) FROM " + b.joins.from_clause(dialect_)) + where_clause(b),
                  dialect_);
}

CompiledSql QueryCompiler::exists(const Query& query) const {
    QueryBuild b(state_, dialect_, query);
    b.build_conditions();
    const std::string limit = dialect_.limit_offset(1, 0);
    if (query.distinct || sliced(query) || b.grouped()) {
        const Sql inner = inner_statement(b, select_list(b, false));
        return finish(Sql("SELECT 1 AS " + dialect_.quote_name("a") + " FROM (") + inner +
                          Sql(") subquery" + limit),
                      dialect_);
    }
    return finish(
        Sql("SELECT 1 AS " + dialect_.quote_name("a") + " FROM " + b.joins.from_clause(dialect_)) +
            where_clause(b) + Sql(limit),
        dialect_);
}

CompiledSql QueryCompiler::primary_keys(const Query& query) const {
    QueryBuild b(state_, dialect_, query);
    b.build_conditions();
    const Field* pk = b.model.primary_key();
    if (!pk) throw QueryError("model '" + b.model.name + "' has no primary key");
    SelectColumn c;
    c.name = pk->name;
    c.model = &b.model;
    c.field = pk;
    const std::vector<SelectPart> parts{
        SelectPart{Sql(b.column(b.joins.base_alias(), pk->column())), c}};
    const std::vector<OrderPart> order = order_parts(b);
    const std::vector<Sql> group = group_by(b, parts, order);
    StatementOptions options{query.distinct, query.limit, query.offset, false};
    const auto selected = query.distinct ? with_order_columns(parts, order) : parts;
    return finish(select_statement(b, selected, group, order, options), dialect_);
}

}  // namespace covet
