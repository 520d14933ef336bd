// The method names the shell's completion and "did you mean" use: every
// method of SPEC.md §7 is listed once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "shell/method_call.h"

TEST_CASE("shell: methods names list every method for completion and suggestions") {
    const auto& names = covet::shell::queryset_method_names();
    for (const char* method : {"all",
                               "filter",
                               "exclude",
                               "order_by",
                               "values",
                               "values_list",
                               "annotate",
                               "aggregate",
                               "get",
                               "first",
                               "last",
                               "count",
                               "exists",
                               "in_bulk",
                               "iterator",
                               "create",
                               "get_or_create",
                               "update_or_create",
                               "update",
                               "delete",
                               "bulk_create",
                               "bulk_update",
                               "only",
                               "defer",
                               "select_related",
                               "prefetch_related",
                               "reverse",
                               "distinct",
                               "none"})
        CHECK(std::find(names.begin(), names.end(), method) != names.end());
    const auto& related = covet::shell::related_method_names();
    for (const char* method : {"add", "remove", "clear", "set", "create", "filter", "count"})
        CHECK(std::count(related.begin(), related.end(), method) == 1);
    CHECK(covet::shell::record_method_names() ==
          std::vector<std::string>{"save", "delete", "full_clean", "refresh_from_db"});
}
