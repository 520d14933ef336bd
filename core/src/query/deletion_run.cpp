// Running what the deletion collector gathered (Django's Collector.delete):
// in one transaction, the unread deletes first, then the SET_NULL and
// SET_DEFAULT updates, then the collected rows, dependents before the rows
// they point at.
#include <algorithm>

#include "query/atomic_scope.h"
#include "query/deletion_collector.h"
#include "query/record_support.h"
#include "query/row_writer.h"

namespace covet {

DeleteResult DeletionCollector::delete_() {
    DeleteResult result;
    auto count = [&result](const ModelState& model, std::int64_t rows) {
        if (rows == 0) return;  // Django leaves models without deleted rows out
        result.per_model[model_label(model)] += rows;
        result.total += rows;
    };
    AtomicScope scope(db_.connection());
    for (const FastDelete& fast : fast_deletes_)
        count(*fast.model, run_in_batches(*fast.model, fast.column, fast.keys));
    for (const FieldUpdate& update : field_updates_)
        run_in_batches(*update.model, update.model->primary_key()->column(), update.keys,
                       update.field, update.value);
    for (const Collected* collected : sorted()) {
        std::vector<Value> keys(collected->keys.rbegin(), collected->keys.rend());
        count(*collected->model,
              run_in_batches(*collected->model, collected->model->primary_key()->column(), keys));
    }
    scope.commit();
    return result;
}

// Django's Collector.sort: a model after every model it depends on (whose
// rows point at it), or the collection order when a cycle forbids that.
std::vector<const DeletionCollector::Collected*> DeletionCollector::sorted() const {
    // Rows deleted unread (fast deletes) went first: they order nothing.
    auto collected = [this](const std::string& table) {
        return std::any_of(data_.begin(), data_.end(),
                           [&](const Collected& c) { return c.model->table == table; });
    };
    std::vector<const Collected*> order;
    std::set<std::string> placed;
    while (order.size() < data_.size()) {
        bool found = false;
        for (const Collected& c : data_) {
            if (placed.count(c.model->table)) continue;
            auto deps = dependencies_.find(c.model->table);
            const bool ready =
                deps == dependencies_.end() ||
                std::all_of(deps->second.begin(), deps->second.end(), [&](const std::string& t) {
                    return placed.count(t) > 0 || t == c.model->table || !collected(t);
                });
            if (!ready) continue;
            order.push_back(&c);
            placed.insert(c.model->table);
            found = true;
        }
        if (!found) {
            order.clear();
            for (const Collected& c : data_)
                order.push_back(&c);
            break;
        }
    }
    return order;
}

std::int64_t DeletionCollector::run_in_batches(const ModelState& model, const std::string& column,
                                               const std::vector<Value>& keys,
                                               const Field* set_field, const Value& set_value) {
    const RowWriter writer(db_.dialect(), model);
    const std::size_t per_statement = rows_per_statement(db_.dialect(), 1, 0) - 1;
    std::int64_t changed = 0;
    for (std::size_t start = 0; start < keys.size(); start += per_statement) {
        const std::vector<Value> batch(keys.begin() + start,
                                       keys.begin() + std::min(keys.size(), start + per_statement));
        const CompiledSql sql = set_field
                                    ? writer.set_where_in(*set_field, set_value, column, batch)
                                    : writer.delete_where_in(column, batch);
        changed += db_.connection().execute(sql.sql, sql.params);
    }
    return changed;
}

}  // namespace covet
