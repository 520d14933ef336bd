// QuerySet::get(), Django's: unordered, at most 21 rows read to say how many
// matched. get(pk=...) is the hot path of many programs, so a QuerySet
// compiles it once and then only binds the next key (GetByKeyPlan).
#include <algorithm>
#include <string>

#include "covet/error.h"
#include "query/field_value.h"
#include "query/query.h"
#include "query/queryset_results.h"

namespace covet {

namespace {

constexpr std::int64_t kMaxGetResults = 21;

// Nothing when exactly one row matched; DoesNotExist or MultipleObjectsReturned otherwise.
void require_single(const ModelState& model, std::size_t found) {
    const std::string& name = model.name;
    if (found == 1) return;
    if (found == 0) throw DoesNotExist(name, name + " matching query does not exist.");
    const std::string how_many = found < static_cast<std::size_t>(kMaxGetResults)
                                     ? std::to_string(found)
                                     : "more than " + std::to_string(kMaxGetResults - 1);
    throw MultipleObjectsReturned(
        name, "get() returned more than one " + name + " -- it returned " + how_many + "!");
}

Record single(const ModelState& model, std::vector<Record>& found) {
    require_single(model, found.size());
    return std::move(found[0]);
}

// The key of get(pk=key) (also `<pk name>`, `__exact`) over a plain
// primary key; null for any other condition, or a query a plan cannot
// serve (sliced, values, prefetching).
const Value* key_lookup(const Query& query, const Q& condition) {
    const Q::Node& node = condition.node();
    if (node.negated || !node.children.empty() || node.lookups.size() != 1) return nullptr;
    const Lookup& lookup = node.lookups[0];
    const Field* pk = query.model->primary_key();
    if (!pk || pk->is_relation() || lookup.operand.kind() != Operand::Kind::Value ||
        lookup.operand.value().is_null())
        return nullptr;
    const std::string& path = lookup.path;
    if (path != "pk" && path != "pk__exact" && path != pk->name && path != pk->name + "__exact")
        return nullptr;
    if (query.offset != 0 || query.limit || query.shape != Query::Shape::Records ||
        !query.prefetch_related.empty())
        return nullptr;
    return &lookup.operand.value();
}

// The query get() runs: the condition added, no ordering, at most 21 rows.
std::shared_ptr<Query> get_query(const Query& base, const Q& condition) {
    auto query = std::make_shared<Query>(base);
    if (!condition.empty()) {
        if (base.offset != 0 || base.limit)
            throw QueryError("Cannot filter a query once a slice has been taken.");
        query->filters.push_back({condition, false, query->annotations.size()});
    }
    if (base.offset == 0 && !base.limit) {
        query->ordering.clear();
        query->ordering_set = true;
    }
    query->limit = query->limit ? std::min(*query->limit, kMaxGetResults) : kMaxGetResults;
    return query;
}

// A plan when the key is the statement's last parameter, bound as the
// compiler binds it (the statement without the condition has the others).
std::shared_ptr<const GetByKeyPlan> make_plan(const QueryCompiler& compiler, const Query& base,
                                              const Q& condition, const Value& key,
                                              const Database& db, const Models& models) {
    CompiledSelect with = compiler.select(*get_query(base, condition));
    const CompiledSelect without = compiler.select(*get_query(base, Q()));
    const Field& field = *base.model->primary_key();
    if (with.params.size() != without.params.size() + 1 ||
        !std::equal(without.params.begin(), without.params.end(), with.params.begin()) ||
        with.params.back() != value_for_db(field, key))
        return nullptr;
    auto plan = std::make_shared<GetByKeyPlan>();
    plan->layout = std::make_shared<const RecordLayout>(db, models, *base.model, with.columns);
    plan->sql = std::move(with.sql);
    plan->params = std::move(with.params);
    plan->key = &field;
    return plan;
}

}  // namespace

Record QuerySet::get(const Q& condition) const {
    if (const Value* key = key_lookup(*query_, condition)) {
        if (!results_) results_ = std::make_shared<Results>();
        if (!results_->get_plan_tried) {
            results_->get_plan =
                make_plan(compiler_of(*this), *query_, condition, *key, db_, models_);
            results_->get_plan_tried = true;
        }
        if (const GetByKeyPlan* plan = results_->get_plan.get()) {
            std::vector<Value> params = plan->params;
            params.back() = value_for_db(*plan->key, *key);
            std::vector<Record> found;
            db_.connection().query_each(
                plan->sql, params, [&](Row& row) { found.push_back(plan->layout->read(row)); });
            return single(model(), found);
        }
    }
    const QuerySet limited = with_query(get_query(*query_, condition));
    std::vector<Record> found = limited.records();
    return single(model(), found);
}

NamedRow QuerySet::get_row(const Q& condition) const {
    const QuerySet limited = with_query(get_query(*query_, condition));
    const std::vector<NamedRow>& found = limited.rows();
    require_single(model(), found.size());
    return found[0];
}

}  // namespace covet
