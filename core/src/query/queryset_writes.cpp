// The QuerySet writes that read first: get_or_create, update_or_create
// (each in a transaction, or a savepoint inside an open one) and delete
// through the deletion collector.
#include "covet/error.h"
#include "covet/queryset.h"
#include "query/atomic_scope.h"
#include "query/compiler.h"
#include "query/deletion_collector.h"
#include "query/field_value.h"
#include "query/query.h"
#include "query/record_support.h"

namespace covet {

namespace {

using Fields = std::vector<std::pair<std::string, Value>>;

// Django's _extract_model_params: the lookups without `__` are field values
// of the new record (from the top level of an AND), then the defaults.
Fields creation_fields(const ModelState& model, const Q& lookup, const Fields& defaults) {
    Fields fields;
    const Q::Node& node = lookup.node();
    if (node.connector == Q::Connector::And && !node.negated)
        for (const Lookup& leaf : node.lookups)
            if (leaf.path.find("__") == std::string::npos &&
                leaf.operand.kind() == Operand::Kind::Value)
                fields.emplace_back(leaf.path, leaf.operand.value());
    for (const auto& field : defaults)
        fields.push_back(field);
    for (const auto& [name, value] : fields)
        if (name != "pk" && !model.find_field_or_column(name))
            throw QueryError("Invalid field name(s) for model " + model.name + ": '" + name + "'.");
    return fields;
}

}  // namespace

std::pair<Record, bool> QuerySet::get_or_create(const Q& lookup, const Fields& defaults) const {
    try {
        return {get(lookup), false};
    } catch (const DoesNotExist&) {
    }
    const Fields fields = creation_fields(model(), lookup, defaults);
    try {
        AtomicScope scope(db_.connection());
        Record created = create(fields);
        scope.commit();
        return {std::move(created), true};
    } catch (const IntegrityError&) {
        // Another writer created it first (Django re-reads it).
        try {
            return {get(lookup), false};
        } catch (const DoesNotExist&) {
        }
        throw;
    }
}

// As Django: the row is locked (select_for_update) from the read until the
// save, so that a concurrent update_or_create waits for this one.
std::pair<Record, bool> QuerySet::update_or_create(const Q& lookup, const Fields& defaults) const {
    AtomicScope scope(db_.connection());
    auto [record, created] = select_for_update().get_or_create(lookup, defaults);
    if (!created) {
        for (const auto& [name, value] : defaults)
            record.set(name, value);
        record.save_unvalidated();
    }
    scope.commit();
    return {std::move(record), created};
}

// Django's QuerySet.delete: the matched rows (ordering dropped) and what
// their relations bring in, through the collector.
DeleteResult QuerySet::delete_() const {
    if (query_->offset != 0 || query_->limit)
        throw QueryError("Cannot use 'limit' or 'offset' with delete.");
    if (query_->distinct) throw QueryError("Cannot call delete() after .distinct().");
    if (query_->shape != Query::Shape::Records)
        throw QueryError("Cannot call delete() after .values() or .values_list()");
    Query unordered = *query_;
    unordered.ordering.clear();
    unordered.ordering_set = true;
    const CompiledSql select =
        QueryCompiler(models_.state(), db_.dialect()).primary_keys(unordered);
    const Field* pk = model().primary_key();
    std::vector<Value> keys;
    for (Row& row : db_.connection().query(select.sql, select.params).rows)
        keys.push_back(values_from_db({pk}, std::move(row)).front());
    results_.reset();
    DeletionCollector collector(db_, models_);
    collector.collect(model(), keys);
    return collector.delete_();
}

}  // namespace covet
