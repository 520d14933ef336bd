#include "query/counted_keys.h"

#include <limits>

#include "query/atomic_scope.h"

namespace covet {

namespace {

std::optional<std::int64_t> int_or_null(const Row& row, std::size_t index, bool& ok) {
    if (index >= row.size()) {
        ok = false;
        return std::nullopt;
    }
    if (row[index].is_null()) return std::nullopt;
    if (row[index].kind() != Value::Kind::Int) ok = false;
    return ok ? std::optional<std::int64_t>(row[index].as_int()) : std::nullopt;
}

}  // namespace

CountedKeys::CountedKeys(Connection& connection, const RowWriter& writer, std::string key_column)
    : connection_(connection), table_(writer.quoted_table()), column_(writer.quoted(key_column)) {}

// An empty table's next key is 1, as if its largest were 0.
std::optional<std::int64_t> CountedKeys::largest_key() {
    if (largest_) return largest_;
    bool ok = true;
    std::optional<std::int64_t> largest;
    connection_.query_each("SELECT MAX(" + column_ + ") FROM " + table_, {},
                           [&](Row& row) { largest = int_or_null(row, 0, ok); });
    if (ok) largest_ = largest.value_or(0);
    return largest_;
}

// Proof that the rows got largest+1..largest+rows: they are the only rows
// above the largest key read before (the table's rows were all at or below
// it, a trigger's rows would be counted too) and exactly fill that range.
// Their order is the back end's: each new key is one more than the largest.
std::optional<std::int64_t> CountedKeys::insert(const std::string& sql,
                                                const std::vector<Value>& params,
                                                std::size_t rows) {
    const std::optional<std::int64_t> before = largest_key();
    const auto count = static_cast<std::int64_t>(rows);
    if (!before || *before > std::numeric_limits<std::int64_t>::max() - count) return std::nullopt;
    AtomicScope batch(connection_);  // a savepoint: the outer scope is open
    largest_.reset();                // re-read after a batch that could not be shown
    if (connection_.execute(sql, params) != count) return std::nullopt;
    bool ok = true;
    std::optional<std::int64_t> above, largest;
    connection_.query_each("SELECT COUNT(*), MAX(" + column_ + ") FROM " + table_ + " WHERE " +
                               column_ + " > " + connection_.dialect().placeholder(1),
                           {Value(*before)}, [&](Row& row) {
                               above = int_or_null(row, 0, ok);
                               largest = int_or_null(row, 1, ok);
                           });
    if (!ok || above != count || largest != *before + count) return std::nullopt;
    batch.commit();
    largest_ = *before + count;
    return *before + 1;
}

}  // namespace covet
