// A connection to a MySQL or MariaDB database on MySQL Connector/C++ 1.1.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/database_url.h"
#include "covet/introspector.h"
#include "covet/migration_lock.h"
#include "db/statement_cache.h"
#include "mysql/mysql_dialect.h"
#include "mysql/mysql_value_codec.h"

// The driver's types stay out of this header, so that its users need neither
// the Connector/C++ nor the boost headers.
namespace sql {
class Connection;
class PreparedStatement;
class ResultSet;
class SQLException;
class Statement;
}  // namespace sql

namespace covet {

struct UrlOptions;

class MysqlConnection final : public Connection, public Introspector, public MigrationLock {
  public:
    // Connects over TCP (host, port; default 3306) or a unix socket
    // (`?socket=/path`), with TLS from `ssl-mode`, `ssl-ca`, `ssl-cert` and
    // `ssl-key`, and `connect_timeout` seconds (default 10). The session runs
    // in UTC with strict SQL mode and utf8mb4. Throws ConnectionError naming
    // host, port (or socket) and database, never the password; UsageError for
    // an unknown URL parameter or ssl-mode.
    explicit MysqlConnection(const DatabaseUrl& url);
    ~MysqlConnection() override;
    MysqlConnection(const MysqlConnection&) = delete;
    MysqlConnection& operator=(const MysqlConnection&) = delete;

    const Dialect& dialect() const override { return dialect_; }
    Introspector* introspector() override { return this; }
    MigrationLock* migration_lock() override { return this; }

    bool table_exists(const std::string& table) override;
    std::vector<std::string> table_names() override;
    IntrospectedTable describe_table(const std::string& table) override;
    void mark_json_columns(const std::string& table, IntrospectedTable& out);
    void set_ddl_lock_timeout(std::chrono::milliseconds timeout) override;
    std::string describe_lock_holders(const std::string& table) override;
    // MySQL commits each DDL statement implicitly, so a migration cannot be
    // one transaction: the executor undoes failed migrations and journals
    // each step, and every statement (history rows too) commits on its own.
    void acquire_migration_lock(std::chrono::milliseconds timeout) override;
    void release_migration_lock(bool commit) override;

    // The server's id of this session (CONNECTION_ID(), PROCESSLIST.ID).
    std::int64_t connection_id() const { return connection_id_; }
    // The name passed to GET_LOCK: one lock per database, not per server.
    const std::string& migration_lock_name() const { return lock_name_; }

    using PreparedPtr = std::unique_ptr<sql::PreparedStatement>;
    // For cursors (mysql_cursor.cpp): a finished cursor's statement goes
    // back to the cache; the results after the first of a multi-statement
    // text are read so that the connection stays usable.
    void return_statement(const std::string& sql, PreparedPtr stmt);
    void drain_results(const std::string& sql, bool first_was_result_set);
    [[noreturn]] void fail(const sql::SQLException& e, const std::string& sql) const;

  protected:
    // Without parameters the text may hold several statements separated by
    // ';'; the affected rows are then those of the first one.
    std::int64_t do_execute(const std::string& sql, const std::vector<Value>& params) override;
    std::unique_ptr<RowSource> do_open_cursor(const std::string& sql,
                                              const std::vector<Value>& params,
                                              Fetch fetch) override;

  private:
    // The cached statement for `sql` or a new one.
    PreparedPtr take_statement(const std::string& sql);
    // A cached or new statement with `params` bound; blob parameters are read
    // from `blobs` when it executes.
    PreparedPtr take_bound_statement(const std::string& sql, const std::vector<Value>& params,
                                     BlobStreams& blobs);
    std::int64_t run_text(const std::string& sql);
    std::int64_t run_text_once(const std::string& sql);
    std::int64_t run_prepared(const std::string& sql, const std::vector<Value>& params);
    std::unique_ptr<RowSource> open_text_cursor(const std::string& sql, Fetch fetch);
    std::unique_ptr<RowSource> open_prepared_cursor(const std::string& sql,
                                                    const std::vector<Value>& params);
    // "connection 12 (127.0.0.1:5432, user covet, idle in transaction for 7 s)";
    // just "connection 12" once it has gone.
    std::string describe_session(std::int64_t id);
    bool has_metadata_lock_info();
    void open_session(const DatabaseUrl& url, const UrlOptions& options);

    MysqlDialect dialect_;
    std::string target_;  // "database 'x' on 127.0.0.1:3306", for messages
    std::string lock_name_;
    std::string password_;  // masked in messages, never shown
    std::unique_ptr<sql::Connection> connection_;
    std::unique_ptr<sql::Statement> statement_;
    StatementCache<PreparedPtr> cache_;
    std::int64_t connection_id_ = 0;
    bool is_mariadb_ = true;
    int metadata_lock_info_ = -1;  // -1 unknown, 0 missing, 1 available
    bool in_run_ = false;          // this session holds the migration lock
};

}  // namespace covet
