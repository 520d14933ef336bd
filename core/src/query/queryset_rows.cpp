// first(), last(), qs[i] and iterator() of a values() / values_list()
// queryset: Django hands out the row (a dict, a tuple or a flat scalar)
// where a records queryset hands out an instance.
#include "covet/error.h"
#include "query/query.h"
#include "query/queryset_results.h"
#include "query/record_reader.h"

namespace covet {

namespace {

void require_rows(const QuerySet& set, const char* method) {
    if (!set.returns_rows())
        throw QueryError(std::string(method) + " reads values() and values_list() rows; this " +
                         set.model().name + " queryset gives records");
}

std::optional<NamedRow> first_row_of(const QuerySet& set) {
    const QuerySet one = set.slice(std::nullopt, 1);
    const std::vector<NamedRow>& found = one.rows();
    if (found.empty()) return std::nullopt;
    return found[0];
}

}  // namespace

RowStream::RowStream(std::shared_ptr<const RecordLayout> layout, Cursor cursor)
    : layout_(std::move(layout)), cursor_(std::move(cursor)) {}

bool RowStream::next(NamedRow& row) {
    if (!cursor_.next(row_)) return false;
    row = layout_->read_named(row_);
    return true;
}

// As first() and last(): by primary key when the query has no ordering.
std::optional<NamedRow> QuerySet::first_row() const {
    require_rows(*this, "first_row()");
    return first_row_of(is_ordered(*query_) ? *this : order_by({"pk"}));
}

std::optional<NamedRow> QuerySet::last_row() const {
    require_rows(*this, "last_row()");
    return first_row_of(is_ordered(*query_) ? reverse() : order_by({"-pk"}));
}

// qs[i]: LIMIT 1 OFFSET i, unless the rows are already read.
NamedRow QuerySet::row_at(std::int64_t index) const {
    require_rows(*this, "row_at()");
    if (index < 0) throw QueryError("Negative indexing is not supported.");
    const bool read = results_ && results_->rows;
    const QuerySet one = read ? *this : slice(index, index + 1);  // keeps the rows read
    const std::vector<NamedRow>& rows = one.rows();
    const std::size_t at = read ? static_cast<std::size_t>(index) : 0;
    if (at >= rows.size())
        throw DoesNotExist(model().name, model().name + " queryset index out of range");
    return rows[at];
}

RowStream QuerySet::row_iterator() const {
    require_rows(*this, "row_iterator()");
    require_lock_scope(*this);
    const CompiledSelect select = compiler_of(*this).select(*query_);
    auto layout = std::make_shared<const RecordLayout>(db_, models_, model(), select.columns);
    return RowStream(std::move(layout), db_.connection().open_cursor(select.sql, select.params));
}

}  // namespace covet
