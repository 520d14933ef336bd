#include "shell/completion_names.h"

#include <algorithm>

#include "shell/builtins.h"

namespace covet::shell::completion {

namespace {

bool among(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

const std::vector<std::string>& builtin_and_literal_names() {
    static const std::vector<std::string> names{"Q",   "F",    "Count",    "Sum",  "Avg",
                                                "Max", "Min",  "datetime", "date", "Decimal",
                                                "raw", "True", "False",    "None"};
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

}  // namespace covet::shell::completion
