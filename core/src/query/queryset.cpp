// QuerySet chaining: every method copies the Query, changes the copy and has
// the compiler resolve its names at once, so that a bad name is a
// QueryError where it was written, not where the rows are read.
#include "covet/queryset.h"

#include <algorithm>

#include "covet/error.h"
#include "query/query.h"
#include "query/queryset_results.h"

namespace covet {

namespace {

template <typename Edit>
QuerySet chained(const QuerySet& set, Edit edit) {
    auto query = std::make_shared<Query>(set.query());
    edit(*query);
    compiler_of(set).check(*query);
    return set.with_query(std::move(query));
}

void refuse_when_sliced(const Query& query, const std::string& what) {
    if (is_sliced(query)) throw QueryError("Cannot " + what + " once a slice has been taken.");
}

void refuse_after_values(const Query& query, const std::string& method) {
    if (query.shape != Query::Shape::Records)
        throw QueryError("Cannot call " + method + "() after .values() or .values_list()");
}

void append_new(std::vector<std::string>& to, const std::vector<std::string>& names) {
    for (const std::string& name : names)
        if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
}

void remove_all(std::vector<std::string>& from, const std::vector<std::string>& names) {
    std::erase_if(from, [&](const std::string& name) {
        return std::find(names.begin(), names.end(), name) != names.end();
    });
}

}  // namespace

QuerySet::QuerySet(Database db, Models models, const ModelState& model)
    : db_(std::move(db)), models_(std::move(models)) {
    auto query = std::make_shared<Query>();
    query->model = &model;
    query_ = std::move(query);
}

const ModelState& QuerySet::model() const {
    return *query_->model;
}

QuerySet QuerySet::with_query(std::shared_ptr<const Query> query) const {
    QuerySet copy(*this);
    copy.query_ = std::move(query);
    copy.results_.reset();
    return copy;
}

QuerySet QuerySet::all() const {
    return with_query(query_);
}

QuerySet QuerySet::filter(const Q& condition) const {
    if (condition.empty()) return all();
    refuse_when_sliced(*query_, "filter a query");
    return chained(*this, [&](Query& q) {
        q.filters.push_back({condition, false, q.annotations.size()});
    });
}

QuerySet QuerySet::exclude(const Q& condition) const {
    if (condition.empty()) return all();
    refuse_when_sliced(*query_, "filter a query");
    return chained(*this, [&](Query& q) {
        q.filters.push_back({condition, true, q.annotations.size()});
    });
}

QuerySet QuerySet::order_by(const std::vector<std::string>& fields) const {
    refuse_when_sliced(*query_, "reorder a query");
    return chained(*this, [&](Query& q) {
        q.ordering = fields;
        q.ordering_set = true;
    });
}

QuerySet QuerySet::reverse() const {
    refuse_when_sliced(*query_, "reverse a query");
    return chained(*this, [](Query& q) { q.reversed = !q.reversed; });
}

QuerySet QuerySet::distinct() const {
    refuse_when_sliced(*query_, "create distinct fields");
    return chained(*this, [](Query& q) { q.distinct = true; });
}

QuerySet QuerySet::select_for_update(bool nowait, bool skip_locked) const {
    if (nowait && skip_locked)
        throw QueryError("The nowait option cannot be used with skip_locked.");
    return chained(*this, [&](Query& q) {
        q.for_update = true;
        q.for_update_nowait = nowait;
        q.for_update_skip_locked = skip_locked;
    });
}

// Django's Query.set_limits: a slice of a slice is taken within it.
QuerySet QuerySet::slice(std::optional<std::int64_t> start,
                         std::optional<std::int64_t> stop) const {
    if ((start && *start < 0) || (stop && *stop < 0))
        throw QueryError("Negative indexing is not supported.");
    return chained(*this, [&](Query& q) {
        std::int64_t low = q.offset;
        std::optional<std::int64_t> high;
        if (q.limit) high = q.offset + *q.limit;
        if (stop) high = high ? std::min(*high, low + *stop) : low + *stop;
        if (start) low = high ? std::min(*high, low + *start) : low + *start;
        q.offset = low;
        q.limit.reset();
        if (high) q.limit = *high - low;
    });
}

QuerySet QuerySet::values(const std::vector<std::string>& fields) const {
    return chained(*this, [&](Query& q) {
        q.shape = Query::Shape::Values;
        q.value_fields = fields;
    });
}

QuerySet QuerySet::values_list(const std::vector<std::string>& fields, bool flat) const {
    if (flat && fields.size() > 1)
        throw QueryError(
            "'flat' is not valid when values_list is called with more than one field.");
    return chained(*this, [&](Query& q) {
        q.shape = flat ? Query::Shape::FlatList : Query::Shape::ValuesList;
        q.value_fields = fields;
    });
}

// Django's deferred loading: only() replaces the fields to load, less any
// deferred; defer() adds to the deferred ones, or takes from only()'s.
QuerySet QuerySet::only(const std::vector<std::string>& fields) const {
    refuse_after_values(*query_, "only");
    return chained(*this, [&](Query& q) {
        std::vector<std::string> load;
        append_new(load, fields);
        remove_all(load, q.defer);
        q.only = std::move(load);
        q.defer.clear();
    });
}

QuerySet QuerySet::defer(const std::vector<std::string>& fields) const {
    refuse_after_values(*query_, "defer");
    return chained(*this, [&](Query& q) {
        if (fields.empty()) {  // defer(None)
            q.only.clear();
            q.defer.clear();
        } else if (!q.only.empty()) {
            remove_all(q.only, fields);
        } else {
            append_new(q.defer, fields);
        }
    });
}

}  // namespace covet
