// The rows of a related manager as a QuerySet (Django's get_queryset of the
// related managers), kept apart from the writes: it is the one part that
// runs through the query compiler.
#include "covet/queryset.h"
#include "query/many_to_many_links.h"
#include "query/queryset_results.h"

namespace covet {

// The query of the related rows: by the key for a reverse ForeignKey, by a
// join through the links for a many-to-many (by the other end's lookup name;
// a symmetrical relation holds both directions, so its own name serves).
QuerySet RelatedManager::all() const {
    QuerySet related = query();
    // Django's manager hands out the rows prefetch_related read, unread again.
    if (const std::vector<Record>* rows = owner_.prefetched(relation_->accessor)) {
        related.results_ = std::make_shared<QuerySet::Results>();
        related.results_->records = *rows;
    }
    return related;
}

QuerySet RelatedManager::query() const {
    const RelationEnd& end = *relation_;
    QuerySet related = owner_.database().objects(owner_.models(), end.related->name);
    if (end.kind != RelationKind::ManyToMany || end.reverse)
        return related.filter(Q{{end.field->name, owner_.pk()}});
    const RelationEnd* back = nullptr;
    for (const RelationEnd& candidate :
         owner_.models().state().relations().reverse_of(*end.related))
        if (candidate.field == end.field) back = &candidate;
    if (back && !back->query_name.empty())
        return related.filter(Q{{back->query_name, owner_.pk()}});
    if (ManyToManyLinks(owner_.database(), owner_.models(), end).symmetrical())
        return related.filter(Q{{end.field->name, owner_.pk()}});
    return related.filter(Q{
        {"pk__in", ManyToManyLinks(owner_.database(), owner_.models(), end).linked(owner_.pk())}});
}

QuerySet RelatedManager::filter(const Q& condition) const {
    return query().filter(condition);
}

}  // namespace covet
