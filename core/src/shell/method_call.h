// Calls of methods on shell values: the seam between the evaluator (which
// evaluates the receiver and the arguments) and the ORM. One function per
// receiver kind; each throws QueryError naming the valid methods for an
// unknown name ("QuerySet has no method 'fliter' (did you mean 'filter'?)").
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shell/shell_value.h"
#include "syntax/position.h"

namespace covet::shell {

class Session;

struct Arguments {
    std::vector<ShellValue> positional;
    std::vector<std::pair<std::string, ShellValue>> keywords;  // in written order
};

// Every QuerySet method of SPEC.md §7 on a queryset or a manager
// (`User.objects.filter(...)`, `qs.count()`). nullopt: the call returns nothing.
std::optional<ShellValue> call_queryset_method(Session& session, const QuerySet& queryset,
                                               const std::string& method, const Arguments& args);
// The names call_queryset_method accepts (completion, "did you mean").
const std::vector<std::string>& queryset_method_names();

// Instance methods: save, delete, full_clean, refresh_from_db, ...
std::optional<ShellValue> call_record_method(Session& session, Record& record,
                                             const std::string& method, const Arguments& args);
const std::vector<std::string>& record_method_names();

// all, filter, add, remove, clear, set, create and every QuerySet method
// through all().
std::optional<ShellValue> call_related_method(Session& session, const RelatedManager& manager,
                                              const std::string& method, const Arguments& args);
const std::vector<std::string>& related_method_names();

}  // namespace covet::shell
