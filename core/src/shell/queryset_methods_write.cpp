// The QuerySet methods that write: create, get_or_create,
// update_or_create, update, delete, bulk_create, bulk_update.
#include "covet/error.h"
#include "query/query.h"
#include "shell/method_args.h"
#include "shell/queryset_methods.h"
#include "shell/session.h"

namespace covet::shell {

namespace {

// create(title='Hi', author=u): a ForeignKey given a record takes it (and
// refuses a record of another model), as Django's create().
std::optional<ShellValue> create(Session&, const QuerySet& qs, const Arguments& args) {
    if (!args.positional.empty())
        throw QueryError("create() takes keyword arguments only (" +
                         std::to_string(args.positional.size()) + " positional given)");
    Record record(qs.database(), qs.models(), qs.model());
    for (const auto& [name, value] : field_values("create", args.keywords)) {
        if (const Record* related = value.as<Record>())
            record.set(name, *related);
        else
            record.set(name, *value.as<Value>());
    }
    record.save_unvalidated(true);  // Django's create() never runs full_clean()
    return ShellValue(std::move(record));
}

using GetOrCreate = std::pair<Record, bool> (QuerySet::*)(
    const Q&, const std::vector<std::pair<std::string, Value>>&) const;

std::optional<ShellValue> get_or_make(const std::string& method, GetOrCreate call,
                                      const QuerySet& qs, const Arguments& args) {
    expect_positional_at_most(method, args, 0);
    const auto defaults = defaults_of(method, args);
    auto [record, created] = (qs.*call)(lookups_of(method, args, {"defaults"}), defaults);
    ListValue pair;
    pair.tuple = true;
    pair.items.emplace_back(std::move(record));
    pair.items.emplace_back(Value(created));
    return ShellValue(std::move(pair));
}

std::optional<ShellValue> get_or_create(Session&, const QuerySet& qs, const Arguments& args) {
    return get_or_make("get_or_create", &QuerySet::get_or_create, qs, args);
}

std::optional<ShellValue> update_or_create(Session&, const QuerySet& qs, const Arguments& args) {
    return get_or_make("update_or_create", &QuerySet::update_or_create, qs, args);
}

std::optional<ShellValue> update(Session& session, const QuerySet& qs, const Arguments& args) {
    expect_positional_at_most("update", args, 0);
    std::vector<std::pair<std::string, Expr>> assignments;
    for (const auto& [name, value] : args.keywords)
        assignments.emplace_back(name, to_expr(value, "the value of " + name + " in update()"));
    confirm_unfiltered(session, qs, "update()");
    return ShellValue(Value(qs.update(assignments)));
}

std::optional<ShellValue> delete_(Session& session, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("delete", args);
    confirm_unfiltered(session, qs, "delete()");
    return ShellValue(DeletedValue{qs.delete_()});
}

// The first positional argument, or the keyword of that name.
const ShellValue& required(const std::string& method, const Arguments& args, std::size_t index,
                           const std::string& name) {
    if (index < args.positional.size()) {
        if (keyword(args, name) != nullptr)
            throw QueryError(method + "() got multiple values for argument '" + name + "'");
        return args.positional[index];
    }
    if (const ShellValue* value = keyword(args, name)) return *value;
    throw QueryError(method + "() missing required argument: '" + name + "'");
}

std::size_t batch_size_of(const std::string& method, const Arguments& args) {
    const ShellValue* size = keyword(args, "batch_size");
    if (size == nullptr || size->is_none()) return 0;
    const std::int64_t value = to_int(*size, "the batch_size of " + method + "()");
    if (value <= 0) throw QueryError("the batch_size of " + method + "() must be positive");
    return static_cast<std::size_t>(value);
}

std::optional<ShellValue> bulk_create(Session&, const QuerySet& qs, const Arguments& args) {
    expect_keywords("bulk_create", args, {"objs", "batch_size", "ignore_conflicts"});
    expect_positional_at_most("bulk_create", args, 1);
    std::vector<Record> records =
        records_of(required("bulk_create", args, 0, "objs"), "the objs of bulk_create()");
    BulkOptions options;
    options.batch_size = batch_size_of("bulk_create", args);
    if (const ShellValue* ignore = keyword(args, "ignore_conflicts"))
        options.ignore_conflicts = to_bool(*ignore, "ignore_conflicts");
    qs.bulk_create(records, options);
    ListValue list;
    for (Record& record : records)
        list.items.emplace_back(std::move(record));
    return ShellValue(std::move(list));
}

std::optional<ShellValue> bulk_update(Session&, const QuerySet& qs, const Arguments& args) {
    expect_keywords("bulk_update", args, {"objs", "fields", "batch_size"});
    expect_positional_at_most("bulk_update", args, 2);
    const std::vector<Record> records =
        records_of(required("bulk_update", args, 0, "objs"), "the objs of bulk_update()");
    const ShellValue& fields = required("bulk_update", args, 1, "fields");
    const ListValue* list = fields.as<ListValue>();
    if (list == nullptr)
        throw QueryError("the fields of bulk_update() must be a list of field names, not " +
                         describe(fields));
    std::vector<std::string> names;
    for (const ShellValue& name : list->items)
        names.push_back(to_text(name, "each field of bulk_update()"));
    return ShellValue(Value(qs.bulk_update(records, names, batch_size_of("bulk_update", args))));
}

}  // namespace

void confirm_unfiltered(Session& session, const QuerySet& queryset, const std::string& what) {
    if (!queryset.query().filters.empty() || !session.confirm_destructive) return;
    const std::string question = what + " on every " + queryset.model().name + " row";
    if (!session.confirm_destructive(question)) throw QueryError(what + " cancelled");
}

const std::vector<NamedQuerySetMethod>& write_methods() {
    static const std::vector<NamedQuerySetMethod> methods{
        {"create", create},
        {"get_or_create", get_or_create},
        {"update_or_create", update_or_create},
        {"update", update},
        {"delete", delete_},
        {"bulk_create", bulk_create},
        {"bulk_update", bulk_update},
    };
    return methods;
}

}  // namespace covet::shell
