// Runs independent work items on all cores: file parsing and checksums of
// long histories, where start-up time is what users feel.
#pragma once

#include <cstddef>
#include <functional>

namespace covet {

// Calls body(i) for every i in [0, count), spread over up to one thread per
// core, never giving a thread fewer than `min_items_per_thread` items (a
// thread costs more than a handful of small items). Returns when all are
// done. If any call throws, the exception of the lowest index is rethrown,
// as a serial loop that kept going would report first.
void parallel_for(std::size_t count, std::size_t min_items_per_thread,
                  const std::function<void(std::size_t)>& body);

}  // namespace covet
