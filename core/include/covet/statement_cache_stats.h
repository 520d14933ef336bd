// How a connection's prepared-statement cache has been used: statements are
// prepared once per SQL text and reused while they stay in the cache.
#pragma once

#include <cstdint>

namespace covet {

struct StatementCacheStats {
    std::uint64_t prepared = 0;  // statements prepared (a re-prepare counts again)
    std::uint64_t reused = 0;    // executions that found their statement cached
    std::uint64_t evicted = 0;   // statements dropped to keep the cache bounded
};

}  // namespace covet
