// QuerySet methods that read or change the matched rows as a whole:
// aggregate(), in_bulk() and update().
#include <algorithm>
#include <set>
#include <string>

#include "covet/error.h"
#include "query/query.h"
#include "query/queryset_results.h"
#include "query/record_reader.h"

namespace covet {

namespace {

// Key order for in_bulk(): by value within a kind.
bool value_less(const Value& a, const Value& b) {
    if (a.kind() != b.kind()) return a.kind() < b.kind();
    switch (a.kind()) {
        case Value::Kind::Int:
            return a.as_int() < b.as_int();
        case Value::Kind::Float:
            return a.as_double() < b.as_double();
        case Value::Kind::Decimal:
            return a.as_decimal() < b.as_decimal();
        case Value::Kind::DateTime:
            return a.as_datetime() < b.as_datetime();
        case Value::Kind::Uuid:
            return a.as_uuid() < b.as_uuid();
        case Value::Kind::Text:
            return a.as_text() < b.as_text();
        default:
            return a.to_string() < b.to_string();
    }
}

bool expression_spans(const Expr::Node* node) {
    if (!node) return false;
    if (node->kind == Expr::Kind::Field && node->field.find("__") != std::string::npos) return true;
    return expression_spans(node->left.get()) || expression_spans(node->right.get());
}

// Whether a condition reads another table (a join, or a subquery for a
// multi-valued relation). Errs on the side of yes: the cost is one SELECT.
bool condition_spans(const ProjectState& state, const ModelState& model, const Q::Node& node) {
    for (const Lookup& lookup : node.lookups) {
        const std::size_t cut = lookup.path.find("__");
        const RelationEnd* end = state.resolve_relation(model, lookup.path.substr(0, cut));
        if (end && (end->to_many() || cut != std::string::npos)) return true;
        if (lookup.operand.kind() == Operand::Kind::Expression &&
            expression_spans(&lookup.operand.expression().node()))
            return true;
    }
    for (const auto& child : node.children)
        if (condition_spans(state, model, *child)) return true;
    return false;
}

bool query_spans(const ProjectState& state, const Query& query) {
    for (const Query::Filter& filter : query.filters)
        if (condition_spans(state, *query.model, filter.condition.node())) return true;
    return false;
}

std::size_t batch_size(const Database& db) {
    return std::max<std::size_t>(1, db.dialect().features().max_query_params / 2);
}

}  // namespace

NamedRow QuerySet::aggregate(const std::vector<Aliased>& aggregates) const {
    std::vector<Aliased> named;
    std::set<std::string> aliases;
    for (const Aliased& given : aggregates) {
        Aliased aggregate = given;
        if (aggregate.alias.empty()) aggregate.alias = aggregate.expr.default_alias();
        if (!aggregate.expr.is_aggregate())
            throw QueryError("'" + aggregate.alias + "' is not an aggregate expression");
        if (!aliases.insert(aggregate.alias).second)
            throw QueryError("the aggregate alias '" + aggregate.alias + "' is given twice");
        named.push_back(std::move(aggregate));
    }
    if (named.empty()) return NamedRow{std::make_shared<std::vector<std::string>>(), {}};
    const CompiledSelect select = compiler_of(*this).aggregate(*query_, named);
    ResultSet result = db_.connection().query(select.sql, select.params);
    const RecordLayout layout(db_, models_, model(), select.columns);
    Row row = result.rows.empty() ? Row(select.columns.size()) : std::move(result.rows[0]);
    return layout.read_named(row);
}

namespace {

// The rows of `keys` (every row without keys) by their value of `field`.
std::vector<std::pair<Value, Record>> rows_by_key(const QuerySet& qs,
                                                  const std::vector<Value>* keys,
                                                  const std::string& field) {
    const ModelState& model = qs.model();
    if (is_sliced(qs.query())) throw QueryError("Cannot use 'limit' or 'offset' with in_bulk().");
    const Field* key_field = field == "pk" ? model.primary_key() : model.find_field(field);
    if (!key_field || !(key_field->primary_key || key_field->unique))
        throw QueryError("in_bulk()'s field_name must be a unique field but '" + field +
                         "' isn't.");
    std::vector<Record> found;
    if (!keys) {
        found = qs.records();
    } else {  // in batches the back end's parameter limit allows, as Django
        const std::size_t batch = batch_size(qs.database());
        for (std::size_t at = 0; at < keys->size(); at += batch) {
            std::vector<Value> part(
                keys->begin() + static_cast<std::ptrdiff_t>(at),
                keys->begin() + static_cast<std::ptrdiff_t>(std::min(keys->size(), at + batch)));
            const QuerySet set =
                qs.filter(Q({Lookup{key_field->name + "__in", part}})).order_by({});
            found.insert(found.end(), set.records().begin(), set.records().end());
        }
    }
    std::vector<std::pair<Value, Record>> by_key;
    for (Record& record : found) {
        Value key = key_field->primary_key ? record.pk() : record.get(key_field->name);
        by_key.emplace_back(std::move(key), std::move(record));
    }
    std::stable_sort(by_key.begin(), by_key.end(),
                     [](const auto& a, const auto& b) { return value_less(a.first, b.first); });
    return by_key;
}

}  // namespace

std::vector<std::pair<Value, Record>> QuerySet::in_bulk(const std::vector<Value>& keys,
                                                        const std::string& field) const {
    return rows_by_key(*this, &keys, field);
}

std::vector<std::pair<Value, Record>> QuerySet::in_bulk(std::nullopt_t,
                                                        const std::string& field) const {
    return rows_by_key(*this, nullptr, field);
}

// Where the back end cannot read the updated table in the UPDATE itself,
// the primary keys are selected first and the rows updated by them.
std::int64_t QuerySet::update(const std::vector<std::pair<std::string, Expr>>& assignments) const {
    if (is_sliced(*query_)) throw QueryError("Cannot update a query once a slice has been taken.");
    results_.reset();
    if (assignments.empty()) return 0;
    const QueryCompiler compiler = compiler_of(*this);
    Connection& connection = db_.connection();
    if (db_.dialect().features().update_can_self_select || !query_spans(models_.state(), *query_)) {
        const CompiledSql sql = compiler.update(*query_, assignments);
        return connection.execute(sql.sql, sql.params);
    }
    const CompiledSql select = compiler.primary_keys(*query_);
    std::vector<Value> keys;
    for (Row& row : connection.query(select.sql, select.params).rows)
        keys.push_back(std::move(row.at(0)));
    std::int64_t updated = 0;
    const std::size_t batch = batch_size(db_);
    for (std::size_t at = 0; at < keys.size(); at += batch) {
        Query by_key;
        by_key.model = query_->model;
        std::vector<Value> part(
            keys.begin() + static_cast<std::ptrdiff_t>(at),
            keys.begin() + static_cast<std::ptrdiff_t>(std::min(keys.size(), at + batch)));
        by_key.filters.push_back({Q({Lookup{"pk__in", std::move(part)}}), false});
        const CompiledSql sql = compiler.update(by_key, assignments);
        updated += connection.execute(sql.sql, sql.params);
    }
    return updated;
}

}  // namespace covet
