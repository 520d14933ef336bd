// Django's QuerySet over one model of the migration state: lazy, chainable,
// immutable (every method returns a new QuerySet), evaluated once and then
// cached. SPEC.md §7 lists the methods and lookups; semantics are Django's.
//
//   auto posts = db.objects(models, "Post")
//                    .filter(Q{{"view_count__gte", 1000}} | Q{{"author", user}})
//                    .select_related({"author"})
//                    .order_by({"-published_at"});
//   for (const Record& post : posts) ...
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covet/cursor.h"
#include "covet/database.h"
#include "covet/expression.h"
#include "covet/models.h"
#include "covet/q.h"
#include "covet/record.h"

namespace covet {

struct Query;        // core/src/query/query.h
class RecordLayout;  // core/src/query/record_reader.h

// One row of values() / values_list() / aggregate(): values by name.
struct NamedRow {
    std::shared_ptr<const std::vector<std::string>> names;
    Row values;
    // Throws QueryError for a name the row does not have.
    const Value& operator[](const std::string& name) const;
    std::string to_json() const;  // an object (values, aggregate)
};

struct BulkOptions {
    std::size_t batch_size = 0;  // 0: as many rows per statement as the back end takes
    bool ignore_conflicts = false;
};

// Records read one at a time from a streaming cursor (iterator()): nothing
// is cached and prefetch_related does not apply, as Django's iterator().
// After values() / values_list() the stream gives NamedRows instead; the
// other next() throws QueryError.
class RecordStream {
  public:
    RecordStream(std::shared_ptr<const Query> query, Database db, Models models, Cursor cursor);
    bool next(Record& record);
    bool next(NamedRow& row);

  private:
    std::shared_ptr<const Query> query_;
    Database db_;
    Models models_;
    Cursor cursor_;
    Row row_;
    std::shared_ptr<const RecordLayout> layout_;  // how a row becomes a Record
};

// Rows of values() / values_list() read one at a time from a streaming
// cursor (Django's iterator() on such a queryset): nothing is cached.
class RowStream {
  public:
    RowStream(std::shared_ptr<const RecordLayout> layout, Cursor cursor);
    bool next(NamedRow& row);

  private:
    std::shared_ptr<const RecordLayout> layout_;  // how a row becomes a NamedRow
    Cursor cursor_;
    Row row_;
};

class QuerySet {
  public:
    QuerySet(Database db, Models models, const ModelState& model);

    const ModelState& model() const;
    const Database& database() const { return db_; }
    const Models& models() const { return models_; }

    // Chaining; throws QueryError at once for an unknown field, lookup or relation.
    QuerySet all() const;
    QuerySet filter(const Q& condition) const;
    QuerySet exclude(const Q& condition) const;
    QuerySet order_by(const std::vector<std::string>& fields) const;  // "-f", "?", "author__name"
    QuerySet reverse() const;
    QuerySet distinct() const;
    // Python's [start:stop] (no negative indexes, as Django).
    QuerySet slice(std::optional<std::int64_t> start, std::optional<std::int64_t> stop) const;
    QuerySet values(const std::vector<std::string>& fields = {}) const;
    QuerySet values_list(const std::vector<std::string>& fields = {}, bool flat = false) const;
    QuerySet only(const std::vector<std::string>& fields) const;
    QuerySet defer(const std::vector<std::string>& fields) const;
    // No names: every non-null ForeignKey, and theirs (as Django).
    QuerySet select_related(const std::vector<std::string>& relations = {}) const;
    QuerySet prefetch_related(const std::vector<std::string>& relations) const;
    QuerySet annotate(const std::vector<Aliased>& annotations) const;
    // SELECT ... FOR UPDATE (NOWAIT / SKIP LOCKED): the rows read stay locked
    // until the open transaction ends; reading outside one is a QueryError,
    // as Django's TransactionManagementError. A back end without row locks
    // ignores it (as Django's back ends without row locks do).
    QuerySet select_for_update(bool nowait = false, bool skip_locked = false) const;

    // Evaluation: records() and rows() read once and keep the rows for this
    // QuerySet and its copies; count() and exists() use them when read.
    const std::vector<Record>& records() const;  // model instances
    const std::vector<NamedRow>& rows() const;   // after values() / values_list()
    bool returns_rows() const;                   // values() or values_list() was called
    std::vector<Record>::const_iterator begin() const { return records().begin(); }
    std::vector<Record>::const_iterator end() const { return records().end(); }
    Record at(std::int64_t index)
        const;  // qs[i]; throws DoesNotExist (IndexError in Django) when out of range
    std::int64_t count() const;
    bool exists() const;
    Record get(const Q& condition = Q()) const;  // DoesNotExist / MultipleObjectsReturned
    std::optional<Record> first() const;
    std::optional<Record> last() const;
    // get() of a values() / values_list() queryset: its row.
    NamedRow get_row(const Q& condition = Q()) const;
    NamedRow aggregate(const std::vector<Aliased>& aggregates) const;
    // Keyed by primary key (or `field`, which must be unique), in key order:
    // the rows of `keys` (none for an empty list, as Django's in_bulk([])),
    // or every row (in_bulk(), or in_bulk(std::nullopt, "email")).
    std::vector<std::pair<Value, Record>> in_bulk(const std::vector<Value>& keys,
                                                  const std::string& field = "pk") const;
    std::vector<std::pair<Value, Record>> in_bulk(std::nullopt_t = std::nullopt,
                                                  const std::string& field = "pk") const;
    // Streams records, or NamedRows after values() / values_list().
    RecordStream iterator() const;
    // first(), last(), qs[i] and a row-only iterator of a values() /
    // values_list() queryset, where Django gives a dict, a tuple or (flat) a
    // scalar: here a NamedRow (one value when flat). QueryError on a records
    // queryset. (iterator() streams such rows too, through RecordStream.)
    std::optional<NamedRow> first_row() const;
    std::optional<NamedRow> last_row() const;
    NamedRow row_at(std::int64_t index) const;  // DoesNotExist when out of range
    RowStream row_iterator() const;
    // The SQL and parameters the query runs (for .sql on and golden tests).
    std::pair<std::string, std::vector<Value>> sql() const;

    // Writes.
    Record create(const std::vector<std::pair<std::string, Value>>& fields) const;
    std::pair<Record, bool> get_or_create(
        const Q& lookup, const std::vector<std::pair<std::string, Value>>& defaults = {}) const;
    std::pair<Record, bool> update_or_create(
        const Q& lookup, const std::vector<std::pair<std::string, Value>>& defaults = {}) const;
    // The number of rows matched; drops this QuerySet's evaluated rows.
    std::int64_t update(const std::vector<std::pair<std::string, Expr>>& assignments) const;
    DeleteResult delete_() const;
    void bulk_create(std::vector<Record>& records, BulkOptions options = {}) const;
    std::int64_t bulk_update(const std::vector<Record>& records,
                             const std::vector<std::string>& fields,
                             std::size_t batch_size = 0) const;

    // The same query read through another Database of the same database
    // (Django's using()): an async call's worker reads through its own lease.
    QuerySet on(const Database& db) const;

    // Async forms (Django's acount(), aget(), ...). Each runs on a worker of
    // the pool this QuerySet's database was leased from (covet/pool.h), on
    // a connection of its own (so not inside the caller's transaction); its
    // result, or what it threw, arrives through the future. Records come
    // back bound to this QuerySet's database. UsageError (thrown at once)
    // for a database that is not from a pool.
    std::future<std::vector<Record>> arecords() const;  // list(qs)
    std::future<std::int64_t> acount() const;
    std::future<bool> aexists() const;
    std::future<Record> aget(const Q& condition = Q()) const;
    std::future<std::optional<Record>> afirst() const;
    std::future<std::optional<Record>> alast() const;
    std::future<NamedRow> aaggregate(const std::vector<Aliased>& aggregates) const;
    std::future<Record> acreate(const std::vector<std::pair<std::string, Value>>& fields) const;
    std::future<std::pair<Record, bool>> aget_or_create(
        const Q& lookup, const std::vector<std::pair<std::string, Value>>& defaults = {}) const;
    std::future<std::pair<Record, bool>> aupdate_or_create(
        const Q& lookup, const std::vector<std::pair<std::string, Value>>& defaults = {}) const;
    std::future<std::int64_t> aupdate(
        const std::vector<std::pair<std::string, Expr>>& assignments) const;
    std::future<DeleteResult> adelete() const;
    // The records, saved (with their keys where the back end returns them).
    std::future<std::vector<Record>> abulk_create(std::vector<Record> records,
                                                  BulkOptions options = {}) const;
    std::future<std::int64_t> abulk_update(std::vector<Record> records,
                                           std::vector<std::string> fields,
                                           std::size_t batch_size = 0) const;

    const Query& query() const { return *query_; }
    QuerySet with_query(std::shared_ptr<const Query> query) const;

  private:
    struct Results;
    QuerySet first_set(bool last) const;  // ordered as first() / last() read
    friend class RelatedManager;          // hands out the rows prefetch_related read
    Database db_;
    Models models_;
    std::shared_ptr<const Query> query_;
    mutable std::shared_ptr<Results> results_;
};

}  // namespace covet
