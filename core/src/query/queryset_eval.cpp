// QuerySet evaluation: the rows are read once and kept (Django's result
// cache); count() and exists() ask the database unless the rows are there.
#include <algorithm>
#include <string>

#include "covet/error.h"
#include "query/prefetch.h"
#include "query/query.h"
#include "query/queryset_results.h"
#include "query/record_reader.h"

namespace covet {

namespace {

std::optional<Record> first_of(const QuerySet& set) {
    const QuerySet one = set.slice(std::nullopt, 1);
    const std::vector<Record>& found = one.records();
    if (found.empty()) return std::nullopt;
    return found[0];
}

}  // namespace

bool QuerySet::returns_rows() const {
    return query_->shape != Query::Shape::Records;
}

const std::vector<Record>& QuerySet::records() const {
    if (returns_rows())
        throw QueryError("this " + model().name +
                         " queryset gives values (values() or values_list()): read rows() or "
                         "first_row(), last_row(), row_at(), row_iterator()");
    if (!results_) results_ = std::make_shared<Results>();
    if (results_->records) return *results_->records;
    require_lock_scope(*this);
    const CompiledSelect select = compiler_of(*this).select(*query_);
    const RecordLayout layout(db_, models_, model(), select.columns);
    std::vector<Record> records;
    db_.connection().query_each(select.sql, select.params,
                                [&](Row& row) { records.push_back(layout.read(row)); });
    if (!query_->prefetch_related.empty())
        prefetch_related_objects(records, db_, models_, model(), query_->prefetch_related);
    results_->records = std::move(records);
    return *results_->records;
}

const std::vector<NamedRow>& QuerySet::rows() const {
    if (!returns_rows())
        throw QueryError("rows() reads values() and values_list(); this " + model().name +
                         " queryset gives records: read records()");
    if (!results_) results_ = std::make_shared<Results>();
    if (results_->rows) return *results_->rows;
    require_lock_scope(*this);
    const CompiledSelect select = compiler_of(*this).select(*query_);
    const RecordLayout layout(db_, models_, model(), select.columns);
    ResultSet result = db_.connection().query(select.sql, select.params);
    std::vector<NamedRow> rows;
    rows.reserve(result.rows.size());
    for (Row& row : result.rows)
        rows.push_back(layout.read_named(row));
    results_->rows = std::move(rows);
    return *results_->rows;
}

// qs[i]: LIMIT 1 OFFSET i, unless the rows are already read.
Record QuerySet::at(std::int64_t index) const {
    if (index < 0) throw QueryError("Negative indexing is not supported.");
    const std::vector<Record>* rows = results_ && results_->records ? &*results_->records : nullptr;
    std::vector<Record> one;
    if (!rows) {
        one = slice(index, index + 1).records();
        rows = &one;
        index = 0;
    }
    if (static_cast<std::size_t>(index) >= rows->size())
        throw DoesNotExist(model().name, model().name + " queryset index out of range");
    return (*rows)[static_cast<std::size_t>(index)];
}

std::int64_t QuerySet::count() const {
    if (results_ && results_->records) return static_cast<std::int64_t>(results_->records->size());
    if (results_ && results_->rows) return static_cast<std::int64_t>(results_->rows->size());
    const CompiledSql sql = compiler_of(*this).count(*query_);
    const ResultSet result = db_.connection().query(sql.sql, sql.params);
    if (result.rows.empty() || result.rows[0].empty()) return 0;
    SelectColumn count;
    count.aggregate = true;
    return column_value(count, result.rows[0][0]).as_int();
}

bool QuerySet::exists() const {
    if (results_ && results_->records) return !results_->records->empty();
    if (results_ && results_->rows) return !results_->rows->empty();
    const CompiledSql sql = compiler_of(*this).exists(*query_);
    return !db_.connection().query(sql.sql, sql.params).rows.empty();
}

// first()/last(): by the primary key when the queryset has no ordering.
QuerySet QuerySet::first_set(bool last) const {
    if (is_ordered(*query_)) return last ? reverse() : *this;
    return order_by({last ? "-pk" : "pk"});
}

std::optional<Record> QuerySet::first() const {
    return first_of(first_set(false));
}

std::optional<Record> QuerySet::last() const {
    return first_of(first_set(true));
}

std::pair<std::string, std::vector<Value>> QuerySet::sql() const {
    CompiledSelect select = compiler_of(*this).select(*query_);
    return {std::move(select.sql), std::move(select.params)};
}

RecordStream QuerySet::iterator() const {
    require_lock_scope(*this);
    const CompiledSelect select = compiler_of(*this).select(*query_);
    Cursor cursor = db_.connection().open_cursor(select.sql, select.params);
    return RecordStream(query_, db_, models_, std::move(cursor));
}

}  // namespace covet
