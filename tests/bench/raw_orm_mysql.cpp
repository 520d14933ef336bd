// The ORM benchmark's raw side on MySQL Connector/C++ 1.1: prepared
// statements, and for the full-table read a plain statement whose rows are
// read off the wire as they come (TYPE_FORWARD_ONLY), in constant memory.
#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "raw_orm.h"

namespace bench {

namespace {

void read_item(sql::ResultSet& rs, Checksum& c) {
    const std::string name = rs.getString(2);
    const std::int64_t id = rs.getInt64(1);
    const std::int64_t quantity = rs.getInt64(3);
    const double price = rs.getDouble(4);
    const bool active = rs.getBoolean(5);
    const std::string note = rs.getString(6);
    c.item(id, name, quantity, price, active, rs.wasNull() ? nullptr : &note);
}

void fill_item(sql::ResultSet& rs, Item& item) {
    item.id = rs.getInt64(1);
    item.name = rs.getString(2).asStdString();
    item.quantity = rs.getInt64(3);
    item.price = rs.getDouble(4);
    item.active = rs.getBoolean(5);
    const sql::SQLString note = rs.getString(6);
    if (rs.wasNull())
        item.note.reset();
    else
        item.note = note.asStdString();
}

std::string insert_sql(const std::string& table, std::int64_t rows) {
    std::string sql = "INSERT INTO " + table + " " + kInsertColumns + " VALUES ";
    for (std::int64_t i = 0; i < rows; ++i)
        sql += i ? ",(?,?,?,?,?)" : "(?,?,?,?,?)";
    return sql;
}

// mysql://user:password@host:port/database
sql::ConnectOptionsMap connect_options(const std::string& url) {
    const std::string rest = url.substr(url.find("://") + 3);
    const std::size_t at = rest.rfind('@');
    const std::string credentials = rest.substr(0, at);
    const std::string address = rest.substr(at + 1, rest.find('/', at) - at - 1);
    const std::string database = rest.substr(rest.find('/', at) + 1);
    const std::size_t colon = credentials.find(':');
    sql::ConnectOptionsMap options;
    options["hostName"] = "tcp://" + address.substr(0, address.rfind(':'));
    options["port"] = std::stoi(address.substr(address.rfind(':') + 1));
    options["userName"] = credentials.substr(0, colon);
    options["password"] = colon == std::string::npos ? "" : credentials.substr(colon + 1);
    options["schema"] = database.substr(0, database.find('?'));
    options["OPT_CHARSET_NAME"] = std::string("utf8mb4");
    return options;
}

class RawMysql final : public RawBackend {
  public:
    explicit RawMysql(const std::string& url) {
        sql::ConnectOptionsMap options = connect_options(url);
        connection_.reset(get_driver_instance()->connect(options));
    }

    void insert_items(const std::string& table, std::int64_t rows, std::int64_t batch) override {
        connection_->setAutoCommit(false);
        for (std::int64_t next = 0; next < rows;) {
            const std::int64_t n = std::min(batch, rows - next);
            sql::PreparedStatement& s = insert_statement(table, n);
            int p = 1;
            for (std::int64_t i = next; i < next + n; ++i) {
                const ItemRow row = item_row(i);
                s.setString(p++, row.name);
                s.setInt64(p++, row.quantity);
                s.setDouble(p++, row.price);
                s.setBoolean(p++, row.active);
                if (row.note)
                    s.setString(p++, *row.note);
                else
                    s.setNull(p++, 0);
            }
            s.executeUpdate();
            next += n;
        }
        connection_->commit();
        connection_->setAutoCommit(true);
    }

    void insert_books(std::int64_t books) override {
        connection_->setAutoCommit(false);
        std::unique_ptr<sql::PreparedStatement> author(
            connection_->prepareStatement("INSERT INTO bench_authors (name) VALUES (?)"));
        for (std::int64_t i = 0; i < kAuthors; ++i) {
            author->setString(1, author_name(i));
            author->executeUpdate();
        }
        std::unique_ptr<sql::PreparedStatement> book(connection_->prepareStatement(
            "INSERT INTO bench_books (title, pages, author_id) VALUES (?, ?, ?)"));
        for (std::int64_t i = 0; i < books; ++i) {
            book->setString(1, book_title(i));
            book->setInt64(2, i % kPagesModulo);
            book->setInt64(3, i % kAuthors + 1);
            book->executeUpdate();
        }
        connection_->commit();
        connection_->setAutoCommit(true);
    }

    void clear_new_items() override {
        std::unique_ptr<sql::Statement> s(connection_->createStatement());
        s->execute("TRUNCATE TABLE bench_new_items");
    }

    Checksum iterate(const std::string& table) override {
        Checksum c;
        std::unique_ptr<sql::Statement> s(connection_->createStatement());
        s->setResultSetType(sql::ResultSet::TYPE_FORWARD_ONLY);
        std::unique_ptr<sql::ResultSet> rs(
            s->executeQuery(std::string("SELECT ") + kItemColumns + " FROM " + table));
        while (rs->next())
            read_item(*rs, c);
        return c;
    }

    Checksum iterate_structs(const std::string& table) override {
        Checksum c;
        std::unique_ptr<sql::Statement> s(connection_->createStatement());
        s->setResultSetType(sql::ResultSet::TYPE_FORWARD_ONLY);
        std::unique_ptr<sql::ResultSet> rs(
            s->executeQuery(std::string("SELECT ") + kItemColumns + " FROM " + table));
        Item item;
        while (rs->next()) {
            fill_item(*rs, item);
            c.add(item);
        }
        return c;
    }

    Checksum get_loop(std::int64_t gets, std::int64_t items) override {
        Checksum c;
        std::unique_ptr<sql::PreparedStatement> s(connection_->prepareStatement(
            std::string("SELECT ") + kItemColumns + " FROM bench_items WHERE id = ?"));
        for (std::int64_t i = 0; i < gets; ++i) {
            s->setInt64(1, get_key(i, items));
            std::unique_ptr<sql::ResultSet> rs(s->executeQuery());
            if (!rs->next()) throw std::runtime_error("no item " + std::to_string(i));
            read_item(*rs, c);
        }
        return c;
    }

    Checksum join() override {
        std::unique_ptr<sql::PreparedStatement> s(
            connection_->prepareStatement(std::string(kJoinSql) + "?"));
        s->setInt64(1, kJoinPagesBelow);
        std::unique_ptr<sql::ResultSet> rs(s->executeQuery());
        std::vector<BookRow> rows;
        while (rs->next())
            rows.push_back({rs->getInt64(1), rs->getString(2), rs->getInt64(3), rs->getInt64(4),
                            rs->getInt64(5), rs->getString(6)});
        Checksum c;
        for (const auto& row : rows)
            add_book(c, row);
        return c;
    }

  private:
    // One prepared INSERT per row count: the full batch and the remainder.
    sql::PreparedStatement& insert_statement(const std::string& table, std::int64_t rows) {
        for (auto& [n, s] : inserts_)
            if (n == rows) return *s;
        inserts_.emplace_back(rows, std::unique_ptr<sql::PreparedStatement>(
                                        connection_->prepareStatement(insert_sql(table, rows))));
        return *inserts_.back().second;
    }

    std::unique_ptr<sql::Connection> connection_;
    // Declared after the connection: statements go first.
    std::vector<std::pair<std::int64_t, std::unique_ptr<sql::PreparedStatement>>> inserts_;
};

}  // namespace

std::unique_ptr<RawBackend> open_raw_mysql(const std::string& url) {
    return std::make_unique<RawMysql>(url);
}

}  // namespace bench
