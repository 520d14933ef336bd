#include "covet/database.h"

#include "covet/queryset.h"

namespace covet {

Database::Database(std::shared_ptr<Connection> connection) : connection_(std::move(connection)) {}

QuerySet Database::objects(const Models& models, const std::string& model) const {
    return QuerySet(*this, models, models.model(model));
}

}  // namespace covet
