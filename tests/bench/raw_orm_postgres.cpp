// The ORM benchmark's raw side on libpqxx: prepared statements with text
// parameters, and a server-side cursor fetched 1,000 rows at a time for the
// full-table read, so that neither side holds a million rows in memory.
#include <pqxx/pqxx>

#include <algorithm>
#include <optional>
#include <vector>

#include "raw_orm.h"

namespace bench {

namespace {

constexpr int kFetchRows = 1000;

void read_item(const pqxx::row& r, Checksum& c) {
    const std::string name(r[1].c_str(), r[1].size());
    const auto id = r[0].as<std::int64_t>();
    const auto quantity = r[2].as<std::int64_t>();
    const auto price = r[3].as<double>();
    const bool active = r[4].as<bool>();
    if (r[5].is_null()) {
        c.item(id, name, quantity, price, active, nullptr);
    } else {
        const std::string note(r[5].c_str(), r[5].size());
        c.item(id, name, quantity, price, active, &note);
    }
}

void fill_item(const pqxx::row& r, Item& item) {
    item.id = r[0].as<std::int64_t>();
    item.name.assign(r[1].c_str(), r[1].size());
    item.quantity = r[2].as<std::int64_t>();
    item.price = r[3].as<double>();
    item.active = r[4].as<bool>();
    if (r[5].is_null()) {
        item.note.reset();
    } else {
        if (!item.note) item.note.emplace();
        item.note->assign(r[5].c_str(), r[5].size());
    }
}

std::string insert_sql(const std::string& table, std::int64_t rows) {
    std::string sql = "INSERT INTO " + table + " " + kInsertColumns + " VALUES ";
    int p = 1;
    for (std::int64_t i = 0; i < rows; ++i) {
        sql += i ? ",(" : "(";
        for (int column = 0; column < 5; ++column, ++p)
            sql += (column ? ",$" : "$") + std::to_string(p);
        sql += ")";
    }
    return sql;
}

class RawPostgres final : public RawBackend {
  public:
    explicit RawPostgres(const std::string& url) : connection_(url) {}

    void insert_items(const std::string& table, std::int64_t rows, std::int64_t batch) override {
        pqxx::work tx(connection_);
        std::vector<std::optional<std::string>> texts;
        std::vector<const char*> pointers;
        for (std::int64_t next = 0; next < rows;) {
            const std::int64_t n = std::min(batch, rows - next);
            texts.clear();
            for (std::int64_t i = next; i < next + n; ++i) {
                ItemRow row = item_row(i);
                texts.emplace_back(std::move(row.name));
                texts.emplace_back(std::to_string(row.quantity));
                texts.emplace_back(pqxx::to_string(row.price));
                texts.emplace_back(row.active ? "t" : "f");
                texts.emplace_back(std::move(row.note));
            }
            pointers.clear();
            for (const auto& t : texts)
                pointers.push_back(t ? t->c_str() : nullptr);
            tx.exec_prepared(insert_statement(table, n),
                             pqxx::prepare::make_dynamic_params(pointers));
            next += n;
        }
        tx.commit();
    }

    void insert_books(std::int64_t books) override {
        pqxx::work tx(connection_);
        connection_.prepare("author", "INSERT INTO bench_authors (name) VALUES ($1)");
        for (std::int64_t i = 0; i < kAuthors; ++i)
            tx.exec_prepared("author", author_name(i));
        connection_.prepare(
            "book", "INSERT INTO bench_books (title, pages, author_id) VALUES ($1, $2, $3)");
        for (std::int64_t i = 0; i < books; ++i)
            tx.exec_prepared("book", book_title(i), i % kPagesModulo, i % kAuthors + 1);
        tx.commit();
    }

    void clear_new_items() override {
        pqxx::nontransaction tx(connection_);
        tx.exec("TRUNCATE bench_new_items RESTART IDENTITY");
    }

    Checksum iterate(const std::string& table) override {
        Checksum c;
        pqxx::work tx(connection_);
        tx.exec(std::string("DECLARE items NO SCROLL CURSOR FOR SELECT ") + kItemColumns +
                " FROM " + table);
        const std::string fetch = "FETCH FORWARD " + std::to_string(kFetchRows) + " FROM items";
        for (;;) {
            const pqxx::result batch = tx.exec(fetch);
            for (const auto& r : batch)
                read_item(r, c);
            if (batch.size() < static_cast<pqxx::result::size_type>(kFetchRows)) break;
        }
        tx.exec("CLOSE items");
        tx.commit();
        return c;
    }

    Checksum iterate_structs(const std::string& table) override {
        Checksum c;
        pqxx::work tx(connection_);
        tx.exec(std::string("DECLARE items NO SCROLL CURSOR FOR SELECT ") + kItemColumns +
                " FROM " + table);
        const std::string fetch = "FETCH FORWARD " + std::to_string(kFetchRows) + " FROM items";
        Item item;
        for (;;) {
            const pqxx::result batch = tx.exec(fetch);
            for (const auto& r : batch) {
                fill_item(r, item);
                c.add(item);
            }
            if (batch.size() < static_cast<pqxx::result::size_type>(kFetchRows)) break;
        }
        tx.exec("CLOSE items");
        tx.commit();
        return c;
    }

    Checksum get_loop(std::int64_t gets, std::int64_t items) override {
        Checksum c;
        connection_.prepare(
            "get", std::string("SELECT ") + kItemColumns + " FROM bench_items WHERE id = $1");
        pqxx::nontransaction tx(connection_);
        for (std::int64_t i = 0; i < gets; ++i) {
            const pqxx::result r = tx.exec_prepared("get", get_key(i, items));
            if (r.size() != 1) throw std::runtime_error("no item " + std::to_string(i));
            read_item(r[0], c);
        }
        return c;
    }

    Checksum join() override {
        connection_.prepare("join", std::string(kJoinSql) + "$1");
        pqxx::nontransaction tx(connection_);
        const pqxx::result result = tx.exec_prepared("join", kJoinPagesBelow);
        std::vector<BookRow> rows;
        rows.reserve(result.size());
        for (const auto& r : result)
            rows.push_back({r[0].as<std::int64_t>(), r[1].c_str(), r[2].as<std::int64_t>(),
                            r[3].as<std::int64_t>(), r[4].as<std::int64_t>(), r[5].c_str()});
        Checksum c;
        for (const auto& row : rows)
            add_book(c, row);
        return c;
    }

  private:
    // One prepared INSERT per row count: the full batch and the remainder.
    std::string insert_statement(const std::string& table, std::int64_t rows) {
        const std::string name = "insert_" + table + "_" + std::to_string(rows);
        if (std::find(prepared_.begin(), prepared_.end(), name) == prepared_.end()) {
            connection_.prepare(name, insert_sql(table, rows));
            prepared_.push_back(name);
        }
        return name;
    }

    pqxx::connection connection_;
    std::vector<std::string> prepared_;
};

}  // namespace

std::unique_ptr<RawBackend> open_raw_postgres(const std::string& url) {
    return std::make_unique<RawPostgres>(url);
}

}  // namespace bench
