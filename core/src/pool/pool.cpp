// covet::Pool (covet/pool.h): the handle on a PoolCore.
#include "covet/pool.h"

#include "pool/pool_core.h"

namespace covet {

Database Pool::acquire() const {
    return core_->acquire();
}

PoolStats Pool::stats() const {
    return core_->stats();
}

const PoolOptions& Pool::options() const {
    return core_->options();
}

void post_to_pool(const std::shared_ptr<PoolCore>& core, std::function<void()> job) {
    core->post(std::move(job));
}

}  // namespace covet
