#include "postgres/postgres_connection.h"

#include <libpq-fe.h>

#include <pqxx/pqxx>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <set>

#include "covet/error.h"
#include "db/schema_change_words.h"
#include "db/server_error.h"
#include "postgres/postgres_value_codec.h"
#include "util/float_text.h"
#include "util/fnv.h"
#include "util/hex.h"
#include "util/seconds_text.h"
#include "util/secret_mask.h"
#include "util/text_case.h"

namespace covet {

namespace {

// pg_type OIDs of the types that map to a Value other than text.
constexpr pqxx::oid kBoolOid = 16;
constexpr pqxx::oid kByteaOid = 17;
constexpr pqxx::oid kInt8Oid = 20;
constexpr pqxx::oid kInt2Oid = 21;
constexpr pqxx::oid kInt4Oid = 23;
constexpr pqxx::oid kOidOid = 26;
constexpr pqxx::oid kFloat4Oid = 700;
constexpr pqxx::oid kFloat8Oid = 701;

// The advisory lock key: FNV-1a of "covet_migrations", fixed so that every
// covet version and process agrees on it.
constexpr std::int64_t advisory_key(std::string_view text) {
    return static_cast<std::int64_t>(fnv1a_64(text));
}
constexpr std::string_view kLockName = "covet_migrations";
constexpr std::int64_t kLockKey = advisory_key(kLockName);

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since)
        .count();
}

// libpq messages start with "ERROR:" and span lines; covet prints one line.
std::string pg_message(std::string message) {
    if (message.rfind("ERROR:", 0) == 0) message.erase(0, 6);
    return one_line(message);
}

// What a SQLSTATE means to covet (PostgreSQL's "Error Codes" appendix).
ServerFailure failure_of(const std::string& state, const std::string& message) {
    if (state.rfind("23", 0) == 0) return ServerFailure::constraint;
    // 57014 is a cancelled statement; it means a lock timeout only when it says so.
    if (state == "55P03" || (state == "57014" && message.find("lock timeout") != std::string::npos))
        return ServerFailure::lock_timeout;
    if (state.rfind("08", 0) == 0) return ServerFailure::connection_lost;
    if (state == "25006") return ServerFailure::read_only;  // read_only_sql_transaction: a standby
    return ServerFailure::other;
}

std::string conninfo_quote(const std::string& value) {
    std::string out = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// PostgreSQL's own spellings of the values plain digits cannot say.
std::string float_text(double v) {
    return covet::float_text(v, FloatSpelling{"NaN", "Infinity", false});
}

std::string hex_bytea(const Bytes& bytes) {
    return "\\x" + hex_lower(bytes.data.data(), bytes.data.size());
}

Value field_value(const pqxx::field& f) {
    if (f.is_null()) return Value();
    switch (f.type()) {
        case kBoolOid:
            return Value(f.c_str()[0] == 't');
        case kInt2Oid:
        case kInt4Oid:
        case kInt8Oid:
        case kOidOid:
            return Value(static_cast<std::int64_t>(std::strtoll(f.c_str(), nullptr, 10)));
        case kFloat4Oid:
        case kFloat8Oid:
            return Value(std::strtod(f.c_str(), nullptr));
        case kByteaOid: {
            pqxx::binarystring raw(f);
            Bytes b;
            b.data.assign(raw.data(), raw.data() + raw.size());
            return Value(std::move(b));
        }
        default:
            return postgres_typed_value(postgres_oid_kind(f.type()),
                                        std::string_view(f.c_str(), f.size()));
    }
}

// Server notices ("table does not exist, skipping") would go to stderr;
// library code never prints.
class QuietNotices final : public pqxx::errorhandler {
  public:
    explicit QuietNotices(pqxx::connection_base& connection) : pqxx::errorhandler(connection) {}
    bool operator()(const char*) noexcept override { return false; }
};

// A host list "h1:p1,h2:p2" becomes libpq's parallel host and port lists.
void split_hosts(const std::string& hosts, std::string& host_list, std::string& port_list) {
    bool any_port = false;
    std::size_t pos = 0;
    while (pos <= hosts.size()) {
        auto comma = hosts.find(',', pos);
        std::string entry = hosts.substr(pos, comma == std::string::npos ? comma : comma - pos);
        std::string host = entry, port;
        if (!entry.empty() && entry[0] == '[') {
            auto close = entry.find(']');
            host = entry.substr(1, close == std::string::npos ? close : close - 1);
            if (close != std::string::npos && close + 1 < entry.size() && entry[close + 1] == ':')
                port = entry.substr(close + 2);
        } else if (auto colon = entry.rfind(':'); colon != std::string::npos) {
            host = entry.substr(0, colon);
            port = entry.substr(colon + 1);
        }
        if (pos) {
            host_list += ',';
            port_list += ',';
        }
        host_list += host;
        port_list += port;
        any_port = any_port || !port.empty();
        if (comma == std::string::npos) break;
        pos = comma + 1;
    }
    if (!any_port) port_list.clear();
}

std::string location(const DatabaseUrl& url) {
    std::string host = url.host;
    if (auto it = url.params.find("host"); it != url.params.end()) host = it->second;
    std::string port = url.port;
    if (auto it = url.params.find("port"); it != url.params.end()) port = it->second;
    std::string where;
    if (host.empty())
        where = "the default host";
    else if (host[0] == '/')
        where = "socket directory " + host;
    else
        where = host;
    if (host.find(',') == std::string::npos) where += ":" + (port.empty() ? "5432" : port);
    return where + ", database '" + url.database + "'";
}

// URL parameters are libpq keywords; any other is a mistake in the URL (a
// usage error), found before connecting rather than reported as a failed connection.
void check_url_parameters(const DatabaseUrl& url) {
    std::set<std::string> known;
    if (PQconninfoOption* options = PQconndefaults()) {
        for (PQconninfoOption* o = options; o->keyword; ++o)
            known.insert(o->keyword);
        PQconninfoFree(options);
    }
    for (const auto& [key, value] : url.params)
        if (!known.empty() && !known.count(key))
            throw UsageError("malformed database URL '" + url.redacted() +
                             "': unknown parameter '" + key +
                             "' for PostgreSQL (it takes libpq's connection keywords, e.g. "
                             "sslmode, host, target_session_attrs)");
}

// PostgreSQL quotes the text around an error's position ("LINE 1: ...T
// covet_statement; SELEC..." and a caret line below it). The text sent may
// start with covet's own savepoint or BEGIN, so the quote goes; the error
// keeps the line number, and covet appends an excerpt of the statement itself.
std::string without_position_quote(const std::string& message) {
    std::string out;
    std::size_t start = 0;
    bool after_quote = false;
    while (start < message.size()) {
        std::size_t end = message.find('\n', start);
        if (end == std::string::npos) end = message.size();
        std::string line = message.substr(start, end - start);
        start = end + 1;
        if (line.rfind("LINE ", 0) == 0 && line.size() > 5 &&
            std::isdigit(static_cast<unsigned char>(line[5]))) {
            std::string number = line.substr(5, line.find(':') - 5);
            if (number != "1") out += " (at line " + number + " of the statement)";
            after_quote = true;
            continue;
        }
        if (after_quote && line.find('^') != std::string::npos &&
            line.find_first_not_of(" ^") == std::string::npos)
            continue;
        after_quote = false;
        out += (out.empty() ? "" : "\n") + line;
    }
    return out;
}

std::string build_conninfo(const DatabaseUrl& url, const std::string& application_name) {
    std::map<std::string, std::string> keywords{{"connect_timeout", "10"},
                                                {"application_name", application_name},
                                                {"client_encoding", "UTF8"}};
    if (url.host.find(',') != std::string::npos) {
        std::string hosts, ports;
        split_hosts(url.host, hosts, ports);
        keywords["host"] = hosts;
        if (!ports.empty()) keywords["port"] = ports;
    } else {
        if (!url.host.empty()) keywords["host"] = url.host;
        if (!url.port.empty()) keywords["port"] = url.port;
    }
    if (!url.user.empty()) keywords["user"] = url.user;
    if (!url.password.empty()) keywords["password"] = url.password;
    keywords["dbname"] = url.database;
    // Query parameters are libpq keywords (sslmode, host=/socket/dir, target_session_attrs, ...).
    for (const auto& [key, value] : url.params)
        keywords[key] = value;
    std::string out;
    for (const auto& [key, value] : keywords)
        out += key + "=" + conninfo_quote(value) + " ";
    return out;
}

// The index a `CREATE [UNIQUE] INDEX CONCURRENTLY name ...` statement builds
// (name plain or double-quoted, as covet's DDL and hand-written SQL give
// it); "" for any other statement.
std::string concurrent_index_name(const std::string& sql) {
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])))
            ++i;
    };
    auto keyword = [&](const char* word) {
        skip_space();
        std::size_t n = std::strlen(word);
        if (sql.size() - i < n) return false;
        for (std::size_t k = 0; k < n; ++k)
            if (std::toupper(static_cast<unsigned char>(sql[i + k])) != word[k]) return false;
        if (i + n < sql.size() && !std::isspace(static_cast<unsigned char>(sql[i + n])))
            return false;
        i += n;
        return true;
    };
    if (!keyword("CREATE")) return "";
    keyword("UNIQUE");
    if (!keyword("INDEX") || !keyword("CONCURRENTLY")) return "";
    if (keyword("IF")) return "";  // IF NOT EXISTS: an existing index is not ours to drop
    skip_space();
    std::string name;
    if (i < sql.size() && sql[i] == '"') {
        for (++i; i < sql.size(); ++i) {
            if (sql[i] != '"') {
                name += sql[i];
            } else if (i + 1 < sql.size() && sql[i + 1] == '"') {
                name += '"';
                ++i;
            } else {
                return name;
            }
        }
        return "";
    }
    while (i < sql.size() && (std::isalnum(static_cast<unsigned char>(sql[i])) || sql[i] == '_'))
        name += sql[i++];
    name = to_lower(name);
    return name == "on" ? "" : name;
}

}  // namespace

struct PostgresConnection::Session {
    explicit Session(const std::string& conninfo) : connection(conninfo), quiet(connection) {}
    pqxx::connection connection;
    QuietNotices quiet;
};

PostgresConnection::PostgresConnection(const DatabaseUrl& url)
    : conninfo_((check_url_parameters(url), build_conninfo(url, "covet"))),
      lock_conninfo_(build_conninfo(url, "covet migration lock")),
      password_(url.password),
      where_(location(url)) {
    session_ = open_session(conninfo_);
    try {
        run("SET TIME ZONE 'UTC'", {}, false, nullptr);
    } catch (const Error& e) {
        fail_connection(e.what());
    }
}

PostgresConnection::~PostgresConnection() = default;

std::unique_ptr<PostgresConnection::Session> PostgresConnection::open_session(
    const std::string& conninfo) const {
    try {
        return std::make_unique<Session>(conninfo);
    } catch (const std::exception& e) {
        fail_connection(e.what());
    }
}

void PostgresConnection::fail_connection(const std::string& message) const {
    throw ConnectionError("cannot connect to PostgreSQL at " + where_ + ": " +
                          mask_secret(pg_message(message), password_));
}

int PostgresConnection::backend_pid() const {
    return session_->connection.backendpid();
}

void PostgresConnection::fail(const pqxx::sql_error& error, const std::string& sql) const {
    const std::string message = pg_message(without_position_quote(error.what()));
    fail_as(failure_of(error.sqlstate(), message), message, sql);
}

void PostgresConnection::fail_as(ServerFailure failure, const std::string& driver_message,
                                 const std::string& sql) const {
    throw_server_error(failure, pg_message(driver_message), sql,
                       ServerErrorContext{"PostgreSQL at " + where_, password_});
}

std::string PostgresConnection::statement_name(const std::string& sql, bool returns_rows) {
    auto it = statements_.find(sql);
    if (it != statements_.end()) {
        returns_rows = returns_rows || it->second.returns_rows;
        // A query prepared before a schema change may no longer match its row
        // type ("cached plan must not change result type"): prepare it afresh.
        if (!returns_rows || it->second.schema_generation == schema_generation_)
            return it->second.name;
    }
    std::string name = "covet_" + std::to_string(++next_statement_);
    session_->connection.prepare(name, sql);
    statements_[sql] = CachedStatement{name, returns_rows, schema_generation_};
    return name;
}

ResultSet PostgresConnection::run(const std::string& sql, const std::vector<Value>& params,
                                  bool want_rows, std::int64_t* affected, std::string prefix) {
    // A migration's BEGIN waits to travel with its first statement.
    if (begin_pending_) {
        begin_pending_ = false;
        if (params.empty())
            prefix = "BEGIN; " + prefix;
        else
            run("BEGIN", {}, false, nullptr);
    }
    auto started = std::chrono::steady_clock::now();
    pqxx::result result;
    try {
        pqxx::nontransaction tx(session_->connection);
        if (params.empty()) {
            // Without parameters the text may hold several statements (run_sql);
            // they run in order, so a prefix has run when the statement fails.
            result = tx.exec(prefix + sql);
            if (may_change_schema(sql)) ++schema_generation_;
        } else {
            std::vector<std::string> texts(params.size());
            std::vector<const char*> pointers(params.size(), nullptr);
            for (std::size_t i = 0; i < params.size(); ++i) {
                const Value& v = params[i];
                switch (v.kind()) {
                    case Value::Kind::Null:
                        continue;
                    case Value::Kind::Int:
                        texts[i] = std::to_string(v.as_int());
                        break;
                    case Value::Kind::Float:
                        texts[i] = float_text(v.as_double());
                        break;
                    case Value::Kind::Bool:
                        texts[i] = v.as_bool() ? "true" : "false";
                        break;
                    case Value::Kind::Text:
                        if (v.as_text().find('\0') != std::string::npos)
                            throw DatabaseError("parameter " + std::to_string(i + 1) +
                                                " holds a NUL character, which PostgreSQL text "
                                                "cannot store (in: " +
                                                sql_excerpt(sql) + ")");
                        texts[i] = v.as_text();
                        break;
                    case Value::Kind::Blob:
                        texts[i] = hex_bytea(v.as_blob());
                        break;
                    default:  // the typed kinds, as their text
                        texts[i] = postgres_param_text(v).value_or(v.to_string());
                        break;
                }
                pointers[i] = texts[i].c_str();
            }
            const std::string name = statement_name(sql, want_rows);
            result = tx.exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
        }
    } catch (const pqxx::sql_error& e) {
        transaction_aborted_ = in_transaction_;
        fail(e, sql);
    } catch (const pqxx::broken_connection& e) {
        fail_as(ServerFailure::connection_lost, e.what(), sql);
    } catch (const pqxx::failure& e) {
        transaction_aborted_ = in_transaction_;
        fail_as(ServerFailure::other, e.what(), sql);
    } catch (const pqxx::usage_error& e) {
        fail_as(ServerFailure::other, e.what(), sql);
    }
    ResultSet rs;
    if (affected) *affected = static_cast<std::int64_t>(result.affected_rows());
    if (want_rows) {
        const auto columns = result.columns();
        for (pqxx::row_size_type i = 0; i < columns; ++i)
            rs.columns.emplace_back(result.column_name(i));
        rs.rows.reserve(result.size());
        for (const auto& r : result) {
            Row row;
            row.reserve(columns);
            for (const auto& f : r)
                row.push_back(field_value(f));
            rs.rows.push_back(std::move(row));
        }
    }
    log_sql(prefix + sql, elapsed_ms(started));
    return rs;
}

std::int64_t PostgresConnection::execute(const std::string& sql, const std::vector<Value>& params) {
    std::int64_t affected = 0;
    // A statement that gives up on a lock inside a migration's transaction
    // would abort it; a savepoint keeps the transaction alive for the retry.
    if (!in_transaction_ || !params.empty() || ddl_lock_timeout_.count() == 0) {
        const bool builds_concurrently = !in_transaction_ && params.empty();
        // Debris of an earlier failed build (one still blocked, or a killed
        // run) goes first; a drop that times out is a lock timeout to retry.
        if (builds_concurrently) drop_invalid_index_left_by(sql, true);
        try {
            run(sql, params, false, &affected);
        } catch (const Error&) {
            if (builds_concurrently) drop_invalid_index_left_by(sql, false);
            throw;
        }
        return affected;
    }
    // One round trip per statement: the previous statement's savepoint is
    // released and this one's taken in the same text (COMMIT releases the last).
    std::string prefix = savepoint_open_ ? "RELEASE SAVEPOINT covet_statement; " : "";
    prefix += "SAVEPOINT covet_statement; ";
    savepoint_open_ = false;
    try {
        run(sql, params, false, &affected, prefix);
    } catch (const LockTimeoutError&) {
        run("ROLLBACK TO SAVEPOINT covet_statement; RELEASE SAVEPOINT covet_statement", {}, false,
            nullptr);
        transaction_aborted_ = false;
        throw;
    }
    savepoint_open_ = true;
    return affected;
}

void PostgresConnection::drop_invalid_index_left_by(const std::string& sql, bool must_succeed) {
    const std::string name = concurrent_index_name(sql);
    if (name.empty()) return;
    try {
        // Only an INVALID index: never one that was built.
        ResultSet rs = query(
            "SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = $1 AND n.nspname = current_schema() AND NOT i.indisvalid",
            {Value(name)});
        if (rs.rows.empty()) return;
        run("DROP INDEX CONCURRENTLY IF EXISTS " + dialect_.quote_name(name), {}, false, nullptr);
    } catch (const Error&) {
        // After a failure the statement's own error is the one to report;
        // the drop is tried again before the next attempt.
        if (must_succeed) throw;
    }
}

ResultSet PostgresConnection::query(const std::string& sql, const std::vector<Value>& params) {
    return run(sql, params, true, nullptr);
}

void PostgresConnection::set_ddl_lock_timeout(std::chrono::milliseconds timeout) {
    auto ms = std::clamp<std::int64_t>(timeout.count(), 0, 2147483647);
    run("SET lock_timeout = '" + std::to_string(ms) + "ms'", {}, false, nullptr);
    ddl_lock_timeout_ = std::chrono::milliseconds(ms);
}

std::string PostgresConnection::describe_lock_holders(const std::string& table) {
    ResultSet rs;
    try {
        rs = query(
            "SELECT a.pid, host(a.client_addr), a.state, "
            "to_char(coalesce(a.xact_start, a.backend_start) AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD HH24:MI:SS'), left(regexp_replace(a.query, '\\s+', ' ', 'g'), 120), "
            "bool_or(l.granted), string_agg(DISTINCT l.mode, ', ') "
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'relation' AND l.pid <> pg_backend_pid() AND l.relation = "
            "to_regclass(quote_ident(current_schema()) || '.' || quote_ident($1)) "
            "GROUP BY a.pid, a.client_addr, a.state, a.xact_start, a.backend_start, a.query "
            "ORDER BY bool_or(l.granted) DESC, a.pid",
            {table});
    } catch (const Error&) {
        return "";  // only a message detail: never hide the error it explains
    }
    std::string out;
    for (const auto& row : rs.rows) {
        std::string details = row[1].is_null() ? "local socket" : row[1].to_string();
        if (!row[2].is_null()) details += ", " + row[2].to_string();
        if (!row[3].is_null()) details += ", since " + row[3].to_string() + " UTC";
        details += (row[5].as_bool() ? ", holds " : ", waits for ") + row[6].to_string();
        if (!row[4].is_null() && !row[4].as_text().empty())
            details += ", query: " + row[4].to_string();
        out += (out.empty() ? "" : "; ") + std::string("pid ") + row[0].to_string() + " (" +
               details + ")";
    }
    return out;
}

std::string PostgresConnection::lock_holder_description() {
    const auto key = static_cast<std::uint64_t>(kLockKey);
    ResultSet rs;
    try {
        rs = query(
            "SELECT l.pid, host(a.client_addr), to_char(a.backend_start AT TIME ZONE 'UTC', "
            "'YYYY-MM-DD HH24:MI:SS'), a.application_name FROM pg_locks l "
            "LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 "
            "AND l.objsubid = 1 AND l.database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
            {static_cast<std::int64_t>(key >> 32), static_cast<std::int64_t>(key & 0xffffffffu)});
    } catch (const Error&) {
        return "held by another session";
    }
    if (rs.rows.empty()) return "held by another session, which has just released it";
    const Row& row = rs.rows.front();
    std::string details = row[1].is_null() ? "local socket" : row[1].to_string();
    if (!row[2].is_null()) details += ", since " + row[2].to_string() + " UTC";
    if (!row[3].is_null() && !row[3].as_text().empty())
        details += ", application '" + row[3].to_string() + "'";
    return "held by pid " + row[0].to_string() + " (" + details + ")";
}

void PostgresConnection::acquire_migration_lock(std::chrono::milliseconds timeout) {
    if (lock_session_) return;
    auto session = open_session(lock_conninfo_);
    const std::string key = std::to_string(kLockKey);
    const std::string lock_sql = "SELECT pg_advisory_lock(" + key + ")";
    auto started = std::chrono::steady_clock::now();
    bool taken = false;
    try {
        pqxx::nontransaction tx(session->connection);
        if (timeout.count() <= 0) {
            taken = tx.exec("SELECT pg_try_advisory_lock(" + key + ")")[0][0].as<bool>();
        } else {
            // The server wakes the waiter the moment the holder releases.
            auto ms = std::min<std::int64_t>(timeout.count(), 2147483647);
            tx.exec("SET lock_timeout = '" + std::to_string(ms) + "ms'");
            tx.exec(lock_sql);
            tx.exec("SET lock_timeout = 0");
            taken = true;
        }
    } catch (const pqxx::sql_error& e) {
        if (e.sqlstate() != "55P03") fail(e, lock_sql);
    } catch (const pqxx::broken_connection& e) {
        fail_as(ServerFailure::connection_lost, e.what(), lock_sql);
    }
    log_sql(lock_sql, elapsed_ms(started));
    if (!taken)
        throw LockTimeoutError("could not take the migration lock (PostgreSQL advisory lock " +
                               std::string(kLockName) + ", key " + key + ") within " +
                               seconds_text(timeout) + ": " + lock_holder_description());
    lock_session_ = std::move(session);
}

void PostgresConnection::release_migration_lock(bool commit) {
    std::exception_ptr failure;
    if (in_transaction_) {
        try {
            if (commit)
                commit_migration();
            else
                rollback_migration();
        } catch (...) {
            failure = std::current_exception();
        }
    }
    if (lock_session_) {
        auto session = std::move(lock_session_);
        try {
            pqxx::nontransaction tx(session->connection);
            tx.exec("SELECT pg_advisory_unlock(" + std::to_string(kLockKey) + ")");
        } catch (const std::exception&) {
            // Closing the session (now) releases the lock as well.
        }
    }
    if (failure) std::rethrow_exception(failure);
}

void PostgresConnection::begin_migration(bool atomic) {
    // atomic: false statements autocommit (CREATE INDEX CONCURRENTLY needs that).
    if (!atomic) return;
    // Sent with the first statement (see run()): one round trip fewer per
    // migration, which is most of covet's cost on a fast server.
    begin_pending_ = true;
    in_transaction_ = true;
    transaction_aborted_ = false;
    savepoint_open_ = false;
}

void PostgresConnection::commit_migration() {
    if (!in_transaction_) return;
    savepoint_open_ = false;
    if (begin_pending_) {  // nothing was sent: there is no transaction to end
        begin_pending_ = false;
        in_transaction_ = false;
        return;
    }
    // COMMIT of a transaction an error aborted would silently roll it back.
    if (transaction_aborted_) {
        rollback_migration();
        throw DatabaseError(
            "the migration's transaction was aborted by an earlier error and has "
            "been rolled back");
    }
    run("COMMIT", {}, false, nullptr);
    in_transaction_ = false;
}

void PostgresConnection::rollback_migration() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    transaction_aborted_ = false;
    savepoint_open_ = false;
    if (begin_pending_) {  // nothing was sent
        begin_pending_ = false;
        return;
    }
    try {
        run("ROLLBACK", {}, false, nullptr);
    } catch (const ConnectionError&) {
        return;  // the server rolls back a lost session's transaction itself
    }
    // A SET inside the transaction was undone with it.
    if (ddl_lock_timeout_.count() > 0) set_ddl_lock_timeout(ddl_lock_timeout_);
}

bool PostgresConnection::table_exists(const std::string& table) {
    return !query(
                "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relname = $1 "
                "AND c.relkind IN ('r', 'p')",
                {table})
                .rows.empty();
}

}  // namespace covet
