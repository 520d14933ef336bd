// The QuerySet methods that evaluate: get, first, last, count, exists,
// aggregate, in_bulk, iterator. On a values() / values_list() queryset the
// single-row methods give that row (a scalar with flat=True), as Django.
#include "covet/error.h"
#include "shell/method_args.h"
#include "shell/queryset_methods.h"

namespace covet::shell {

namespace {

std::optional<ShellValue> get(Session&, const QuerySet& qs, const Arguments& args) {
    const Q condition = lookups_of("get", args);
    if (qs.returns_rows()) return row_of(qs, qs.get_row(condition));
    return ShellValue(qs.get(condition));
}

std::optional<ShellValue> first_or_last(const QuerySet& qs, bool last) {
    if (qs.returns_rows()) {
        std::optional<NamedRow> row = last ? qs.last_row() : qs.first_row();
        return row ? row_of(qs, *row) : ShellValue(Value());
    }
    std::optional<Record> record = last ? qs.last() : qs.first();
    return record ? ShellValue(std::move(*record)) : ShellValue(Value());
}

std::optional<ShellValue> first(Session&, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("first", args);
    return first_or_last(qs, false);
}

std::optional<ShellValue> last(Session&, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("last", args);
    return first_or_last(qs, true);
}

std::optional<ShellValue> count(Session&, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("count", args);
    return ShellValue(Value(qs.count()));
}

std::optional<ShellValue> exists(Session&, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("exists", args);
    return ShellValue(Value(qs.exists()));
}

std::optional<ShellValue> aggregate(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.aggregate(aggregate_arguments(args)));
}

// in_bulk(id_list=None, field_name='pk') as Django.
std::optional<ShellValue> in_bulk(Session&, const QuerySet& qs, const Arguments& args) {
    expect_keywords("in_bulk", args, {"id_list", "field_name"});
    if (qs.returns_rows())
        throw QueryError("Cannot call in_bulk() after .values() or .values_list().");
    expect_positional_at_most("in_bulk", args, 1);
    const ShellValue* ids =
        args.positional.empty() ? keyword(args, "id_list") : &args.positional[0];
    const ShellValue* field = keyword(args, "field_name");
    const std::string field_name = field ? to_text(*field, "field_name") : "pk";
    std::vector<std::pair<Value, Record>> found;
    if (ids == nullptr || ids->is_none()) {
        found = qs.in_bulk(std::nullopt, field_name);
    } else {
        const ListValue* list = ids->as<ListValue>();
        if (list == nullptr)
            throw QueryError("the id_list of in_bulk() must be a list, not " + describe(*ids));
        std::vector<Value> keys;
        for (const ShellValue& item : list->items)
            keys.push_back(to_value(item, "each item of in_bulk()'s id_list"));
        found = qs.in_bulk(keys, field_name);
    }
    DictValue dict;
    for (auto& [key, record] : found)
        dict.entries.emplace_back(ShellValue(std::move(key)), ShellValue(std::move(record)));
    return ShellValue(std::move(dict));
}

// The queryset itself: printing a queryset streams its rows already.
std::optional<ShellValue> iterator(Session&, const QuerySet& qs, const Arguments& args) {
    expect_keywords("iterator", args, {"chunk_size"});
    expect_positional_at_most("iterator", args, 1);
    for (const ShellValue& size : args.positional)
        to_int(size, "the chunk_size of iterator()");
    if (const ShellValue* size = keyword(args, "chunk_size"))
        to_int(*size, "the chunk_size of iterator()");
    return ShellValue(qs);
}

}  // namespace

const std::vector<NamedQuerySetMethod>& read_methods() {
    static const std::vector<NamedQuerySetMethod> methods{
        {"get", get},       {"first", first},         {"last", last},       {"count", count},
        {"exists", exists}, {"aggregate", aggregate}, {"in_bulk", in_bulk}, {"iterator", iterator},
    };
    return methods;
}

}  // namespace covet::shell
