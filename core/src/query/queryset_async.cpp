// The async forms of QuerySet's calls: the same call on a worker of the
// database's pool, through a lease of the worker's own, its records handed
// back bound to the caller's Database.
#include "covet/error.h"
#include "covet/pool.h"
#include "covet/queryset.h"

namespace covet {

namespace {

Pool pool_of(const Database& db) {
    if (!db.pool())
        throw UsageError("async calls need a Database leased from a pool (covet::open_pool)");
    return Pool(db.pool());
}

// What a call returns, bound to the caller's Database where it holds records.
template <class T>
void hand_back(T&, const Database&) {}
void hand_back(Record& record, const Database& db) {
    record.rebind(db);
}
void hand_back(std::optional<Record>& record, const Database& db) {
    if (record) record->rebind(db);
}
void hand_back(std::vector<Record>& records, const Database& db) {
    for (Record& record : records)
        record.rebind(db);
}
void hand_back(std::pair<Record, bool>& result, const Database& db) {
    result.first.rebind(db);
}

// fn(the query on the worker's Database), on a worker of the pool.
template <class F>
auto run_async(const QuerySet& qs, F fn) {
    Pool pool = pool_of(qs.database());
    return pool.submit([qs, fn = std::move(fn)](Database& worker) mutable {
        auto result = fn(qs.on(worker));
        hand_back(result, qs.database());
        return result;
    });
}

}  // namespace

QuerySet QuerySet::on(const Database& db) const {
    return QuerySet(db, models_, model()).with_query(query_);
}

std::future<std::vector<Record>> QuerySet::arecords() const {
    return run_async(*this, [](const QuerySet& qs) { return qs.records(); });
}

std::future<std::int64_t> QuerySet::acount() const {
    return run_async(*this, [](const QuerySet& qs) { return qs.count(); });
}

std::future<bool> QuerySet::aexists() const {
    return run_async(*this, [](const QuerySet& qs) { return qs.exists(); });
}

std::future<Record> QuerySet::aget(const Q& condition) const {
    return run_async(*this, [condition](const QuerySet& qs) { return qs.get(condition); });
}

std::future<std::optional<Record>> QuerySet::afirst() const {
    return run_async(*this, [](const QuerySet& qs) { return qs.first(); });
}

std::future<std::optional<Record>> QuerySet::alast() const {
    return run_async(*this, [](const QuerySet& qs) { return qs.last(); });
}

std::future<NamedRow> QuerySet::aaggregate(const std::vector<Aliased>& aggregates) const {
    return run_async(*this, [aggregates](const QuerySet& qs) { return qs.aggregate(aggregates); });
}

std::future<Record> QuerySet::acreate(
    const std::vector<std::pair<std::string, Value>>& fields) const {
    return run_async(*this, [fields](const QuerySet& qs) { return qs.create(fields); });
}

std::future<std::pair<Record, bool>> QuerySet::aget_or_create(
    const Q& lookup, const std::vector<std::pair<std::string, Value>>& defaults) const {
    return run_async(*this, [lookup, defaults](const QuerySet& qs) {
        return qs.get_or_create(lookup, defaults);
    });
}

std::future<std::pair<Record, bool>> QuerySet::aupdate_or_create(
    const Q& lookup, const std::vector<std::pair<std::string, Value>>& defaults) const {
    return run_async(*this, [lookup, defaults](const QuerySet& qs) {
        return qs.update_or_create(lookup, defaults);
    });
}

std::future<std::int64_t> QuerySet::aupdate(
    const std::vector<std::pair<std::string, Expr>>& assignments) const {
    return run_async(*this, [assignments](const QuerySet& qs) { return qs.update(assignments); });
}

std::future<DeleteResult> QuerySet::adelete() const {
    return run_async(*this, [](const QuerySet& qs) { return qs.delete_(); });
}

std::future<std::vector<Record>> QuerySet::abulk_create(std::vector<Record> records,
                                                        BulkOptions options) const {
    return run_async(*this, [records = std::move(records), options](const QuerySet& qs) mutable {
        hand_back(records, qs.database());  // written through the worker's connection
        qs.bulk_create(records, options);
        return std::move(records);
    });
}

std::future<std::int64_t> QuerySet::abulk_update(std::vector<Record> records,
                                                 std::vector<std::string> fields,
                                                 std::size_t batch_size) const {
    return run_async(*this, [records = std::move(records), fields = std::move(fields),
                             batch_size](const QuerySet& qs) mutable {
        hand_back(records, qs.database());
        return qs.bulk_update(records, fields, batch_size);
    });
}

}  // namespace covet
