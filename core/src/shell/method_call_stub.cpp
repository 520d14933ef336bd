// TEMPORARY (shell-lang branch only): stands in for the shell-methods
// helper's method_call.h until that branch is merged. Delete before merging.
#include "covet/error.h"
#include "shell/method_call.h"

namespace covet::shell {

std::optional<ShellValue> call_queryset_method(Session&, const QuerySet& queryset,
                                               const std::string& method, const Arguments& args) {
    if (method == "all") return queryset.all();
    if (method == "count") return Value(queryset.count());
    if (method == "filter" || method == "exclude") {
        std::vector<Lookup> lookups;
        for (const auto& [k, v] : args.keywords)
            lookups.push_back(Lookup{k, to_operand(v, k)});
        Q q(lookups);
        for (const auto& p : args.positional)
            q = q & to_q(p, "filter");
        return method == "filter" ? queryset.filter(q) : queryset.exclude(q);
    }
    if (method == "get") {
        std::vector<Lookup> lookups;
        for (const auto& [k, v] : args.keywords)
            lookups.push_back(Lookup{k, to_operand(v, k)});
        return queryset.get(Q(lookups));
    }
    throw QueryError("QuerySet has no method '" + method + "'");
}
const std::vector<std::string>& queryset_method_names() {
    static const std::vector<std::string> names{"all", "count", "filter", "exclude", "get"};
    return names;
}
std::optional<ShellValue> call_record_method(Session&, Record& record, const std::string& method,
                                             const Arguments&) {
    if (method == "save") {
        record.save();
        return std::nullopt;
    }
    throw QueryError("Record has no method '" + method + "'");
}
const std::vector<std::string>& record_method_names() {
    static const std::vector<std::string> names{"save", "delete", "refresh_from_db"};
    return names;
}
std::optional<ShellValue> call_related_method(Session&, const RelatedManager& manager,
                                              const std::string& method, const Arguments&) {
    if (method == "all") return manager.all();
    throw QueryError("RelatedManager has no method '" + method + "'");
}
const std::vector<std::string>& related_method_names() {
    static const std::vector<std::string> names{"all"};
    return names;
}

}  // namespace covet::shell
