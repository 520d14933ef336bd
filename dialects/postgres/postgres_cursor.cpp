// A PostgreSQL server-side cursor: the server keeps the result and the
// client fetches it in batches, so a large result never sits in memory.
#include "covet/error.h"
#include "postgres/postgres_connection.h"
#include "postgres/postgres_session.h"
#include "postgres/postgres_value_codec.h"

namespace covet {

namespace {

constexpr int kBatchRows = 1000;

class ServerCursor final : public RowSource {
  public:
    ServerCursor(PostgresConnection& connection, std::string name, bool own_transaction)
        : connection_(connection), name_(std::move(name)), own_transaction_(own_transaction) {
        fetch();
    }

    const std::vector<std::string>& columns() const override { return columns_; }

    bool next(Row& row) override {
        if (next_ >= batch_.size()) {
            if (exhausted_) return false;
            fetch();
            if (batch_.empty()) return false;
        }
        row.clear();
        row.reserve(columns_.size());
        for (const auto& f : batch_[static_cast<pqxx::result::size_type>(next_++)])
            row.push_back(field_value(f));
        return true;
    }

    void close() override {
        if (closed_) return;
        closed_ = true;
        batch_.clear();
        if (!own_transaction_) {
            // The caller's transaction may have ended (and the cursor with it).
            if (connection_.in_transaction()) connection_.control("CLOSE " + name_);
            return;
        }
        connection_.set_cursor_transaction(false);
        connection_.control("COMMIT");
    }

  private:
    void fetch() {
        batch_ = connection_.run("FETCH FORWARD " + std::to_string(kBatchRows) + " FROM " + name_,
                                 {}, true);
        next_ = 0;
        exhausted_ = batch_.size() < static_cast<pqxx::result::size_type>(kBatchRows);
        if (columns_.empty())
            for (pqxx::row_size_type i = 0; i < batch_.columns(); ++i)
                columns_.emplace_back(batch_.column_name(i));
    }

    PostgresConnection& connection_;
    std::string name_;
    bool own_transaction_;
    pqxx::result batch_;
    std::vector<std::string> columns_;
    std::size_t next_ = 0;
    bool exhausted_ = false;
    bool closed_ = false;
};

}  // namespace

std::unique_ptr<RowSource> PostgresConnection::open_server_cursor(
    const std::string& sql, const std::vector<Value>& params) {
    // A cursor lives in a transaction: outside one it opens its own, which
    // ends when the cursor closes (statements run meanwhile commit with it).
    const bool own = !in_transaction() && !cursor_transaction_;
    const std::string name = next_cursor_name();
    if (own) {
        control("BEGIN");
        cursor_transaction_ = true;
    }
    try {
        flush_pending_begin();
        const std::string declare = "DECLARE " + name + " NO SCROLL CURSOR FOR " + sql;
        if (params.empty()) {
            control(declare);
        } else {
            // Unnamed: a DECLARE is not worth a slot in the statement cache.
            const auto texts = parameter_texts(params, sql);
            const auto pointers = parameter_pointers(texts);
            try {
                pqxx::nontransaction tx(session_->connection);
                tx.exec_params(declare, pqxx::prepare::make_dynamic_params(pointers));
            } catch (const pqxx::sql_error& e) {
                fail(e, sql);
            }
        }
        return std::make_unique<ServerCursor>(*this, name, own);
    } catch (...) {
        if (own) {
            cursor_transaction_ = false;
            try {
                control("ROLLBACK");
            } catch (const Error&) {
            }
        }
        throw;
    }
}

}  // namespace covet
