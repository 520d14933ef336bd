// Indexing and slicing: querysets (QuerySet::at / slice, never a negative
// index, as Django), lists and tuples (as Python), rows of values() and
// values_list(), in_bulk() dicts and raw() rows.
#include <limits>

#include "covet/error.h"
#include "query/query.h"
#include "shell/evaluator.h"

namespace covet::shell {

namespace {

// No table has this many rows; a larger index is out of range anyway, and
// keeping indexes below it keeps the query's offset arithmetic from overflowing.
constexpr std::int64_t kMaxRowIndex = std::int64_t{1} << 40;

std::optional<std::int64_t> optional_int(const std::optional<ShellValue>& value,
                                         const std::string& what) {
    if (!value || value->is_none()) return std::nullopt;
    return to_int(*value, what);
}

// qs[i]: Python's IndexError past the end, as Django's.
ShellValue queryset_item(const QuerySet& queryset, std::int64_t index) {
    if (index >= kMaxRowIndex) throw IndexError("list index out of range");
    if (index < 0) throw QueryError("Negative indexing is not supported.");
    if (!queryset.returns_rows()) {
        try {
            return queryset.at(index);
        } catch (const DoesNotExist&) {
            throw IndexError("list index out of range");
        }
    }
    const std::vector<NamedRow>& rows = queryset.slice(index, index + 1).rows();
    if (rows.empty()) throw IndexError("list index out of range");
    return row_of(queryset, rows.front());
}

// qs[a:b:step] with a step: Django reads the slice and steps through it in
// Python, giving a list.
ShellValue stepped(const QuerySet& queryset, std::int64_t step) {
    if (step < 0) throw QueryError("Negative indexing is not supported.");
    ListValue list;
    std::int64_t position = 0;
    if (queryset.returns_rows()) {
        for (const NamedRow& row : queryset.rows())
            if (position++ % step == 0) list.items.push_back(row_of(queryset, row));
    } else {
        for (const Record& record : queryset.records())
            if (position++ % step == 0) list.items.emplace_back(record);
    }
    return list;
}

// Python's index rules: negative counts from the end.
std::size_t list_position(std::int64_t index, std::size_t size, const char* what) {
    const auto length = static_cast<std::int64_t>(size);
    if (index < 0 && index >= -length) index += length;
    if (index < 0 || index >= length) throw IndexError(std::string(what) + " index out of range");
    return static_cast<std::size_t>(index);
}

ShellValue dict_item(const DictValue& dict, const ShellValue& key) {
    const Value wanted = to_value(key, "a dict key");
    for (const auto& [entry_key, entry_value] : dict.entries) {
        const Value* k = entry_key.as<Value>();
        if (k != nullptr && *k == wanted) return entry_value;
    }
    throw QueryError("key " + wanted.to_string() + " is not in the dict");
}

ShellValue named_row_item(const NamedRow& row, const ShellValue& index) {
    if (const Value* v = index.as<Value>(); v != nullptr && v->kind() == Value::Kind::Text)
        return row[v->as_text()];
    return row.values[list_position(to_int(index, "a row index"), row.values.size(), "row")];
}

// Python's slice of a list: bounds clamped, a negative bound counts from
// the end, a negative step walks backwards.
ListValue list_slice(const ListValue& list, std::optional<std::int64_t> lower,
                     std::optional<std::int64_t> upper, std::int64_t step) {
    const auto length = static_cast<std::int64_t>(list.items.size());
    auto clamp = [&](std::int64_t i, std::int64_t low, std::int64_t high) {
        if (i < 0) i = i < -length ? low : i + length;
        return std::min(std::max(i, low), high);
    };
    std::int64_t start = step > 0 ? 0 : length - 1;
    std::int64_t stop = step > 0 ? length : -1;
    if (lower) start = step > 0 ? clamp(*lower, 0, length) : clamp(*lower, -1, length - 1);
    if (upper) stop = step > 0 ? clamp(*upper, 0, length) : clamp(*upper, -1, length - 1);
    ListValue out;
    out.tuple = list.tuple;
    for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
        out.items.push_back(list.items[static_cast<std::size_t>(i)]);
        if ((step > 0 && i > std::numeric_limits<std::int64_t>::max() - step) ||
            (step < 0 && i < std::numeric_limits<std::int64_t>::min() - step))
            break;
    }
    return out;
}

}  // namespace

ShellValue Evaluator::subscript(const syntax::Subscript& subscript) {
    ShellValue object = evaluate(*subscript.object);
    if (const auto* slice = subscript.index->as<syntax::Slice>()) return slice_of(object, *slice);
    return index_of(object, evaluate(*subscript.index));
}

ShellValue Evaluator::index_of(const ShellValue& object, const ShellValue& index) {
    if (const QuerySet* queryset = as_queryset(object))
        return queryset_item(*queryset, to_int(index, "a queryset index"));
    if (const auto* list = object.as<ListValue>()) {
        const std::int64_t i = to_int(index, list->tuple ? "a tuple index" : "a list index");
        return list->items[list_position(i, list->items.size(), list->tuple ? "tuple" : "list")];
    }
    if (const auto* row = object.as<NamedRow>()) return named_row_item(*row, index);
    if (const auto* dict = object.as<DictValue>()) return dict_item(*dict, index);
    if (const auto* raw = object.as<RawRows>()) {
        const Row& row =
            raw->rows[list_position(to_int(index, "a row index"), raw->rows.size(), "raw() row")];
        ListValue tuple;
        tuple.tuple = true;
        for (const Value& value : row)
            tuple.items.emplace_back(value);
        return tuple;
    }
    throw QueryError(describe(object) + " cannot be indexed");
}

ShellValue Evaluator::slice_of(const ShellValue& object, const syntax::Slice& slice) {
    auto part = [&](const std::optional<syntax::Box<syntax::Expr>>& expr) {
        return expr ? std::optional<ShellValue>(evaluate(**expr)) : std::nullopt;
    };
    const std::optional<std::int64_t> lower = optional_int(part(slice.lower), "a slice bound");
    const std::optional<std::int64_t> upper = optional_int(part(slice.upper), "a slice bound");
    const std::optional<std::int64_t> step = optional_int(part(slice.step), "a slice step");
    if (step && *step == 0) throw QueryError("slice step cannot be zero");
    if (const QuerySet* queryset = as_queryset(object)) {
        auto bounded = [](std::optional<std::int64_t> i) {
            return i ? std::optional<std::int64_t>(std::min(*i, kMaxRowIndex)) : std::nullopt;
        };
        const QuerySet sliced = queryset->slice(bounded(lower), bounded(upper));
        if (step && *step != 1) return stepped(sliced, *step);
        return sliced;
    }
    if (const auto* list = object.as<ListValue>())
        return list_slice(*list, lower, upper, step.value_or(1));
    throw QueryError(describe(object) + " cannot be sliced");
}

}  // namespace covet::shell
