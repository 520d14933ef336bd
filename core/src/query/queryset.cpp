#include "covet/queryset.h"

#include "query/query.h"

namespace covet {

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
    QuerySet copy(db_, models_, *query->model);
    copy.query_ = std::move(query);
    return copy;
}

}  // namespace covet
