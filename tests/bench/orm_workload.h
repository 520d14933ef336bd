// What the ORM benchmark's two programs (covet_bench_orm and
// covet_bench_raw_orm) both do: the rows they write, the keys they fetch and
// the checksum each prints over what it read, so that run_orm.sh can check
// that both sides did the same work. Standard library only.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace bench {

// The books the join reads: pages below kJoinPagesBelow, every other book.
constexpr std::int64_t kPagesModulo = 1000;
constexpr std::int64_t kJoinPagesBelow = 500;
constexpr std::int64_t kAuthors = 100;

// Row i (from 0) of bench_items and of what bulk_create writes.
struct ItemRow {
    std::string name;
    std::int64_t quantity;
    double price;
    bool active;
    std::optional<std::string> note;
};

// One row of bench_items as both sides of the typed workload fill it: the
// ORM through covet::Objects<Item>, the raw side by hand, one struct reused.
struct Item {
    std::int64_t id = 0;
    std::string name;
    std::int64_t quantity = 0;
    double price = 0;
    bool active = false;
    std::optional<std::string> note;
};

inline ItemRow item_row(std::int64_t i) {
    ItemRow row;
    row.name = "item-" + std::to_string(i);
    row.quantity = i % 1000;
    row.price = static_cast<double>(i % 10000) / 4.0;  // exact in binary: sums compare exactly
    row.active = i % 3 != 0;
    if (i % 5 != 0) row.note = "note " + std::to_string(i % 97);
    return row;
}

// The i-th of the keys fetched one by one: spread over 1..items, the same
// sequence on both sides.
inline std::int64_t get_key(std::int64_t i, std::int64_t items) {
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(i) * 7919u) %
                                     static_cast<std::uint64_t>(items)) +
           1;
}

// Adds up what a side read: every column contributes, so a side that skips
// a column or a row prints a different line.
struct Checksum {
    std::int64_t rows = 0;
    std::int64_t integers = 0;  // ids, quantities, pages, keys
    std::int64_t text = 0;      // lengths of the texts read
    double reals = 0;           // prices
    std::int64_t nulls = 0;
    std::int64_t flags = 0;  // true booleans

    void add(const Item& i) {
        item(i.id, i.name, i.quantity, i.price, i.active, i.note ? &*i.note : nullptr);
    }
    void item(std::int64_t id, const std::string& name, std::int64_t quantity, double price,
              bool active, const std::string* note) {
        ++rows;
        integers += id + quantity;
        text += static_cast<std::int64_t>(name.size());
        reals += price;
        flags += active ? 1 : 0;
        if (note)
            text += static_cast<std::int64_t>(note->size());
        else
            ++nulls;
    }
};

inline void print_result(const char* workload, std::chrono::steady_clock::duration elapsed,
                         const Checksum& c) {
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
    std::printf("%s us=%lld check=%lld/%lld/%lld/%.2f/%lld/%lld\n", workload,
                static_cast<long long>(us), static_cast<long long>(c.rows),
                static_cast<long long>(c.integers), static_cast<long long>(c.text), c.reals,
                static_cast<long long>(c.nulls), static_cast<long long>(c.flags));
}

}  // namespace bench
