// Maps heap memory in bulk before a burst of allocations.
//
// On the virtual machines covet often runs on (CI runners, cloud VMs) the
// first touch of a fresh heap page costs about 10 µs of page fault, while one
// madvise(MADV_POPULATE_WRITE) maps pages for about 1 µs each. Loading a long
// history touches a few kilobytes per migration: warming the heap first took
// `showmigrations` on 1,000 migrations from about 45 ms to about 41 ms on a
// 2-vCPU VM (A/B, 25 runs each). It pays only in a short-lived process that
// keeps its heap, so the command line turns it on; a library user never pays.
#pragma once

#include <cstddef>

namespace covet {

// Keeps freed memory in the heap for the life of the process (no trimming,
// no mmap for blocks under 32 MB) so warmed pages stay warm, and turns
// warm_heap() on. For a process that runs one command and exits.
void enable_heap_warmup();

// Maps about `bytes` (at most 16 MB) of the calling thread's heap at once, if
// enabled; a no-op otherwise, for small amounts, and before Linux 5.14.
void warm_heap(std::size_t bytes);

}  // namespace covet
