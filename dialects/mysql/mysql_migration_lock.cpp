// MySQL/MariaDB's migration lock (GET_LOCK, one per database), the DDL lock
// timeout, and who holds the metadata locks a statement waits for.
#include <algorithm>
#include <chrono>

#include "covet/error.h"
#include "db/server_error.h"
#include "mysql/mysql_connection.h"
#include "util/seconds_text.h"

namespace covet {

namespace {

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

}  // namespace

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

void MysqlConnection::release_migration_lock(bool commit) {
    // Outside a transaction autocommit is on: no uncommitted work to keep or discard.
    if (in_transaction()) {
        if (commit)
            this->commit();
        else
            rollback();
    }
    if (!in_run_) return;
    in_run_ = false;
    query("SELECT RELEASE_LOCK(?)", {lock_name_});
}

}  // namespace covet
