// The call the cursor is in the arguments of (`Post.objects.filter(auth|`),
// and what its keyword names and string arguments may be.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shell/completion_fields.h"
#include "shell/completion_receiver.h"

namespace covet::shell::completion {

struct EnclosingCall {
    std::string callee;  // `filter`, `Q`, `Count`, ...
    // The model whose fields the arguments name: the receiver's of a
    // QuerySet method, the enclosing method's for Q(), F() and aggregates.
    const ModelState* model = nullptr;
    std::vector<std::string> annotations;  // of the receiver's chain
};

// The call whose `(` is the innermost bracket open at the end of `tokens`.
std::optional<EnclosingCall> enclosing_call(const Scope& scope,
                                            const std::vector<ScanToken>& tokens);

// What the keyword names of `callee` are: fields and lookups for filter(),
// the model's columns for create(); nullopt when they are no field names.
std::optional<PathKind> keyword_paths(const std::string& callee);
// The other keywords `callee` takes (`flat` of values_list(), ...).
std::vector<std::string> extra_keywords(const std::string& callee);
// What the string arguments of `callee` are, or nullopt when no field names.
std::optional<PathKind> string_paths(const std::string& callee);

}  // namespace covet::shell::completion
