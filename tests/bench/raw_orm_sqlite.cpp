// The ORM benchmark's raw side on the sqlite3 C API, opened as covet opens
// a database (WAL, foreign_keys=ON, SQLite's default synchronous).
#include <sqlite3.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

#include "raw_orm.h"

namespace bench {

namespace {

class Statement {
  public:
    Statement(sqlite3* db, const std::string& sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    sqlite3_stmt* get() const { return stmt_; }
    // Steps once: true for a row, false when done.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
        return false;
    }
    std::string text(int column) const {
        auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
    }

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

void read_item(const Statement& s, Checksum& c) {
    sqlite3_stmt* st = s.get();
    const std::string name = s.text(1);
    if (sqlite3_column_type(st, 5) == SQLITE_NULL) {
        c.item(sqlite3_column_int64(st, 0), name, sqlite3_column_int64(st, 2),
               sqlite3_column_double(st, 3), sqlite3_column_int(st, 4) != 0, nullptr);
    } else {
        const std::string note = s.text(5);
        c.item(sqlite3_column_int64(st, 0), name, sqlite3_column_int64(st, 2),
               sqlite3_column_double(st, 3), sqlite3_column_int(st, 4) != 0, &note);
    }
}

void assign_text(sqlite3_stmt* st, int column, std::string& out) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    out.assign(text, static_cast<std::size_t>(sqlite3_column_bytes(st, column)));
}

void fill_item(sqlite3_stmt* st, Item& item) {
    item.id = sqlite3_column_int64(st, 0);
    assign_text(st, 1, item.name);
    item.quantity = sqlite3_column_int64(st, 2);
    item.price = sqlite3_column_double(st, 3);
    item.active = sqlite3_column_int(st, 4) != 0;
    if (sqlite3_column_type(st, 5) == SQLITE_NULL) {
        item.note.reset();
    } else {
        if (!item.note) item.note.emplace();
        assign_text(st, 5, *item.note);
    }
}

std::string insert_sql(const std::string& table, std::int64_t rows) {
    std::string sql = "INSERT INTO " + table + " " + kInsertColumns + " VALUES ";
    for (std::int64_t i = 0; i < rows; ++i)
        sql += i ? ",(?,?,?,?,?)" : "(?,?,?,?,?)";
    return sql;
}

class RawSqlite final : public RawBackend {
  public:
    explicit RawSqlite(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path);
        sqlite3_busy_timeout(db_, 5000);
        exec("PRAGMA foreign_keys=ON");
        exec("PRAGMA journal_mode=WAL");
    }
    ~RawSqlite() override {
        inserts_.clear();
        sqlite3_close(db_);
    }

    void insert_items(const std::string& table, std::int64_t rows, std::int64_t batch) override {
        exec("BEGIN");
        std::int64_t next = 0;
        while (next < rows) {
            const std::int64_t n = std::min(batch, rows - next);
            Statement& s = insert_statement(table, n);
            sqlite3_reset(s.get());
            int p = 1;
            for (std::int64_t i = next; i < next + n; ++i) {
                const ItemRow row = item_row(i);
                sqlite3_bind_text(s.get(), p++, row.name.data(), static_cast<int>(row.name.size()),
                                  SQLITE_TRANSIENT);
                sqlite3_bind_int64(s.get(), p++, row.quantity);
                sqlite3_bind_double(s.get(), p++, row.price);
                sqlite3_bind_int(s.get(), p++, row.active ? 1 : 0);
                if (row.note)
                    sqlite3_bind_text(s.get(), p++, row.note->data(),
                                      static_cast<int>(row.note->size()), SQLITE_TRANSIENT);
                else
                    sqlite3_bind_null(s.get(), p++);
            }
            s.step();
            next += n;
        }
        exec("COMMIT");
    }

    void insert_books(std::int64_t books) override {
        exec("BEGIN");
        Statement author(db_, "INSERT INTO bench_authors (name) VALUES (?)");
        for (std::int64_t i = 0; i < kAuthors; ++i) {
            const std::string name = author_name(i);
            sqlite3_reset(author.get());
            sqlite3_bind_text(author.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
            author.step();
        }
        Statement book(db_, "INSERT INTO bench_books (title, pages, author_id) VALUES (?, ?, ?)");
        for (std::int64_t i = 0; i < books; ++i) {
            const std::string title = book_title(i);
            sqlite3_reset(book.get());
            sqlite3_bind_text(book.get(), 1, title.c_str(), -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(book.get(), 2, i % kPagesModulo);
            sqlite3_bind_int64(book.get(), 3, i % kAuthors + 1);
            book.step();
        }
        exec("COMMIT");
    }

    void clear_new_items() override {
        exec("DELETE FROM bench_new_items");
        exec("DELETE FROM sqlite_sequence WHERE name = 'bench_new_items'");
    }

    Checksum iterate(const std::string& table) override {
        Checksum c;
        Statement s(db_, std::string("SELECT ") + kItemColumns + " FROM " + table);
        while (s.step())
            read_item(s, c);
        return c;
    }

    Checksum iterate_structs(const std::string& table) override {
        Checksum c;
        Statement s(db_, std::string("SELECT ") + kItemColumns + " FROM " + table);
        Item item;
        while (s.step()) {
            fill_item(s.get(), item);
            c.add(item);
        }
        return c;
    }

    Checksum get_loop(std::int64_t gets, std::int64_t items) override {
        Checksum c;
        Statement s(db_, std::string("SELECT ") + kItemColumns + " FROM bench_items WHERE id = ?");
        for (std::int64_t i = 0; i < gets; ++i) {
            sqlite3_reset(s.get());
            sqlite3_bind_int64(s.get(), 1, get_key(i, items));
            if (!s.step()) throw std::runtime_error("no item " + std::to_string(get_key(i, items)));
            read_item(s, c);
        }
        return c;
    }

    Checksum join() override {
        std::vector<BookRow> rows;
        Statement s(db_, std::string(kJoinSql) + "?");
        sqlite3_bind_int64(s.get(), 1, kJoinPagesBelow);
        while (s.step()) {
            sqlite3_stmt* st = s.get();
            rows.push_back({sqlite3_column_int64(st, 0), s.text(1), sqlite3_column_int64(st, 2),
                            sqlite3_column_int64(st, 3), sqlite3_column_int64(st, 4), s.text(5)});
        }
        Checksum c;
        for (const auto& row : rows)
            add_book(c, row);
        return c;
    }

  private:
    void exec(const char* sql) {
        char* message = nullptr;
        if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            std::string text = message ? message : "error";
            sqlite3_free(message);
            throw std::runtime_error(text);
        }
    }
    // One prepared INSERT per row count: the full batch and the remainder.
    Statement& insert_statement(const std::string& table, std::int64_t rows) {
        for (auto& [n, s] : inserts_)
            if (n == rows) return *s;
        inserts_.emplace_back(rows, std::make_unique<Statement>(db_, insert_sql(table, rows)));
        return *inserts_.back().second;
    }

    sqlite3* db_ = nullptr;
    std::vector<std::pair<std::int64_t, std::unique_ptr<Statement>>> inserts_;
};

}  // namespace

std::unique_ptr<RawBackend> open_raw_sqlite(const std::string& path) {
    return std::make_unique<RawSqlite>(path);
}

}  // namespace bench
