#include "shell/completion_names.h"

#include <algorithm>

namespace covet::shell::completion {

namespace {

bool among(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

const std::vector<std::string>& builtin_names() {
    static const std::vector<std::string> names{"Q",   "F",    "Count",    "Sum",  "Avg",
                                                "Max", "Min",  "datetime", "date", "Decimal",
                                                "raw", "True", "False",    "None"};
    return names;
}

const std::vector<std::string>& meta_command_names() {
    static const std::vector<std::string> names{".models", ".schema", ".sql",  ".timing",
                                                ".format", ".x",      ".help", ".quit"};
    return names;
}

std::vector<std::string> meta_command_arguments(const std::string& command) {
    if (command == ".format") return {"table", "json", "csv"};
    if (command == ".sql" || command == ".timing") return {"on", "off"};
    if (command == ".x") return {"on", "off", "auto"};
    return {};
}

bool takes_model_name(const std::string& command) {
    return command == ".schema";
}

bool returns_queryset(const std::string& method) {
    static const std::vector<std::string> names{
        "all",      "filter",      "exclude", "order_by", "reverse",        "distinct",
        "values",   "values_list", "only",    "defer",    "select_related", "prefetch_related",
        "annotate", "none"};
    return among(names, method);
}

bool returns_record(const std::string& method) {
    static const std::vector<std::string> names{"get",    "first",    "last",
                                                "create", "earliest", "latest"};
    return among(names, method);
}

bool returns_rows(const std::string& method) {
    return method == "values" || method == "values_list";
}

// Until method_call.cpp (queryset_method_names() and its siblings) lands,
// the methods of SPEC.md §7.
const std::vector<std::string>& queryset_methods() {
    static const std::vector<std::string> names{"aggregate",   "all",
                                                "annotate",    "bulk_create",
                                                "bulk_update", "count",
                                                "create",      "defer",
                                                "delete",      "distinct",
                                                "exclude",     "exists",
                                                "filter",      "first",
                                                "get",         "get_or_create",
                                                "in_bulk",     "iterator",
                                                "last",        "only",
                                                "order_by",    "prefetch_related",
                                                "reverse",     "select_related",
                                                "update",      "update_or_create",
                                                "values",      "values_list"};
    return names;
}

const std::vector<std::string>& record_methods() {
    static const std::vector<std::string> names{"delete", "full_clean", "refresh_from_db", "save"};
    return names;
}

const std::vector<std::string>& related_methods() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> all{"add", "clear", "remove", "set"};
        for (const auto& m : queryset_methods())
            if (!among(all, m)) all.push_back(m);
        std::sort(all.begin(), all.end());
        return all;
    }();
    return names;
}

}  // namespace covet::shell::completion
