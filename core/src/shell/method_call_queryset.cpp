// call_queryset_method: the QuerySet methods by name (queryset_methods.h).
#include "covet/error.h"
#include "shell/method_args.h"
#include "shell/queryset_methods.h"

namespace covet::shell {

namespace {

const std::vector<NamedQuerySetMethod>& every_method() {
    static const std::vector<NamedQuerySetMethod> methods = [] {
        std::vector<NamedQuerySetMethod> all;
        for (const auto* family : {&chain_methods(), &read_methods(), &write_methods()})
            all.insert(all.end(), family->begin(), family->end());
        return all;
    }();
    return methods;
}

}  // namespace

std::optional<ShellValue> call_queryset_method(Session& session, const QuerySet& queryset,
                                               const std::string& method, const Arguments& args) {
    for (const NamedQuerySetMethod& candidate : every_method())
        if (method == candidate.name) return candidate.call(session, queryset, args);
    throw QueryError("QuerySet has no method '" + method + "'" +
                     suggest_method(method, queryset_method_names()));
}

const std::vector<std::string>& queryset_method_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> list;
        for (const NamedQuerySetMethod& method : every_method())
            list.emplace_back(method.name);
        return list;
    }();
    return names;
}

}  // namespace covet::shell
