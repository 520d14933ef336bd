#include "mysql/mysql_connection.h"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/driver.h>
#include <cppconn/exception.h>
#include <cppconn/parameter_metadata.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <limits>
#include <set>
#include <sstream>

#include "covet/error.h"
#include "db/schema_change_words.h"
#include "db/server_error.h"
#include "mysql/mysql_value_codec.h"
#include "util/fnv.h"
#include "util/seconds_text.h"
#include "util/secret_mask.h"
#include "util/text_case.h"

namespace covet {

namespace {

constexpr int kDefaultPort = 3306;
constexpr int kDefaultConnectTimeoutSeconds = 10;
// MariaDB caps prepared statements per server (max_prepared_stmt_count).
constexpr std::size_t kMaxCachedStatements = 256;
constexpr std::size_t kMaxLockNameLength = 64;
constexpr int kNewStatementMetadata = 2057;  // CR_NEW_STMT_METADATA

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

std::int64_t int_of(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Int:
            return v.as_int();
        case Value::Kind::Bool:
            return v.as_bool() ? 1 : 0;
        case Value::Kind::Float:
            return static_cast<std::int64_t>(v.as_double());
        case Value::Kind::Text:
            return std::stoll(v.as_text());
        default:
            return 0;
    }
}

// FNV-1a: a stable short name for databases whose lock name would be too long.
std::string stable_hash(const std::string& text) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx",
                  static_cast<unsigned long long>(fnv1a_64(text)));
    return buffer;
}

// One lock per database: runs against other databases of the same server
// must not wait for each other.
std::string lock_name_for(const std::string& database) {
    std::string name = "covet_migrations:" + database;
    if (name.size() <= kMaxLockNameLength) return name;
    return "covet_migrations:" + database.substr(0, 24) + ":" + stable_hash(database);
}

// The URL parameters a MySQL URL may carry, under the spellings users know
// from the mysql client (ssl-ca), Connector/J (sslMode) and libpq (ssl_mode).
struct UrlOptions {
    std::string socket;
    std::string ssl_mode;  // "", DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY
    std::string ssl_ca;
    std::string ssl_cert;
    std::string ssl_key;
    int connect_timeout = kDefaultConnectTimeoutSeconds;
};

UrlOptions read_url_options(const DatabaseUrl& url) {
    UrlOptions out;
    auto bad = [&](const std::string& why) {
        throw UsageError("malformed database URL '" + url.redacted() + "': " + why);
    };
    for (const auto& [key, value] : url.params) {
        std::string k;
        for (char c : key)
            if (c != '-' && c != '_') k += c;
        k = to_lower(k);
        if (k == "socket") {
            out.socket = value;
        } else if (k == "sslmode") {
            std::string mode = to_upper(value);
            std::replace(mode.begin(), mode.end(), '-', '_');
            static const std::set<std::string> modes{"DISABLED", "PREFERRED", "REQUIRED",
                                                     "VERIFY_CA", "VERIFY_IDENTITY"};
            if (!modes.count(mode))
                bad("ssl-mode '" + value +
                    "' is not one of DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY");
            out.ssl_mode = mode;
        } else if (k == "sslca") {
            out.ssl_ca = value;
        } else if (k == "sslcert") {
            out.ssl_cert = value;
        } else if (k == "sslkey") {
            out.ssl_key = value;
        } else if (k == "connecttimeout") {
            bool digits = !value.empty() && value.size() < 7 &&
                          std::all_of(value.begin(), value.end(),
                                      [](unsigned char c) { return std::isdigit(c); });
            if (!digits || std::stoi(value) == 0)
                bad("connect_timeout '" + value + "' is not a positive number of seconds");
            out.connect_timeout = std::stoi(value);
        } else {
            bad("unknown parameter '" + key +
                "' for MySQL/MariaDB (known: socket, ssl-mode, ssl-ca, ssl-cert, ssl-key, "
                "connect_timeout)");
        }
    }
    return out;
}

std::string describe_target(const DatabaseUrl& url, const UrlOptions& options) {
    std::string where;
    if (!options.socket.empty()) {
        where = "socket " + options.socket;
    } else {
        std::string host = url.host.empty() ? "127.0.0.1" : url.host;
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        where = host + ":" + (url.port.empty() ? std::to_string(kDefaultPort) : url.port);
    }
    if (url.database.empty()) return "server " + where;
    return "database '" + url.database + "' on " + where;
}

// Why a connection failed, in words, for the codes users meet most.
std::string connect_hint(int code, bool over_socket) {
    switch (code) {
        case 1045:
        case 1698:
            return "access denied (check the user name and password)";
        case 1044:
            return "access to the database denied for this user";
        case 1049:
            return "the database does not exist";
        case 2002:
            return over_socket ? "no server is listening on that socket"
                               : "no server is reachable there (refused or timed out)";
        case 2003:
            return "no server is reachable there (refused or timed out)";
        case 2005:
            return "unknown host";
        case 2006:
        case 2013:
            return "the server closed the connection or did not answer in time";
        case 2026:
            return "the TLS handshake failed";
        default:
            return "";
    }
}

Value column_value(sql::ResultSet& rs, sql::ResultSetMetaData& meta, unsigned int i) {
    if (rs.isNull(i)) return Value();
    switch (meta.getColumnType(i)) {
        case sql::DataType::BIT:
        case sql::DataType::TINYINT:
        case sql::DataType::SMALLINT:
        case sql::DataType::MEDIUMINT:
        case sql::DataType::INTEGER:
        case sql::DataType::YEAR:
            return Value(static_cast<std::int64_t>(rs.getInt64(i)));
        case sql::DataType::BIGINT:
            if (!meta.isSigned(i)) {
                std::uint64_t u = rs.getUInt64(i);
                if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    return Value(std::to_string(u));
                return Value(static_cast<std::int64_t>(u));
            }
            return Value(static_cast<std::int64_t>(rs.getInt64(i)));
        case sql::DataType::REAL:
        case sql::DataType::DOUBLE:
            return Value(static_cast<double>(rs.getDouble(i)));
        case sql::DataType::BINARY:
        case sql::DataType::VARBINARY:
        case sql::DataType::LONGVARBINARY:
        case sql::DataType::GEOMETRY: {
            std::string bytes = rs.getString(i);
            Bytes b;
            b.data.assign(bytes.begin(), bytes.end());
            return Value(std::move(b));
        }
        case sql::DataType::SQLNULL:
            return Value();
        default:  // DECIMAL, dates, times and JSON typed; strings as text
            return mysql_typed_value(mysql_column_kind(meta.getColumnType(i)),
                                     std::string(rs.getString(i)));
    }
}

void read_rows(sql::ResultSet& rs, ResultSet& out) {
    sql::ResultSetMetaData* meta = rs.getMetaData();
    unsigned int count = meta->getColumnCount();
    out.columns.clear();
    for (unsigned int i = 1; i <= count; ++i)
        out.columns.emplace_back(meta->getColumnLabel(i));
    while (rs.next()) {
        Row row;
        row.reserve(count);
        for (unsigned int i = 1; i <= count; ++i)
            row.push_back(column_value(rs, *meta, i));
        out.rows.push_back(std::move(row));
    }
}

// Blob parameters are read from their streams at execute time.
using BlobStreams = std::vector<std::unique_ptr<std::istringstream>>;

void bind(sql::PreparedStatement& stmt, const std::vector<Value>& params, BlobStreams& blobs,
          const std::string& sql) {
    int expected = stmt.getParameterMetaData()->getParameterCount();
    if (expected != static_cast<int>(params.size()))
        throw DatabaseError("statement expects " + std::to_string(expected) + " parameters, got " +
                            std::to_string(params.size()) + " (in: " + sql_excerpt(sql) + ")");
    for (std::size_t i = 0; i < params.size(); ++i) {
        auto index = static_cast<unsigned int>(i + 1);
        const Value& v = params[i];
        switch (v.kind()) {
            case Value::Kind::Null:
                stmt.setNull(index, sql::DataType::SQLNULL);
                break;
            case Value::Kind::Int:
                stmt.setInt64(index, v.as_int());
                break;
            case Value::Kind::Float:
                stmt.setDouble(index, v.as_double());
                break;
            case Value::Kind::Bool:
                stmt.setBoolean(index, v.as_bool());
                break;
            case Value::Kind::Text:
                stmt.setString(index, sql::SQLString(v.as_text()));
                break;
            case Value::Kind::Blob: {
                const auto& data = v.as_blob().data;
                blobs.push_back(
                    std::make_unique<std::istringstream>(std::string(data.begin(), data.end())));
                stmt.setBlob(index, blobs.back().get());
                break;
            }
            default:  // the typed kinds, as their text
                stmt.setString(index, sql::SQLString(mysql_param_text(v).value_or(v.to_string())));
                break;
        }
    }
}

sql::Driver* driver() {
    // Owned by the library: never deleted. A static makes the first call thread-safe.
    static sql::Driver* instance = get_driver_instance();
    return instance;
}

}  // namespace

MysqlConnection::MysqlConnection(const DatabaseUrl& url)
    : lock_name_(lock_name_for(url.database)), password_(url.password) {
    const UrlOptions options = read_url_options(url);
    target_ = describe_target(url, options);
    const bool over_socket = !options.socket.empty();

    sql::ConnectOptionsMap properties;
    if (over_socket) {
        properties["socket"] = options.socket;
    } else {
        std::string host = url.host.empty() ? "127.0.0.1" : url.host;
        if (host.find(':') != std::string::npos) host = "[" + host + "]";
        properties["hostName"] = "tcp://" + host;
        properties["port"] = url.port.empty() ? kDefaultPort : std::stoi(url.port);
    }
    properties["userName"] = url.user;
    properties["password"] = url.password;
    if (!url.database.empty()) properties["schema"] = url.database;
    properties["OPT_CONNECT_TIMEOUT"] = options.connect_timeout;
    properties["OPT_CHARSET_NAME"] = std::string("utf8mb4");
    properties["CLIENT_MULTI_STATEMENTS"] = true;

    const std::string& mode = options.ssl_mode;
    if (mode != "DISABLED") {
        if (!options.ssl_ca.empty()) properties["sslCA"] = options.ssl_ca;
        if (!options.ssl_cert.empty()) properties["sslCert"] = options.ssl_cert;
        if (!options.ssl_key.empty()) properties["sslKey"] = options.ssl_key;
    }
    // OPT_SSL_MODE is what libmysqlclient builds read; MariaDB Connector/C
    // builds (Debian's) ignore it and read sslEnforce and sslVerify instead,
    // so both are given, and REQUIRED is checked after connecting. There,
    // PREFERRED uses TLS only when ssl-ca, ssl-cert or ssl-key is given.
    if (mode == "DISABLED") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_DISABLED);
    if (mode == "PREFERRED") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_PREFERRED);
    if (mode == "REQUIRED") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_REQUIRED);
    if (mode == "VERIFY_CA") properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_VERIFY_CA);
    if (mode == "VERIFY_IDENTITY")
        properties["OPT_SSL_MODE"] = static_cast<int>(sql::SSL_MODE_VERIFY_IDENTITY);
    const bool tls_required = mode == "REQUIRED" || mode.rfind("VERIFY_", 0) == 0;
    if (tls_required) properties["sslEnforce"] = true;
    if (mode.rfind("VERIFY_", 0) == 0) properties["sslVerify"] = true;

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

namespace {

// What a server error number means to covet.
ServerFailure failure_of(int code) {
    switch (code) {
        case 1062:  // duplicate entry
        case 1451:  // row is referenced (foreign key)
        case 1452:  // referenced row missing (foreign key)
        case 1216:
        case 1217:
        case 1048:  // column cannot be null
        case 1364:  // field has no default value
        case 1263:  // NULL supplied to NOT NULL column (multi-row insert)
        case 3819:  // check constraint (MySQL)
        case 4025:  // check constraint (MariaDB)
            return ServerFailure::constraint;
        case 1205:  // lock wait timeout (row locks and, via lock_wait_timeout, table locks)
        case 3572:  // NOWAIT
            return ServerFailure::lock_timeout;
        case 2006:  // server has gone away
        case 2013:  // lost connection during query
            return ServerFailure::connection_lost;
        case 1290:  // --read-only (a replica)
        case 1792:  // a READ ONLY transaction
        case 1836:  // read-only mode (MySQL super_read_only)
            return ServerFailure::read_only;
        default:
            return ServerFailure::other;
    }
}

}  // namespace

void MysqlConnection::fail(const sql::SQLException& e, const std::string& sql) const {
    const int code = e.getErrorCode();
    throw_server_error(failure_of(code),
                       std::string(e.what()) + " [error " + std::to_string(code) + "]", sql,
                       ServerErrorContext{target_, password_});
}

sql::PreparedStatement* MysqlConnection::prepare_cached(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second.get();
    if (cache_.size() >= kMaxCachedStatements) cache_.clear();
    std::unique_ptr<sql::PreparedStatement> stmt(connection_->prepareStatement(sql));
    return cache_.emplace(sql, std::move(stmt)).first->second.get();
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

namespace {
// A text of several statements: a ';' before its last non-blank character.
bool holds_several_statements(const std::string& sql) {
    auto last = sql.find_last_not_of(" \t\r\n;");
    auto semicolon = sql.find(';');
    return semicolon != std::string::npos && last != std::string::npos && semicolon < last;
}
}  // namespace

std::int64_t MysqlConnection::run_text(const std::string& sql, ResultSet* rows) {
    // Several data statements in one text (a run_sql) run as one transaction,
    // so a failing one takes the earlier ones with it, as on PostgreSQL and
    // SQLite. DDL commits on its own anyway: such texts are left alone.
    if (!rows && holds_several_statements(sql) && !may_change_schema(sql)) {
        statement_->execute("START TRANSACTION");
        try {
            std::int64_t affected = run_text_once(sql, rows);
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
    return run_text_once(sql, rows);
}

std::int64_t MysqlConnection::run_text_once(const std::string& sql, ResultSet* rows) {
    // Cached statements keep the result layout of their tables as prepared.
    if (may_change_schema(sql)) cache_.clear();
    bool has_result_set = statement_->execute(sql);
    std::int64_t affected = 0;
    if (has_result_set) {
        std::unique_ptr<sql::ResultSet> rs(statement_->getResultSet());
        if (rows) read_rows(*rs, *rows);
    } else {
        std::uint64_t count = statement_->getUpdateCount();
        if (count != std::numeric_limits<std::uint64_t>::max())
            affected = static_cast<std::int64_t>(count);
    }
    drain_results(sql, has_result_set);
    return affected;
}

std::int64_t MysqlConnection::run_prepared(const std::string& sql, const std::vector<Value>& params,
                                           ResultSet* rows) {
    for (int attempt = 0;; ++attempt) {
        sql::PreparedStatement* stmt = prepare_cached(sql);
        BlobStreams blobs;
        bind(*stmt, params, blobs, sql);
        try {
            if (stmt->getMetaData()->getColumnCount() == 0) return stmt->executeUpdate();
            std::unique_ptr<sql::ResultSet> rs(stmt->executeQuery());
            if (rows) read_rows(*rs, *rows);
            return 0;
        } catch (const sql::SQLException& e) {
            // Another session changed the table's columns since we prepared: the
            // server re-prepares, but the driver's result buffers are stale.
            if (e.getErrorCode() != kNewStatementMetadata || attempt > 0) throw;
            cache_.erase(sql);
        }
    }
}

std::int64_t MysqlConnection::execute(const std::string& sql, const std::vector<Value>& params) {
    auto started = std::chrono::steady_clock::now();
    std::int64_t affected = 0;
    try {
        affected = params.empty() ? run_text(sql, nullptr) : run_prepared(sql, params, nullptr);
    } catch (const sql::SQLException& e) {
        fail(e, sql);
    }
    log_sql(sql, elapsed_ms(started));
    return affected;
}

ResultSet MysqlConnection::query(const std::string& sql, const std::vector<Value>& params) {
    auto started = std::chrono::steady_clock::now();
    ResultSet out;
    try {
        if (params.empty())
            run_text(sql, &out);
        else
            run_prepared(sql, params, &out);
    } catch (const sql::SQLException& e) {
        fail(e, sql);
    }
    log_sql(sql, elapsed_ms(started));
    return out;
}

void MysqlConnection::set_ddl_lock_timeout(std::chrono::milliseconds timeout) {
    // Both variables take whole seconds; a DDL statement waits on the first
    // (metadata locks), a DML one on the second (row locks).
    long long seconds = std::max<long long>(1, (timeout.count() + 999) / 1000);
    execute("SET SESSION lock_wait_timeout = " + std::to_string(seconds) +
            ", SESSION innodb_lock_wait_timeout = " + std::to_string(seconds));
}

std::string MysqlConnection::describe_session(std::int64_t id) {
    ResultSet rs = query(
        "SELECT p.USER, p.HOST, p.TIME, p.COMMAND, p.STATE, p.INFO, TIMESTAMPDIFF(SECOND, "
        "t.trx_started, NOW()) FROM information_schema.PROCESSLIST p LEFT JOIN "
        "information_schema.INNODB_TRX t ON t.trx_mysql_thread_id = p.ID WHERE p.ID = ?",
        {id});
    std::string out = "connection " + std::to_string(id);
    if (rs.rows.empty()) return out;
    const Row& r = rs.rows.front();
    const std::string host = r[1].is_null() ? "" : r[1].to_string();
    const std::string command = r[3].is_null() ? "" : r[3].to_string();
    const std::string state = r[4].is_null() ? "" : r[4].to_string();
    out += " (" + (host.empty() ? std::string("local") : host) + ", user " + r[0].to_string();
    if (command == "Sleep" && !r[6].is_null())
        out += ", idle in transaction for " + r[6].to_string() + " s";
    else if (command == "Sleep")
        out += ", idle for " + r[2].to_string() + " s";
    else
        out += ", " + (state.empty() ? command : state) + " for " + r[2].to_string() + " s";
    if (!r[5].is_null() && command != "Sleep") out += ", query: " + sql_excerpt(r[5].to_string());
    return out + ")";
}

bool MysqlConnection::has_metadata_lock_info() {
    if (metadata_lock_info_ < 0)
        metadata_lock_info_ = query(
                                  "SELECT 1 FROM information_schema.PLUGINS WHERE PLUGIN_NAME = "
                                  "'METADATA_LOCK_INFO' AND PLUGIN_STATUS = 'ACTIVE'")
                                      .rows.empty()
                                  ? 0
                                  : 1;
    return metadata_lock_info_ == 1;
}

std::string MysqlConnection::describe_lock_holders(const std::string& table) {
    // A message helper: what the server cannot tell us is left out, not thrown.
    try {
        std::vector<std::int64_t> ids;
        auto add = [&](const ResultSet& rs) {
            for (const auto& row : rs.rows) {
                std::int64_t id = int_of(row[0]);
                if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
            }
        };
        if (has_metadata_lock_info())
            add(query(
                "SELECT THREAD_ID FROM information_schema.METADATA_LOCK_INFO WHERE TABLE_SCHEMA = "
                "DATABASE() AND TABLE_NAME = ? AND THREAD_ID <> CONNECTION_ID() ORDER BY "
                "THREAD_ID",
                {table}));
        if (ids.empty()) {
            // Without the plugin: sessions of this database in an open transaction
            // (they keep the metadata locks of every table they touched until they
            // end) and statements running on the table now.
            add(query(
                "SELECT p.ID FROM information_schema.INNODB_TRX t JOIN "
                "information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.ID <> "
                "CONNECTION_ID() AND p.DB = DATABASE() ORDER BY t.trx_started"));
            add(query(
                "SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND DB "
                "= DATABASE() AND COMMAND NOT IN ('Sleep', 'Daemon') AND INFO LIKE CONCAT('%', ?, "
                "'%') AND COALESCE(STATE, '') NOT LIKE 'Waiting for%' ORDER BY TIME DESC",
                {table}));
        }
        std::string out;
        for (auto id : ids)
            out += (out.empty() ? "" : "; ") + describe_session(id);
        return out;
    } catch (const Error&) {
        return "";
    }
}

void MysqlConnection::acquire_migration_lock(std::chrono::milliseconds timeout) {
    if (in_run_) return;
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + timeout;
    // Waits in slices of at most a second, so that the message can name who
    // held the lock at the end.
    for (;;) {
        double remaining = std::chrono::duration<double>(deadline - Clock::now()).count();
        double slice = std::clamp(remaining, 0.0, 1.0);
        ResultSet rs = query("SELECT GET_LOCK(?, ?)", {lock_name_, slice});
        const Value& got = rs.rows.at(0).at(0);
        if (got.is_null())
            throw DatabaseError("GET_LOCK('" + lock_name_ + "') failed on " + target_);
        if (int_of(got) == 1) {
            in_run_ = true;
            return;
        }
        if (Clock::now() >= deadline) break;
    }
    std::string holder;
    ResultSet used = query("SELECT IS_USED_LOCK(?)", {lock_name_});
    if (!used.rows.empty() && !used.rows[0][0].is_null())
        holder = describe_session(int_of(used.rows[0][0]));
    throw LockTimeoutError("could not take the migration lock (GET_LOCK('" + lock_name_ +
                           "')) on " + target_ + " within " + seconds_text(timeout) + ": " +
                           (holder.empty() ? "another session holds it" : "held by " + holder) +
                           "; another covet process is migrating this database");
}

void MysqlConnection::release_migration_lock(bool) {
    // Autocommit is on, so there is no uncommitted work to keep or discard.
    if (!in_run_) return;
    in_run_ = false;
    query("SELECT RELEASE_LOCK(?)", {lock_name_});
}

// MySQL commits each DDL statement implicitly, so a migration cannot be one
// transaction: the executor undoes failed migrations and journals each step,
// and every statement (history rows too) commits on its own under autocommit.
void MysqlConnection::begin_migration(bool atomic) {
    in_migration_ = true;
    migration_atomic_ = atomic;
}

// Nothing to commit: each statement already committed under autocommit.
void MysqlConnection::commit_migration() {
    in_migration_ = false;
}

// Nothing to roll back here: the executor reverts applied DDL with its undo SQL.
void MysqlConnection::rollback_migration() {
    in_migration_ = false;
}

}  // namespace covet
