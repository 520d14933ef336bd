#include "mysql/mysql_connection.h"

#include <cppconn/connection.h>
#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/parameter_metadata.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <limits>

#include "covet/error.h"
#include "db/schema_change_words.h"
#include "db/server_error.h"
#include "mysql/mysql_url_options.h"
#include "mysql/mysql_value_codec.h"
#include "util/secret_mask.h"

namespace covet {

namespace {

// MariaDB caps prepared statements per server (max_prepared_stmt_count).
constexpr std::size_t kMaxCachedStatements = 256;
constexpr int kNewStatementMetadata = 2057;  // CR_NEW_STMT_METADATA

sql::Driver* driver() {
    // Owned by the library: never deleted. A static makes the first call thread-safe.
    static sql::Driver* instance = get_driver_instance();
    return instance;
}

// What a server error number means to covet.
ServerFailure failure_of(int code) {
    switch (code) {
        case 1062:  // duplicate entry
        case 1586:  // duplicate entry for a named key
            return ServerFailure::unique_violation;
        case 1451:  // row is referenced (foreign key)
        case 1452:  // referenced row missing (foreign key)
        case 1216:
        case 1217:
            return ServerFailure::foreign_key_violation;
        case 1048:  // column cannot be null
        case 1364:  // field has no default value
        case 1263:  // NULL supplied to NOT NULL column (multi-row insert)
            return ServerFailure::not_null_violation;
        case 3819:  // check constraint (MySQL)
        case 4025:  // check constraint (MariaDB)
            return ServerFailure::check_violation;
        case 1205:  // lock wait timeout (row locks and, via lock_wait_timeout, table locks)
        case 3572:  // NOWAIT
            return ServerFailure::lock_timeout;
        case 1213:  // deadlock found when trying to get lock
            return ServerFailure::deadlock;
        case 2006:  // server has gone away
        case 2013:  // lost connection during query
        case 1927:  // connection was killed (KILL from another session)
            return ServerFailure::connection_lost;
        case 1290:  // --read-only (a replica)
        case 1792:  // a READ ONLY transaction
        case 1836:  // read-only mode (MySQL super_read_only)
            return ServerFailure::read_only;
        case 1044:  // access denied to the database
        case 1142:  // command denied on a table
        case 1143:  // command denied on a column
        case 1227:  // a privilege such as SUPER is needed
        case 1370:  // command denied on a routine
            return ServerFailure::permission;
        default:
            return ServerFailure::other;
    }
}

// A text of several statements: a ';' before its last non-blank character.
bool holds_several_statements(const std::string& sql) {
    auto last = sql.find_last_not_of(" \t\r\n;");
    auto semicolon = sql.find(';');
    return semicolon != std::string::npos && last != std::string::npos && semicolon < last;
}

}  // namespace

MysqlConnection::MysqlConnection(const DatabaseUrl& url)
    : lock_name_(lock_name_for(url.database)),
      password_(url.password),
      cache_(kMaxCachedStatements, cache_stats()) {
    const UrlOptions options = read_url_options(url);
    target_ = describe_target(url, options);
    open_session(url, options);
}

void MysqlConnection::open_session(const DatabaseUrl& url, const UrlOptions& options) {
    const bool over_socket = !options.socket.empty();
    bool tls_required = false;
    sql::ConnectOptionsMap properties = connect_properties(url, options, tls_required);
    const std::string& mode = options.ssl_mode;
    const std::string who = url.user.empty() ? "" : " as user '" + url.user + "'";
    auto connect_error = [&](const std::string& why) {
        return ConnectionError(mask_secret(
            "cannot connect to MySQL/MariaDB " + target_ + who + ": " + why, url.password));
    };
    try {
        connection_.reset(driver()->connect(properties));
        statement_.reset(connection_->createStatement());
        // No ANSI_QUOTES (names are `quoted`) and no NO_BACKSLASH_ESCAPES (the
        // dialect escapes string literals with backslashes).
        statement_->execute(
            "SET time_zone = '+00:00', sql_mode = "
            "'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
        std::unique_ptr<sql::ResultSet> info(
            statement_->executeQuery("SELECT CONNECTION_ID(), VERSION()"));
        info->next();
        connection_id_ = static_cast<std::int64_t>(info->getInt64(1));
        is_mariadb_ = std::string(info->getString(2)).find("MariaDB") != std::string::npos;
        info.reset();
        std::unique_ptr<sql::ResultSet> tls(
            statement_->executeQuery("SHOW SESSION STATUS LIKE 'Ssl_cipher'"));
        std::string cipher = tls->next() ? std::string(tls->getString(2)) : "";
        if (tls_required && cipher.empty())
            throw connect_error("ssl-mode=" + mode +
                                " but the connection is not encrypted (does the server have TLS "
                                "configured?)");
    } catch (const sql::SQLException& e) {
        statement_.reset();
        connection_.reset();
        std::string hint = connect_hint(e.getErrorCode(), over_socket);
        throw connect_error((hint.empty() ? "" : hint + ": ") + e.what() + " [error " +
                            std::to_string(e.getErrorCode()) + "]");
    } catch (const ConnectionError&) {
        statement_.reset();
        connection_.reset();
        throw;
    } catch (const std::exception& e) {
        statement_.reset();
        connection_.reset();
        throw connect_error(e.what());
    }
}

MysqlConnection::~MysqlConnection() {
    // Statements must go before the connection that made them.
    cache_.clear();
    statement_.reset();
    connection_.reset();
}

void MysqlConnection::fail(const sql::SQLException& e, const std::string& sql) const {
    const int code = e.getErrorCode();
    throw_server_error(failure_of(code),
                       std::string(e.what()) + " [error " + std::to_string(code) + "]", sql,
                       ServerErrorContext{target_, password_});
}

MysqlConnection::PreparedPtr MysqlConnection::take_statement(const std::string& sql) {
    if (auto cached = cache_.take(sql)) return std::move(*cached);
    PreparedPtr stmt(connection_->prepareStatement(sql));
    cache_.prepared();
    return stmt;
}

void MysqlConnection::return_statement(const std::string& sql, PreparedPtr stmt) {
    cache_.put(sql, std::move(stmt));
}

void MysqlConnection::drain_results(const std::string& sql, bool first_was_result_set) {
    // The driver cannot tell "no more results" from "the next one is an update
    // count", so bound the calls instead: every further statement needs a ';',
    // and every result set (CALL returns several) may be followed by a status.
    std::size_t budget = static_cast<std::size_t>(std::count(sql.begin(), sql.end(), ';')) +
                         (first_was_result_set ? 1 : 0);
    while (budget > 0) {
        --budget;
        if (statement_->getMoreResults()) {
            std::unique_ptr<sql::ResultSet> rest(statement_->getResultSet());
            ++budget;
        }
    }
}

std::int64_t MysqlConnection::run_text(const std::string& sql) {
    // Several data statements in one text (a run_sql) run as one transaction,
    // so a failing one takes the earlier ones with it, as on PostgreSQL and
    // SQLite. DDL commits on its own anyway: such texts are left alone, and
    // inside the caller's transaction they are already together.
    if (!in_transaction() && holds_several_statements(sql) && !may_change_schema(sql)) {
        statement_->execute("START TRANSACTION");
        try {
            std::int64_t affected = run_text_once(sql);
            statement_->execute("COMMIT");
            return affected;
        } catch (...) {
            try {
                statement_->execute("ROLLBACK");
            } catch (const sql::SQLException&) {
            }
            throw;
        }
    }
    return run_text_once(sql);
}

std::int64_t MysqlConnection::run_text_once(const std::string& sql) {
    // Cached statements keep the result layout of their tables as prepared.
    if (may_change_schema(sql)) cache_.clear();
    bool has_result_set = statement_->execute(sql);
    std::int64_t affected = 0;
    if (has_result_set) {
        std::unique_ptr<sql::ResultSet> rs(statement_->getResultSet());
    } else {
        std::uint64_t count = statement_->getUpdateCount();
        if (count != std::numeric_limits<std::uint64_t>::max())
            affected = static_cast<std::int64_t>(count);
    }
    drain_results(sql, has_result_set);
    return affected;
}

MysqlConnection::PreparedPtr MysqlConnection::take_bound_statement(const std::string& sql,
                                                                   const std::vector<Value>& params,
                                                                   BlobStreams& blobs) {
    PreparedPtr stmt = take_statement(sql);
    check_parameter_count(
        static_cast<std::size_t>(stmt->getParameterMetaData()->getParameterCount()), params.size(),
        sql);
    bind_values(*stmt, params, blobs);
    return stmt;
}

std::int64_t MysqlConnection::run_prepared(const std::string& sql,
                                           const std::vector<Value>& params) {
    for (int attempt = 0;; ++attempt) {
        BlobStreams blobs;
        PreparedPtr stmt = take_bound_statement(sql, params, blobs);
        try {
            std::int64_t affected = 0;
            if (stmt->getMetaData()->getColumnCount() == 0)
                affected = stmt->executeUpdate();
            else
                std::unique_ptr<sql::ResultSet>(stmt->executeQuery());
            return_statement(sql, std::move(stmt));
            return affected;
        } catch (const sql::SQLException& e) {
            // Another session changed the table's columns since we prepared: the
            // server re-prepares, but the driver's result buffers are stale.
            if (e.getErrorCode() != kNewStatementMetadata || attempt > 0) throw;
        }
    }
}

std::int64_t MysqlConnection::do_execute(const std::string& sql, const std::vector<Value>& params) {
    try {
        return params.empty() ? run_text(sql) : run_prepared(sql, params);
    } catch (const sql::SQLException& e) {
        fail(e, sql);
    }
}

}  // namespace covet
