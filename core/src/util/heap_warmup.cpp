#include "util/heap_warmup.h"

#include <malloc.h>
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14
#endif

namespace covet {

namespace {

std::atomic<bool> enabled{false};

}  // namespace

void enable_heap_warmup() {
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    enabled = true;
}

void warm_heap(std::size_t bytes) {
    if (!enabled || bytes < 256 * 1024) return;
    bytes = std::min<std::size_t>(bytes, 16u << 20);
    // Freed at once, the block stays in this thread's heap as the free space
    // the allocations to come are carved from.
    void* block = std::malloc(bytes);
    if (!block) return;
    constexpr std::uintptr_t kPage = 4096;
    std::uintptr_t begin = (reinterpret_cast<std::uintptr_t>(block) + kPage - 1) & ~(kPage - 1);
    std::uintptr_t end = (reinterpret_cast<std::uintptr_t>(block) + bytes) & ~(kPage - 1);
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
    std::free(block);
}

}  // namespace covet
