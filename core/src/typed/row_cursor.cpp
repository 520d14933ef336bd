// A QuerySet's rows streamed for covet::Objects<T>: no Record per row; a
// value the driver gives in its field's kind is kept as it is (the reused
// row keeps its buffers), any other goes through the ORM's conversion.
#include "covet/typed_binding.h"
#include "query/compiler.h"
#include "query/field_value.h"
#include "query/query.h"
#include "query/record_reader.h"

namespace covet {

RowCursor::RowCursor(const QuerySet& set) {
    const QueryCompiler compiler(set.models().state(), set.database().dialect());
    CompiledSelect select = compiler.select(set.query());
    columns_ = std::move(select.columns);
    for (const SelectColumn& column : columns_) {
        const bool plain =
            column.field && !column.aggregate && !column.value_field && column.field->has_column();
        kept_.push_back(plain ? kind_kept_from_db(*column.field) : std::nullopt);
    }
    cursor_.emplace(set.database().connection().open_cursor(select.sql, select.params));
}

RowCursor::RowCursor(RowCursor&&) noexcept = default;
RowCursor::~RowCursor() = default;

bool RowCursor::next() {
    if (!cursor_->next(row_)) return false;
    convert();
    return true;
}

void RowCursor::convert() {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        Value& value = row_[i];
        const std::optional<Value::Kind>& kept = kept_[i];
        if (kept && (value.kind() == *kept || value.is_null())) continue;
        value = column_value(columns_[i], std::move(value));
    }
}

}  // namespace covet
