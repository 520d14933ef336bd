#include "shell/completion_receiver.h"

#include <algorithm>
#include <optional>

#include "shell/completion_names.h"
#include "shell/method_call.h"

namespace covet::shell::completion {

namespace {

using Kind = Receiver::Kind;

// One step of a chain such as `Post.objects.filter(...)[0].author`.
struct Link {
    enum class Kind { Name, Call, Index };
    Kind kind = Kind::Name;
    std::string name;                 // Name
    bool slice = false;               // Index: `[a:b]` rather than `[i]`
    std::size_t open = 0, close = 0;  // Call and Index: where its brackets are
};

bool has_colon(const std::vector<ScanToken>& tokens, std::size_t open, std::size_t close) {
    int depth = 0;
    for (std::size_t i = open + 1; i < close; ++i) {
        const ScanToken& t = tokens[i];
        if (t.is("(") || t.is("[") || t.is("{")) ++depth;
        if (t.is(")") || t.is("]") || t.is("}")) --depth;
        if (depth == 0 && t.is(":")) return true;
    }
    return false;
}

// The links of the chain ending at tokens[last], first to last; nullopt
// when it does not start with a name.
std::optional<std::vector<Link>> chain_ending_at(const std::vector<ScanToken>& tokens,
                                                 std::size_t last) {
    std::vector<Link> reversed;
    std::size_t i = last + 1;
    while (i > 0 && i <= tokens.size()) {
        const ScanToken& t = tokens[i - 1];
        if (t.is(")") || t.is("]")) {
            const std::size_t open = matching_open(tokens, i - 1);
            if (open == std::string::npos) return std::nullopt;
            Link link;
            link.kind = t.is(")") ? Link::Kind::Call : Link::Kind::Index;
            link.slice = link.kind == Link::Kind::Index && has_colon(tokens, open, i - 1);
            link.open = open;
            link.close = i - 1;
            reversed.push_back(link);
            i = open;
            continue;
        }
        if (t.kind != ScanToken::Kind::Identifier) return std::nullopt;
        reversed.push_back(Link{Link::Kind::Name, t.text, false, 0, 0});
        if (i < 2 || !tokens[i - 2].is(".")) break;
        i -= 2;
    }
    if (reversed.empty() || reversed.back().kind != Link::Kind::Name) return std::nullopt;
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

Receiver of(Kind kind, const ModelState* model, bool rows = false) {
    return Receiver{kind, model, rows, {}};
}

// The keyword names of the call between tokens[open] and tokens[close]:
// `n` and `m` of annotate(n=Count('x'), m=F('y')).
std::vector<std::string> keyword_names(const std::vector<ScanToken>& tokens, std::size_t open,
                                       std::size_t close) {
    std::vector<std::string> names;
    int depth = 0;
    for (std::size_t i = open + 1; i + 1 < close; ++i) {
        const ScanToken& t = tokens[i];
        if (t.is("(") || t.is("[") || t.is("{")) ++depth;
        if (t.is(")") || t.is("]") || t.is("}")) --depth;
        const bool starts = tokens[i - 1].is("(") || tokens[i - 1].is(",");
        if (depth == 0 && starts && t.kind == ScanToken::Kind::Identifier && tokens[i + 1].is("="))
            names.push_back(t.text);
    }
    return names;
}

Receiver first_name(const Scope& scope, const std::string& name) {
    const auto variable = scope.variables.find(name);
    if (variable != scope.variables.end()) return receiver_of(variable->second);
    if (const ModelState* model = scope.models.state().find_model(name))
        if (!model->auto_created) return of(Kind::Model, model);
    return {};
}

Receiver attribute(const Scope& scope, const Receiver& r, const std::string& name) {
    if (r.kind == Kind::Model && name == "objects") return of(Kind::Manager, r.model);
    if (r.kind != Kind::Record) return {};
    const RelationEnd* rel = scope.models.state().relations().by_accessor(*r.model, name);
    if (!rel || !rel->related) return {};
    return of(rel->to_many() ? Kind::Related : Kind::Record, rel->related);
}

Receiver method_call(const Receiver& r, const std::string& method) {
    const bool query = r.kind == Kind::Manager || r.kind == Kind::QuerySet;
    if (!query && r.kind != Kind::Related) return {};
    if (returns_queryset(method)) {
        Receiver out = of(Kind::QuerySet, r.model, r.rows || returns_rows(method));
        out.annotations = r.annotations;
        return out;
    }
    if (returns_record(method) && !r.rows) return of(Kind::Record, r.model);
    return {};
}

Receiver index(const Receiver& r, bool slice) {
    if (r.kind != Kind::Manager && r.kind != Kind::QuerySet) return {};
    if (slice) {
        Receiver out = of(Kind::QuerySet, r.model, r.rows);
        out.annotations = r.annotations;
        return out;
    }
    return r.rows ? Receiver{} : of(Kind::Record, r.model);
}

}  // namespace

Receiver receiver_of(const ShellValue& value) {
    if (const auto* m = value.as<ModelRef>()) return of(Kind::Model, m->model);
    if (const auto* m = value.as<ManagerValue>()) return of(Kind::Manager, &m->queryset.model());
    if (const auto* q = value.as<QuerySet>()) return of(Kind::QuerySet, &q->model());
    if (const auto* r = value.as<Record>()) return of(Kind::Record, &r->model());
    if (const auto* r = value.as<RelatedValue>())
        return of(Kind::Related, r->manager.relation().related);
    return {};
}

Receiver receiver_ending_at(const Scope& scope, const std::vector<ScanToken>& tokens,
                            std::size_t last) {
    const auto chain = chain_ending_at(tokens, last);
    if (!chain) return {};
    const std::vector<Link>& links = *chain;
    if (links.size() > 1 && links[1].kind == Link::Kind::Call) return {};  // Q(...), raw(...)
    Receiver r = first_name(scope, links[0].name);
    for (std::size_t i = 1; i < links.size() && r.kind != Kind::Unknown; ++i) {
        const Link& link = links[i];
        if (link.kind == Link::Kind::Index) {
            r = index(r, link.slice);
        } else if (link.kind == Link::Kind::Call) {
            return {};  // a call of something that is no method
        } else if (i + 1 < links.size() && links[i + 1].kind == Link::Kind::Call) {
            r = method_call(r, link.name);
            ++i;
            if (link.name == "annotate" && r.kind == Kind::QuerySet) {
                const auto names = keyword_names(tokens, links[i].open, links[i].close);
                r.annotations.insert(r.annotations.end(), names.begin(), names.end());
            }
        } else {
            r = attribute(scope, r, link.name);
        }
    }
    return r.model ? r : Receiver{};
}

std::vector<std::string> member_names(const Scope& scope, const Receiver& r) {
    switch (r.kind) {
        case Kind::Model:
            return {"objects"};
        case Kind::Manager:
        case Kind::QuerySet:
            return queryset_method_names();
        case Kind::Related:
            return related_method_names();
        case Kind::Unknown:
            return {};
        case Kind::Record:
            break;
    }
    std::vector<std::string> names{"pk"};
    for (const auto& field : r.model->fields) {
        names.push_back(field.name);
        if (field.type == FieldType::ForeignKey && field.column() != field.name)
            names.push_back(field.column());
    }
    for (const auto& rel : scope.models.state().reverse_relations_of(*r.model))
        if (!rel.hidden()) names.push_back(rel.accessor);
    const auto& methods = record_method_names();
    names.insert(names.end(), methods.begin(), methods.end());
    return names;
}

}  // namespace covet::shell::completion
