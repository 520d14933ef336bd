// QuerySet chaining that adds to what rows carry: select_related (joined
// records), prefetch_related (checked here, run by prefetch.cpp) and
// annotate.
#include <algorithm>

#include "covet/error.h"
#include "covet/queryset.h"
#include "query/prefetch.h"
#include "query/query.h"
#include "query/queryset_results.h"

namespace covet {

namespace {

// Django's select_related() without names: every non-null ForeignKey, and
// theirs, to its default depth of 5.
void add_required_relations(const ProjectState& state, const ModelState& model,
                            const std::string& prefix, int depth, std::vector<std::string>& out) {
    if (depth > 5) return;
    for (const RelationEnd& end : state.relations().forward_of(model)) {
        if (end.kind == RelationKind::ManyToMany || end.field->null) continue;
        std::string path = prefix.empty() ? end.field->name : prefix + "__" + end.field->name;
        if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
        add_required_relations(state, *end.related, path, depth + 1, out);
    }
}

Aliased named(const Aliased& given) {
    Aliased result = given;
    if (result.alias.empty()) result.alias = result.expr.default_alias();
    return result;
}

void check_annotation_name(const Query& query, const std::string& alias) {
    for (const Field& field : query.model->fields)
        if (field.name == alias || (field.has_column() && field.column() == alias))
            throw QueryError("The annotation '" + alias + "' conflicts with a field on the model.");
    for (const Aliased& existing : query.annotations)
        if (existing.alias == alias)
            throw QueryError("The annotation '" + alias + "' conflicts with another annotation.");
}

}  // namespace

QuerySet QuerySet::select_related(const std::vector<std::string>& relations) const {
    if (query_->shape != Query::Shape::Records)
        throw QueryError("Cannot call select_related() after .values() or .values_list()");
    std::vector<std::string> paths = relations;
    if (paths.empty()) add_required_relations(models_.state(), model(), "", 1, paths);
    auto query = std::make_shared<Query>(*query_);
    for (const std::string& path : paths)
        if (std::find(query->select_related.begin(), query->select_related.end(), path) ==
            query->select_related.end())
            query->select_related.push_back(path);
    compiler_of(*this).check(*query);
    return with_query(std::move(query));
}

QuerySet QuerySet::prefetch_related(const std::vector<std::string>& relations) const {
    auto query = std::make_shared<Query>(*query_);
    if (relations.empty()) query->prefetch_related.clear();  // prefetch_related(None)
    for (const std::string& lookup : relations) {
        check_prefetch_lookup(models_.state(), model(), lookup);
        if (std::find(query->prefetch_related.begin(), query->prefetch_related.end(), lookup) ==
            query->prefetch_related.end())
            query->prefetch_related.push_back(lookup);
    }
    return with_query(std::move(query));
}

// A values() before an aggregate groups by the value fields (Django's
// set_group_by at annotate() time).
QuerySet QuerySet::annotate(const std::vector<Aliased>& annotations) const {
    auto query = std::make_shared<Query>(*query_);
    for (const Aliased& given : annotations) {
        Aliased annotation = named(given);
        check_annotation_name(*query, annotation.alias);
        if (query->shape != Query::Shape::Records) query->annotated_values = true;
        if (annotation.expr.is_aggregate() && query->shape != Query::Shape::Records)
            query->group_by_values = true;
        query->annotations.push_back(std::move(annotation));
    }
    compiler_of(*this).check(*query);
    return with_query(std::move(query));
}

}  // namespace covet
