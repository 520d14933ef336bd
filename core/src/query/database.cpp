#include "covet/database.h"

#include "covet/queryset.h"

namespace covet {

Database::Database(std::shared_ptr<Connection> connection, std::shared_ptr<PoolCore> pool)
    : connection_(std::move(connection)), pool_(std::move(pool)) {}

QuerySet Database::objects(const Models& models, const std::string& model) const {
    return QuerySet(*this, models, models.model(model));
}

}  // namespace covet
