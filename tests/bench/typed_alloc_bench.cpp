// Heap allocations of covet::Objects<T> reads (issue 11: no per-query heap
// churn beyond the result objects): counts operator new calls while a typed
// stream and all() read N rows of bench_items (fill it with
// covet_bench_raw_orm URL fill ...). Prints the counts; asserts nothing.
//   covet_bench_typed_alloc URL MIGRATIONS
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>

#include "covet/orm.h"
#include "covet/typed.h"
#include "orm_workload.h"

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
    ++allocations;
    if (void* p = std::malloc(size ? size : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}

COVET_MODEL(bench::Item, "Item", COVET_FIELD(id), COVET_FIELD(name), COVET_FIELD(quantity),
            COVET_FIELD(price), COVET_FIELD(active), COVET_FIELD(note));

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: covet_bench_typed_alloc URL MIGRATIONS\n");
        return 2;
    }
    try {
        const covet::Database db = covet::open(argv[1]);
        const covet::Models models = covet::models_from_migrations(argv[2]);
        const covet::Objects<bench::Item> items(db, models);
        for (long limit : {10L, 1000L, 100000L}) {
            long before = allocations;
            bench::Item item;
            long rows = 0;
            auto stream = items.slice(0, limit).iterator();
            const long opened = allocations - before;
            while (stream.next(item))
                ++rows;
            std::printf("stream of %ld rows: %ld allocations, %ld of them building the query\n",
                        rows, allocations - before, opened);
            before = allocations;
            const auto all = items.slice(0, limit).all();
            std::printf("all() of %zu rows: %ld allocations\n", all.size(), allocations - before);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "covet_bench_typed_alloc: %s\n", e.what());
        return 1;
    }
    return 0;
}
