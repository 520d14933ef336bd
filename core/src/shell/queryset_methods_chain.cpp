// The QuerySet methods that return a new queryset (Django's chaining).
#include "covet/error.h"
#include "shell/method_args.h"
#include "shell/queryset_methods.h"

namespace covet::shell {

namespace {

std::optional<ShellValue> all(Session&, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("all", args);
    return ShellValue(qs.all());
}

std::optional<ShellValue> filter(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.filter(lookups_of("filter", args)));
}

std::optional<ShellValue> exclude(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.exclude(lookups_of("exclude", args)));
}

// Django's none(): a condition nothing meets (an empty `pk__in`).
std::optional<ShellValue> none(Session&, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("none", args);
    return ShellValue(qs.filter(Q{{"pk__in", Operand(std::vector<Value>{})}}));
}

std::optional<ShellValue> order_by(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.order_by(field_names("order_by", args)));
}

std::optional<ShellValue> reverse(Session&, const QuerySet& qs, const Arguments& args) {
    expect_no_arguments("reverse", args);
    return ShellValue(qs.reverse());
}

std::optional<ShellValue> distinct(Session&, const QuerySet& qs, const Arguments& args) {
    if (!args.positional.empty())
        throw QueryError("distinct() on fields is not supported: call distinct()");
    expect_no_arguments("distinct", args);
    return ShellValue(qs.distinct());
}

std::optional<ShellValue> values(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.values(field_names("values", args)));
}

std::optional<ShellValue> values_list(Session&, const QuerySet& qs, const Arguments& args) {
    expect_keywords("values_list", args, {"flat"});
    const ShellValue* flat = keyword(args, "flat");
    Arguments fields{args.positional, {}};
    return ShellValue(qs.values_list(field_names("values_list", fields),
                                     flat != nullptr && to_bool(*flat, "flat")));
}

std::optional<ShellValue> only(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.only(field_names("only", args)));
}

std::optional<ShellValue> defer(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.defer(field_names("defer", args)));
}

std::optional<ShellValue> select_related(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.select_related(field_names("select_related", args)));
}

std::optional<ShellValue> prefetch_related(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.prefetch_related(field_names("prefetch_related", args)));
}

// annotate(n=Count('posts'), Avg('age')): a positional aggregate takes
// Django's default alias (age__avg).
std::vector<Aliased> aliased(const std::string& method, const Arguments& args) {
    std::vector<Aliased> list;
    for (const ShellValue& value : args.positional) {
        const ExprValue* expr = value.as<ExprValue>();
        if (expr == nullptr || !expr->expr.is_aggregate())
            throw QueryError("a positional argument of " + method +
                             "() must be an aggregate (Count, Sum, Avg, Max, Min), not " +
                             describe(value));
        list.emplace_back(expr->expr);
    }
    for (const auto& [alias, value] : args.keywords)
        list.emplace_back(alias, to_expr(value, "the value of " + alias + " in " + method + "()"));
    return list;
}

std::optional<ShellValue> annotate(Session&, const QuerySet& qs, const Arguments& args) {
    return ShellValue(qs.annotate(aliased("annotate", args)));
}

}  // namespace

std::vector<Aliased> aggregate_arguments(const Arguments& args) {
    return aliased("aggregate", args);
}

const std::vector<NamedQuerySetMethod>& chain_methods() {
    static const std::vector<NamedQuerySetMethod> methods{
        {"all", all},
        {"filter", filter},
        {"exclude", exclude},
        {"none", none},
        {"order_by", order_by},
        {"reverse", reverse},
        {"distinct", distinct},
        {"values", values},
        {"values_list", values_list},
        {"only", only},
        {"defer", defer},
        {"select_related", select_related},
        {"prefetch_related", prefetch_related},
        {"annotate", annotate},
    };
    return methods;
}

}  // namespace covet::shell
