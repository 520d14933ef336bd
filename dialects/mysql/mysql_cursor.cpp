// Query results on MySQL/MariaDB. query() reads a result the driver buffered
// whole; a cursor without parameters asks for TYPE_FORWARD_ONLY, which reads
// rows off the wire as they are fetched (mysql_use_result), so the
// connection runs nothing else until the cursor is closed, and closing early
// reads the rest. Connector/C++ 1.1 cannot stream a prepared statement's
// rows (setResultSetType is not implemented there): with parameters the
// result is buffered.
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/parameter_metadata.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>

#include "db/schema_change_words.h"
#include "mysql/mysql_connection.h"
#include "mysql/mysql_value_codec.h"

namespace covet {

namespace {

constexpr int kNewStatementMetadata = 2057;  // CR_NEW_STMT_METADATA

class MysqlRows final : public RowSource {
  public:
    // `rs` null: the statement returned no rows. `drain_text`: the shared
    // statement ran a text whose later results must be read after this one.
    MysqlRows(MysqlConnection& connection, std::string sql, std::unique_ptr<sql::ResultSet> rs)
        : connection_(connection), sql_(std::move(sql)), rs_(std::move(rs)) {
        if (!rs_) return;
        meta_ = rs_->getMetaData();
        for (unsigned int i = 1; i <= meta_->getColumnCount(); ++i) {
            columns_.emplace_back(meta_->getColumnLabel(i));
            types_.push_back(mysql_column_type(*meta_, i));
        }
    }
    MysqlRows& owning(MysqlConnection::PreparedPtr prepared) {
        prepared_ = std::move(prepared);
        return *this;
    }
    MysqlRows& owning(std::unique_ptr<sql::Statement> statement) {
        own_statement_ = std::move(statement);
        return *this;
    }
    MysqlRows& draining_text() {
        drain_text_ = true;
        return *this;
    }

    const std::vector<std::string>& columns() const override { return columns_; }

    bool next(Row& row) override {
        if (!rs_) return false;
        try {
            if (!rs_->next()) return false;
            row.resize(types_.size());  // over the previous row's values
            for (unsigned int i = 1; i <= types_.size(); ++i)
                row[i - 1] = column_value(*rs_, types_[i - 1], i);
            return true;
        } catch (const sql::SQLException& e) {
            connection_.fail(e, sql_);
        }
    }

    void close() override {
        try {
            const bool had_rows = rs_ != nullptr;
            rs_.reset();
            own_statement_.reset();
            if (drain_text_) connection_.drain_results(sql_, had_rows);
            if (prepared_) connection_.return_statement(sql_, std::move(prepared_));
        } catch (const sql::SQLException& e) {
            connection_.fail(e, sql_);
        }
    }

  private:
    MysqlConnection& connection_;
    std::string sql_;
    std::unique_ptr<sql::ResultSet> rs_;
    sql::ResultSetMetaData* meta_ = nullptr;
    std::vector<std::string> columns_;
    std::vector<MysqlColumnType> types_;  // the metadata read once, not per row
    MysqlConnection::PreparedPtr prepared_;
    std::unique_ptr<sql::Statement> own_statement_;
    bool drain_text_ = false;
};

}  // namespace

std::unique_ptr<RowSource> MysqlConnection::do_open_cursor(const std::string& sql,
                                                           const std::vector<Value>& params,
                                                           Fetch fetch) {
    try {
        if (params.empty()) return open_text_cursor(sql, fetch);
        return open_prepared_cursor(sql, params);
    } catch (const sql::SQLException& e) {
        fail(e, sql);
    }
}

std::unique_ptr<RowSource> MysqlConnection::open_text_cursor(const std::string& sql, Fetch fetch) {
    // Cached statements keep the result layout of their tables as prepared.
    if (may_change_schema(sql)) cache_.clear();
    if (fetch == Fetch::stream) {
        std::unique_ptr<sql::Statement> own(connection_->createStatement());
        own->setResultSetType(sql::ResultSet::TYPE_FORWARD_ONLY);
        std::unique_ptr<sql::ResultSet> rs(own->executeQuery(sql));
        auto rows = std::make_unique<MysqlRows>(*this, sql, std::move(rs));
        rows->owning(std::move(own));
        return rows;
    }
    const bool has_result_set = statement_->execute(sql);
    std::unique_ptr<sql::ResultSet> rs(has_result_set ? statement_->getResultSet() : nullptr);
    auto rows = std::make_unique<MysqlRows>(*this, sql, std::move(rs));
    rows->draining_text();
    return rows;
}

std::unique_ptr<RowSource> MysqlConnection::open_prepared_cursor(const std::string& sql,
                                                                 const std::vector<Value>& params) {
    for (int attempt = 0;; ++attempt) {
        BlobStreams blobs;
        PreparedPtr stmt = take_bound_statement(sql, params, blobs);
        try {
            std::unique_ptr<sql::ResultSet> rs;
            if (stmt->getMetaData()->getColumnCount() > 0)
                rs.reset(stmt->executeQuery());
            else if (stmt->execute())  // INSERT ... RETURNING: its columns show after it ran
                rs.reset(stmt->getResultSet());
            auto rows = std::make_unique<MysqlRows>(*this, sql, std::move(rs));
            rows->owning(std::move(stmt));
            return rows;
        } catch (const sql::SQLException& e) {
            // Another session changed the table's columns since we prepared: the
            // server re-prepares, but the driver's result buffers are stale.
            if (e.getErrorCode() != kNewStatementMetadata || attempt > 0) throw;
        }
    }
}

}  // namespace covet
