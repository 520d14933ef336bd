// The QuerySet methods of the shell, one function each, by family:
// queryset_methods_chain.cpp (methods returning a queryset),
// queryset_methods_read.cpp (evaluation) and queryset_methods_write.cpp.
// method_call_queryset.cpp dispatches on the name.
#pragma once

#include <optional>

#include "shell/method_call.h"

namespace covet::shell {

using QuerySetMethod = std::optional<ShellValue> (*)(Session&, const QuerySet&, const Arguments&);

struct NamedQuerySetMethod {
    const char* name;
    QuerySetMethod call;
};

// Each family's methods, in the order completion lists them.
const std::vector<NamedQuerySetMethod>& chain_methods();
const std::vector<NamedQuerySetMethod>& read_methods();
const std::vector<NamedQuerySetMethod>& write_methods();

// aggregate()'s and annotate()'s arguments: positional aggregates (default
// alias) and alias=expression keywords.
std::vector<Aliased> aggregate_arguments(const Arguments& args);

// Asks session.confirm_destructive before `what` ("delete()") over a
// queryset with no filter; throws QueryError "cancelled" on a no.
void confirm_unfiltered(Session& session, const QuerySet& queryset, const std::string& what);

}  // namespace covet::shell
