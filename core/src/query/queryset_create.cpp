// QuerySet::create (Django's create: a new record saved with an INSERT).
#include "covet/queryset.h"

namespace covet {

Record QuerySet::create(const std::vector<std::pair<std::string, Value>>& fields) const {
    Record record(db_, models_, model());
    for (const auto& [name, value] : fields)
        record.set(name, value);
    record.save_unvalidated(true);
    return record;
}

}  // namespace covet
