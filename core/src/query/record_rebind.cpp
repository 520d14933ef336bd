// Record::rebind: an async call's records handed back to the caller's Database.
#include "covet/record.h"
#include "query/record_support.h"

namespace covet {

void Record::rebind(const Database& db) {
    db_ = db;
    if (!caches_) return;
    if (caches_->first.record) caches_->first.record->rebind(db);
    for (auto& entry : caches_->more)
        if (entry.record) entry.record->rebind(db);
    for (auto& entry : caches_->prefetched)
        for (Record& record : entry.second)
            record.rebind(db);
}

}  // namespace covet
