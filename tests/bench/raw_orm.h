// The raw side of the ORM benchmark: each back end's own client library
// doing by hand what the ORM side does (tests/bench/README.md).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "orm_workload.h"

namespace bench {

constexpr const char* kItemColumns = "id, name, quantity, price, active, note";
constexpr const char* kInsertColumns = "(name, quantity, price, active, note)";
constexpr const char* kJoinSql =
    "SELECT b.id, b.title, b.pages, b.author_id, a.id, a.name FROM bench_books b "
    "INNER JOIN bench_authors a ON a.id = b.author_id WHERE b.pages < ";

// One row of the join, kept in memory as the ORM keeps its records.
struct BookRow {
    std::int64_t id;
    std::string title;
    std::int64_t pages;
    std::int64_t author_id;
    std::int64_t author_pk;
    std::string author_name;
};

inline void add_book(Checksum& c, const BookRow& b) {
    ++c.rows;
    c.integers += b.id + b.pages + b.author_id + b.author_pk;
    c.text += static_cast<std::int64_t>(b.title.size() + b.author_name.size());
}

class RawBackend {
  public:
    virtual ~RawBackend() = default;
    // Rows 0..rows-1 of item_row() into `table`, `batch` rows per INSERT,
    // in one transaction.
    virtual void insert_items(const std::string& table, std::int64_t rows, std::int64_t batch) = 0;
    // kAuthors authors and `books` books (untimed set-up).
    virtual void insert_books(std::int64_t books) = 0;
    // Empties bench_new_items and restarts its ids at 1.
    virtual void clear_new_items() = 0;
    // Every row of `table`, streamed (constant memory).
    virtual Checksum iterate(const std::string& table) = 0;
    // The same rows, each read into one reused bench::Item (the typed workload).
    virtual Checksum iterate_structs(const std::string& table) = 0;
    // `gets` single-row fetches by primary key through one prepared statement.
    virtual Checksum get_loop(std::int64_t gets, std::int64_t items) = 0;
    // The books with pages < kJoinPagesBelow and their authors, in one query.
    virtual Checksum join() = 0;
};

std::unique_ptr<RawBackend> open_raw_sqlite(const std::string& path);
std::unique_ptr<RawBackend> open_raw_postgres(const std::string& url);
std::unique_ptr<RawBackend> open_raw_mysql(const std::string& url);

// "title-<i>" and "author-<i>": the texts of the join's tables.
inline std::string book_title(std::int64_t i) {
    return "title-" + std::to_string(i);
}
inline std::string author_name(std::int64_t i) {
    return "author-" + std::to_string(i);
}

}  // namespace bench
