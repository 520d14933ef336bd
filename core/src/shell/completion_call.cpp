#include "shell/completion_call.h"

#include <algorithm>

namespace covet::shell::completion {

namespace {

bool among(std::initializer_list<const char*> names, const std::string& name) {
    return std::any_of(names.begin(), names.end(), [&](const char* n) { return name == n; });
}

// A method call `receiver.name(` opening at tokens[open].
bool is_method_call(const std::vector<ScanToken>& tokens, std::size_t open) {
    return tokens[open].is("(") && open >= 3 &&
           tokens[open - 1].kind == ScanToken::Kind::Identifier && tokens[open - 2].is(".");
}

// The fields the arguments of a method of `r` name.
void take_fields(EnclosingCall& call, const Receiver& r) {
    const bool rows = r.kind == Receiver::Kind::Manager || r.kind == Receiver::Kind::QuerySet ||
                      r.kind == Receiver::Kind::Related;
    if (!rows) return;
    call.model = r.model;
    call.annotations = r.annotations;
}

}  // namespace

std::optional<EnclosingCall> enclosing_call(const Scope& scope,
                                            const std::vector<ScanToken>& tokens) {
    const std::vector<std::size_t> open = open_brackets(tokens, tokens.size());
    if (open.empty()) return std::nullopt;
    const std::size_t at = open.back();
    if (!tokens[at].is("(") || at == 0 || tokens[at - 1].kind != ScanToken::Kind::Identifier)
        return std::nullopt;
    EnclosingCall call{tokens[at - 1].text, nullptr, {}};
    if (is_method_call(tokens, at)) {
        take_fields(call, receiver_ending_at(scope, tokens, at - 3));
        return call;
    }
    // Q(), F(), Count(), ...: the fields of the QuerySet method around them.
    for (std::size_t k = open.size() - 1; k > 0; --k) {
        if (!is_method_call(tokens, open[k - 1])) continue;
        take_fields(call, receiver_ending_at(scope, tokens, open[k - 1] - 3));
        break;
    }
    return call;
}

std::optional<PathKind> keyword_paths(const std::string& callee) {
    if (among({"filter", "exclude", "get", "Q", "get_or_create", "update_or_create"}, callee))
        return PathKind::Lookups;
    if (among({"create", "update"}, callee)) return PathKind::Columns;
    return std::nullopt;
}

std::vector<std::string> extra_keywords(const std::string& callee) {
    if (callee == "get_or_create" || callee == "update_or_create") return {"defaults"};
    if (callee == "values_list") return {"flat"};
    if (callee == "Count") return {"distinct"};
    if (callee == "bulk_create") return {"batch_size", "ignore_conflicts"};
    if (callee == "bulk_update") return {"batch_size"};
    return {};
}

std::optional<PathKind> string_paths(const std::string& callee) {
    if (among({"order_by", "values", "values_list", "only", "defer", "F", "Count", "Sum", "Avg",
               "Max", "Min"},
              callee))
        return PathKind::Fields;
    if (callee == "select_related") return PathKind::ToOne;
    if (callee == "prefetch_related") return PathKind::Relations;
    return std::nullopt;
}

}  // namespace covet::shell::completion
