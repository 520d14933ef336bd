// MysqlConnection against the live test server: parameters, typed errors,
// multi-statement texts, connection failures, the migration lock, DDL lock
// timeouts, introspection.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include "connect.h"
#include "covet/database_url.h"
#include "covet/error.h"
#include "mysql/mysql_connection.h"
#include "silent_server.h"
#include "test_servers.h"

using covet::Bytes;
using covet::IntrospectedTable;
using covet::MysqlConnection;
using covet::Value;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<MysqlConnection> connect(const std::string& url) {
    return std::make_unique<MysqlConnection>(covet::parse_database_url(url));
}

std::unique_ptr<MysqlConnection> fresh() {
    return connect(covet::test::fresh_database_url("mysql"));
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A socket bound to a free loopback port, not listening: nothing answers there.
class LoopbackSocket {
  public:
    LoopbackSocket() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd_ >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        socklen_t length = sizeof addr;
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &length) == 0);
        port_ = ntohs(addr.sin_port);
    }
    ~LoopbackSocket() { close(); }
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    int port() const { return port_; }

  private:
    int fd_ = -1;
    int port_ = 0;
};

// The test server's URL with another password, port or database.
std::string variant_url(const std::string& url, const std::string& password, std::string port = "",
                        std::string database = "", const std::string& query = "") {
    covet::DatabaseUrl parsed = covet::parse_database_url(url);
    if (port.empty()) port = parsed.port;
    if (database.empty()) database = parsed.database;
    return "mysql://" + parsed.user + ":" + password + "@" + parsed.host + ":" + port + "/" +
           database + query;
}

std::int64_t single_int(MysqlConnection& db, const std::string& sql) {
    auto rs = db.query(sql);
    REQUIRE(rs.rows.size() == 1);
    REQUIRE(rs.rows[0][0].kind() == Value::Kind::Int);
    return rs.rows[0][0].as_int();
}

const covet::IntrospectedIndex* find_index(const IntrospectedTable& t, const std::string& name) {
    for (const auto& i : t.indexes)
        if (i.name == name) return &i;
    return nullptr;
}

}  // namespace

TEST_CASE("MySQL binds and returns every kind of value", "[mysql]") {
    auto db = fresh();
    db->execute(
        "CREATE TABLE kinds (id integer AUTO_INCREMENT PRIMARY KEY, i bigint, f double, b bool, "
        "t longtext, bl longblob, d numeric(10,2), at datetime(6))");
    const std::string text = "h\xc3\xa9llo 'quoted' \\ back\nslash \xf0\x9f\x90\x88";
    const Bytes blob{{0, 1, 0x27, 0x5c, 0x7f, 0x80, 0xff, 0}};
    const std::string insert =
        "INSERT INTO kinds (i, f, b, t, bl, d, at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    CHECK(db->execute(insert, {Value(std::int64_t{-9007199254740993}), Value(2.5), Value(true),
                               Value(text), Value(blob), Value("12345678.91"),
                               Value("2026-01-02 03:04:05.123456")}) == 1);
    CHECK(db->execute(insert, {Value(), Value(), Value(), Value(), Value(), Value(), Value()}) ==
          1);

    for (bool bound : {true, false}) {
        INFO((bound ? "prepared statement" : "text protocol"));
        auto rs =
            bound ? db->query("SELECT i, f, b, t, bl, d, at FROM kinds WHERE id >= ? ORDER BY id",
                              {Value(0)})
                  : db->query("SELECT i, f, b, t, bl, d, at FROM kinds ORDER BY id");
        REQUIRE(rs.columns == std::vector<std::string>{"i", "f", "b", "t", "bl", "d", "at"});
        REQUIRE(rs.rows.size() == 2);
        const auto& r = rs.rows[0];
        CHECK(r[0] == Value(std::int64_t{-9007199254740993}));
        CHECK(r[1] == Value(2.5));
        CHECK(r[2] == Value(std::int64_t{1}));
        CHECK(r[3] == Value(text));
        CHECK(r[4] == Value(blob));
        // DECIMAL and DATETIME come back typed, exact and to the microsecond.
        REQUIRE(r[5].kind() == Value::Kind::Decimal);
        CHECK(r[5].as_decimal().to_string() == "12345678.91");
        CHECK(r[6] == Value(covet::DateTime::parse("2026-01-02 03:04:05.123456")));
        for (const auto& v : rs.rows[1])
            CHECK(v.is_null());
    }
}

TEST_CASE("MySQL reuses a prepared statement with parameters of changing kinds", "[mysql]") {
    auto db = fresh();
    const std::string sql = "SELECT ? IS NULL, HEX(?)";
    CHECK(db->query(sql, {Value(), Value(std::int64_t{255})}).rows[0][1] == Value("FF"));
    CHECK(db->query(sql, {Value(1), Value("AB")}).rows[0][1] == Value("4142"));
    CHECK(db->query(sql, {Value(1), Value(Bytes{{0, 0xfe}})}).rows[0][1] == Value("00FE"));
    CHECK(db->query(sql, {Value(), Value(Bytes{})}).rows[0][0] == Value(std::int64_t{1}));
    CHECK_THROWS_AS(db->query(sql, {Value(1)}), covet::DatabaseError);
}

TEST_CASE("MySQL prepared statements follow schema changes of their tables", "[mysql]") {
    const std::string url = covet::test::fresh_database_url("mysql");
    auto db = connect(url);
    db->execute("CREATE TABLE rp (id integer PRIMARY KEY, a varchar(10))");
    db->execute("INSERT INTO rp VALUES (?, ?)", {Value(1), Value("x")});
    const std::string select = "SELECT * FROM rp WHERE id >= ?";
    CHECK(db->query(select, {Value(0)}).columns == std::vector<std::string>{"id", "a"});

    db->execute("ALTER TABLE rp ADD COLUMN b integer DEFAULT 7");
    auto rs = db->query(select, {Value(0)});
    CHECK(rs.columns == std::vector<std::string>{"id", "a", "b"});
    CHECK(rs.rows.at(0) == covet::Row{Value(std::int64_t{1}), Value("x"), Value(std::int64_t{7})});

    // Changed by another session, unseen by this one's statement cache.
    connect(url)->execute("ALTER TABLE rp DROP COLUMN a");
    rs = db->query(select, {Value(0)});
    CHECK(rs.columns == std::vector<std::string>{"id", "b"});
    CHECK(rs.rows.at(0) == covet::Row{Value(std::int64_t{1}), Value(std::int64_t{7})});
}

TEST_CASE("MySQL execute reports the affected rows", "[mysql]") {
    auto db = fresh();
    db->execute("CREATE TABLE n (v integer)");
    CHECK(db->execute("INSERT INTO n VALUES (1), (2), (3)") == 3);
    CHECK(db->execute("UPDATE n SET v = v + 10 WHERE v >= ?", {Value(2)}) == 2);
    CHECK(db->execute("DELETE FROM n WHERE v > 10") == 2);
}

TEST_CASE("MySQL maps constraint violations to IntegrityError", "[mysql]") {
    auto db = fresh();
    db->execute(
        "CREATE TABLE parents (id integer PRIMARY KEY, email varchar(100) NOT NULL UNIQUE, "
        "nick varchar(20) NOT NULL)");
    db->execute(
        "CREATE TABLE children (id integer PRIMARY KEY, parent_id integer NOT NULL, FOREIGN KEY "
        "(parent_id) REFERENCES parents (id))");
    db->execute("INSERT INTO parents VALUES (1, 'a@example.com', 'a')");
    db->execute("INSERT INTO children VALUES (1, 1)");

    SECTION("unique") {
        CHECK_THROWS_AS(db->execute("INSERT INTO parents VALUES (?, ?, ?)",
                                    {Value(2), Value("a@example.com"), Value("b")}),
                        covet::IntegrityError);
    }
    SECTION("foreign key, inserting a child of nobody") {
        CHECK_THROWS_AS(db->execute("INSERT INTO children VALUES (2, 99)"), covet::IntegrityError);
    }
    SECTION("foreign key, deleting a referenced parent") {
        CHECK_THROWS_AS(db->execute("DELETE FROM parents WHERE id = ?", {Value(1)}),
                        covet::IntegrityError);
    }
    SECTION("not null") {
        CHECK_THROWS_AS(
            db->execute("INSERT INTO parents VALUES (?, ?, ?)", {Value(3), Value(), Value("c")}),
            covet::IntegrityError);
    }
    SECTION("no default for a NOT NULL column") {
        CHECK_THROWS_AS(db->execute("INSERT INTO parents (id, email) VALUES (4, 'd@example.com')"),
                        covet::IntegrityError);
    }
    // The connection stays usable after the error.
    CHECK(single_int(*db, "SELECT COUNT(*) FROM parents") == 1);
}

TEST_CASE("MySQL errors other than constraints are DatabaseErrors naming the statement",
          "[mysql]") {
    auto db = fresh();
    try {
        db->execute("SELEC 1 FROM nowhere");
        FAIL("no error");
    } catch (const covet::IntegrityError&) {
        FAIL("a syntax error is not an integrity error");
    } catch (const covet::DatabaseError& e) {
        CHECK_THAT(e.what(), Catch::Contains("SELEC 1 FROM nowhere"));
        CHECK_THAT(e.what(), Catch::Contains("1064"));
    }
}

TEST_CASE("MySQL runs every statement of a multi-statement text and stays usable", "[mysql]") {
    auto db = fresh();
    db->execute(
        "CREATE TABLE m (v integer); INSERT INTO m VALUES (1); SELECT 'ignored';\n"
        "INSERT INTO m VALUES (2), (3); UPDATE m SET v = v * 10 WHERE v > 1;");
    auto rs = db->query("SELECT v FROM m ORDER BY v");
    REQUIRE(rs.rows.size() == 3);
    CHECK(rs.rows[2][0] == Value(std::int64_t{30}));

    SECTION("a failing statement takes its text's earlier data statements back with it") {
        CHECK_THROWS_AS(
            db->execute("INSERT INTO m VALUES (4); INSERT INTO missing VALUES (1); INSERT INTO m "
                        "VALUES (5)"),
            covet::DatabaseError);
        CHECK(single_int(*db, "SELECT COUNT(*) FROM m WHERE v IN (4, 5)") == 0);
        CHECK(single_int(*db, "SELECT MAX(v) FROM m") == 30);
    }
    SECTION("stored procedures returning several result sets are drained") {
        db->execute(
            "CREATE PROCEDURE two_results() BEGIN SELECT 1; SELECT v FROM m; UPDATE m SET v = v + "
            "1; END");
        db->execute("CALL two_results()");
        CHECK(single_int(*db, "SELECT MIN(v) FROM m") == 2);
        db->execute("CALL two_results(); CALL two_results()");
        CHECK(single_int(*db, "SELECT MIN(v) FROM m") == 4);
    }
}

TEST_CASE("MySQL sessions run in UTC with strict SQL mode and backquoted names", "[mysql]") {
    auto db = fresh();
    auto rs = db->query("SELECT @@session.time_zone, @@session.sql_mode, @@character_set_client");
    CHECK(rs.rows[0][0] == Value("+00:00"));
    const std::string mode = rs.rows[0][1].to_string();
    CHECK_THAT(mode, Catch::Contains("STRICT_TRANS_TABLES"));
    CHECK_THAT(mode, !Catch::Contains("ANSI_QUOTES"));
    CHECK_THAT(mode, !Catch::Contains("NO_BACKSLASH_ESCAPES"));
    CHECK(rs.rows[0][2] == Value("utf8mb4"));
    db->execute("CREATE TABLE `order` (`select` varchar(3))");
    CHECK_THROWS_AS(db->execute("INSERT INTO `order` VALUES ('toolong')"), covet::DatabaseError);
}

TEST_CASE("connect_database opens MySQL URLs with the MySQL dialect", "[mysql]") {
    auto db = covet::connect_database(
        covet::parse_database_url(covet::test::require_test_database_url("mysql")));
    CHECK(db->dialect().name() == "mysql");
    CHECK(db->query("SELECT 1").rows.size() == 1);
}

TEST_CASE("A wrong MySQL password is a ConnectionError that never shows it", "[mysql]") {
    const std::string url = covet::test::require_test_database_url("mysql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);
    const std::string secret = "Wr0ng-s3cret-pw";
    try {
        connect(variant_url(url, secret));
        FAIL("connected with a wrong password");
    } catch (const covet::ConnectionError& e) {
        const std::string message = e.what();
        CHECK_THAT(message, !Catch::Contains(secret));
        CHECK_THAT(message, !Catch::Contains(parsed.password));
        CHECK_THAT(message, Catch::Contains(parsed.host + ":" + parsed.port));
        CHECK_THAT(message, Catch::Contains("'" + parsed.database + "'"));
        CHECK_THAT(message, Catch::Contains("access denied"));
    }
}

TEST_CASE("A missing MySQL database is a ConnectionError saying so", "[mysql]") {
    const std::string url = covet::test::require_test_database_url("mysql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);
    try {
        connect(variant_url(url, parsed.password, "", "covet_no_such_database"));
        FAIL("connected to a missing database");
    } catch (const covet::ConnectionError& e) {
        CHECK_THAT(e.what(), Catch::Contains("'covet_no_such_database'"));
        CHECK_THAT(e.what(), Catch::Contains("does not exist"));
        CHECK_THAT(e.what(), !Catch::Contains(parsed.password));
    }
}

TEST_CASE("A MySQL port nobody listens on fails at once", "[mysql]") {
    const std::string url = covet::test::require_test_database_url("mysql");
    LoopbackSocket unused;
    const std::string port = std::to_string(unused.port());
    unused.close();
    auto started = Clock::now();
    try {
        connect(variant_url(url, "pw", port));
        FAIL("connected to a closed port");
    } catch (const covet::ConnectionError& e) {
        CHECK_THAT(e.what(), Catch::Contains("127.0.0.1:" + port));
        CHECK_THAT(e.what(), Catch::Contains("not reachable") || Catch::Contains("no server"));
    }
    // Refused at once; a generous bound only catches a client that retries for long.
    CHECK(seconds_since(started) < 30.0);
}

TEST_CASE("A MySQL server that never answers fails after connect_timeout", "[mysql]") {
    const std::string url = covet::test::require_test_database_url("mysql");
    // Accepts the connection; no server greeting ever follows.
    covet::test::SilentServer silent;
    const std::string port = std::to_string(silent.port());
    auto started = Clock::now();
    try {
        connect(variant_url(url, "pw", port, "", "?connect_timeout=1"));
        FAIL("connected to a server that never answered");
    } catch (const covet::ConnectionError& e) {
        CHECK_THAT(e.what(), Catch::Contains("127.0.0.1:" + port));
        CHECK_THAT(e.what(), !Catch::Contains("pw@"));
    }
    // The client reached the server and waited there: the timeout, not a refusal, ended it.
    CHECK(silent.wait_for_connections(1, 10s));
    // A timer never fires early; the upper bound is only against waiting forever.
    const double elapsed = seconds_since(started);
    CHECK(elapsed >= 0.9);
    CHECK(elapsed < 30.0);
}

TEST_CASE("MySQL URLs with unknown parameters or ssl-modes are usage errors", "[mysql]") {
    const std::string url = covet::test::require_test_database_url("mysql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);
    CHECK_THROWS_AS(connect(variant_url(url, parsed.password, "", "", "?sslmod=REQUIRED")),
                    covet::UsageError);
    CHECK_THROWS_AS(connect(variant_url(url, parsed.password, "", "", "?ssl-mode=sometimes")),
                    covet::UsageError);
    CHECK_THROWS_AS(connect(variant_url(url, parsed.password, "", "", "?connect_timeout=soon")),
                    covet::UsageError);
}

TEST_CASE("MySQL ssl-mode=REQUIRED insists on an encrypted connection", "[mysql]") {
    const std::string url = covet::test::require_test_database_url("mysql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);
    auto plain = connect(variant_url(url, parsed.password, "", "", "?ssl-mode=DISABLED"));
    const bool server_has_tls = plain->query("SELECT @@have_ssl").rows[0][0] == Value("YES");
    const std::string required = variant_url(url, parsed.password, "", "", "?ssl-mode=REQUIRED");
    if (server_has_tls) {
        auto secure = connect(required);
        auto rs = secure->query("SHOW SESSION STATUS LIKE 'Ssl_cipher'");
        CHECK_FALSE(rs.rows.at(0).at(1).to_string().empty());
    } else {
        try {
            connect(required);
            FAIL("ssl-mode=REQUIRED connected without TLS");
        } catch (const covet::ConnectionError& e) {
            CHECK_THAT(e.what(), Catch::Contains("not encrypted"));
        }
    }
}

TEST_CASE("MySQL connects over the server's unix socket", "[mysql]") {
    const std::string url = covet::test::require_test_database_url("mysql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);
    auto tcp = connect(url);
    const std::string socket = tcp->query("SELECT @@socket").rows[0][0].to_string();
    if (!std::filesystem::exists(socket)) {
        WARN("the MySQL test server's socket " << socket << " is not on this machine");
        return;
    }
    auto local = connect("mysql://" + parsed.user + ":" + parsed.password + "@/" + parsed.database +
                         "?socket=" + socket);
    auto rs = local->query("SELECT DATABASE(), @@session.time_zone");
    CHECK(rs.rows[0][0] == Value(parsed.database));
    try {
        connect("mysql://" + parsed.user + ":" + parsed.password + "@/" + parsed.database +
                "?socket=/nonexistent/mysqld.sock");
        FAIL("connected through a missing socket");
    } catch (const covet::ConnectionError& e) {
        CHECK_THAT(e.what(), Catch::Contains("socket /nonexistent/mysqld.sock"));
    }
}

TEST_CASE("The MySQL migration lock makes a second session wait and names the holder", "[mysql]") {
    const std::string url = covet::test::fresh_database_url("mysql");
    auto first = connect(url);
    auto second = connect(url);
    first->acquire_migration_lock(1s);

    auto started = Clock::now();
    try {
        second->acquire_migration_lock(1500ms);
        FAIL("two sessions held the migration lock");
    } catch (const covet::LockTimeoutError& e) {
        const std::string message = e.what();
        CHECK_THAT(message, Catch::Contains(first->migration_lock_name()));
        CHECK_THAT(message,
                   Catch::Contains("held by connection " + std::to_string(first->connection_id())));
        CHECK_THAT(message, Catch::Contains("1.5 s"));
    }
    double waited = seconds_since(started);
    CHECK(waited >= 1.4);  // it waited its 1.5 s (timers never fire early)
    CHECK(waited < 30.0);

    SECTION("another database of the same server has a lock of its own") {
        auto elsewhere = fresh();
        elsewhere->acquire_migration_lock(1s);
        elsewhere->release_migration_lock(true);
    }
    SECTION("released, the lock goes to the waiting session") {
        std::atomic<bool> released{false};
        auto waiting = std::async(std::launch::async, [&] {
            second->acquire_migration_lock(60s);
            return released.load();
        });
        // Released only once the second session is seen waiting for the lock.
        auto observer = connect(url);
        const std::string waiting_for_it =
            "SELECT count(*) FROM information_schema.processlist WHERE id = " +
            std::to_string(second->connection_id()) + " AND state = 'User lock'";
        auto deadline = Clock::now() + 30s;
        while (single_int(*observer, waiting_for_it) == 0 && Clock::now() < deadline)
            std::this_thread::sleep_for(20ms);
        REQUIRE(single_int(*observer, waiting_for_it) == 1);
        released = true;
        first->release_migration_lock(true);
        // Handed over well within the 60 s the waiter would wait, after the release.
        CHECK(waiting.get());
        second->release_migration_lock(false);
        first->acquire_migration_lock(0ms);
        first->release_migration_lock(true);
    }
}

TEST_CASE("A MySQL DDL statement gives up behind a metadata lock after the DDL lock timeout",
          "[mysql]") {
    const std::string url = covet::test::fresh_database_url("mysql");
    auto migrator = connect(url);
    auto reader = connect(url);
    migrator->execute("CREATE TABLE busy (id integer PRIMARY KEY)");
    migrator->execute("INSERT INTO busy VALUES (1)");
    // An open transaction that read the table holds its metadata lock until it ends.
    reader->execute("START TRANSACTION");
    reader->query("SELECT * FROM busy");

    migrator->set_ddl_lock_timeout(1s);
    auto started = Clock::now();
    CHECK_THROWS_AS(migrator->execute("ALTER TABLE busy ADD COLUMN extra integer"),
                    covet::LockTimeoutError);
    double waited = seconds_since(started);
    CHECK(waited >= 0.9);  // it waited its 1 s (timers never fire early)
    CHECK(waited < 30.0);

    const std::string holders = migrator->describe_lock_holders("busy");
    CHECK_THAT(holders, Catch::Contains("connection " + std::to_string(reader->connection_id())));
    CHECK_THAT(holders, Catch::Contains("idle in transaction"));
    CHECK_THAT(holders,
               !Catch::Contains("connection " + std::to_string(migrator->connection_id())));

    reader->execute("COMMIT");
    // InnoDB refreshes information_schema.INNODB_TRX only when it was not read
    // for 0.1 s: wait for the commit to show, asking less often than that.
    auto deadline = Clock::now() + 30s;
    while (!migrator->describe_lock_holders("busy").empty() && Clock::now() < deadline)
        std::this_thread::sleep_for(250ms);
    migrator->execute("ALTER TABLE busy ADD COLUMN extra integer");
    CHECK(migrator->describe_table("busy").column("extra") != nullptr);
    const std::string after = migrator->describe_lock_holders("busy");
    INFO("holders after the commit: " << after);
    CHECK(after.empty());
}

TEST_CASE("MySQL introspection reports columns, defaults, keys and indexes", "[mysql]") {
    auto db = fresh();
    db->execute(
        "CREATE TABLE authors (id integer AUTO_INCREMENT NOT NULL PRIMARY KEY, name varchar(200) "
        "NOT NULL DEFAULT 'anon', score double precision NULL, active bool NOT NULL DEFAULT 1, "
        "price numeric(10, 2) NULL DEFAULT 0.00, born date NULL, wakes time(6) NULL, created "
        "datetime(6) NOT NULL, token char(32) NULL, bio longtext NULL, photo longblob NULL, "
        "big bigint NULL, small smallint NULL, UNIQUE (name))");
    db->execute(
        "CREATE TABLE books (id bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, author_id integer NOT "
        "NULL, editor_id integer NULL, title varchar(100) NOT NULL, CONSTRAINT books_author_fk "
        "FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE, CONSTRAINT "
        "books_editor_fk FOREIGN KEY (editor_id) REFERENCES authors (id) ON DELETE SET NULL)");
    db->execute("CREATE INDEX books_title_author_idx ON books (title, author_id)");

    CHECK(db->table_names() == std::vector<std::string>{"authors", "books"});
    CHECK(db->table_exists("books"));
    CHECK_FALSE(db->table_exists("nope"));
    CHECK_THROWS_AS(db->describe_table("nope"), covet::DatabaseError);

    const IntrospectedTable authors = db->describe_table("authors");
    std::vector<std::pair<std::string, std::string>> types;
    for (const auto& c : authors.columns)
        types.emplace_back(c.name, c.type);
    CHECK(types == std::vector<std::pair<std::string, std::string>>{{"id", "integer"},
                                                                    {"name", "varchar(200)"},
                                                                    {"score", "double precision"},
                                                                    {"active", "bool"},
                                                                    {"price", "numeric(10,2)"},
                                                                    {"born", "date"},
                                                                    {"wakes", "time(6)"},
                                                                    {"created", "datetime(6)"},
                                                                    {"token", "char(32)"},
                                                                    {"bio", "longtext"},
                                                                    {"photo", "longblob"},
                                                                    {"big", "bigint"},
                                                                    {"small", "smallint"}});
    const auto* id = authors.column("id");
    REQUIRE(id);
    CHECK(id->primary_key);
    CHECK(id->auto_increment);
    CHECK_FALSE(id->nullable);
    CHECK(authors.column("name")->default_value == std::optional<std::string>("'anon'"));
    CHECK_FALSE(authors.column("name")->nullable);
    CHECK(authors.column("active")->default_value == std::optional<std::string>("1"));
    CHECK(authors.column("price")->default_value == std::optional<std::string>("0.00"));
    CHECK(authors.column("score")->nullable);
    CHECK_FALSE(authors.column("score")->default_value.has_value());
    CHECK_FALSE(authors.column("created")->default_value.has_value());
    CHECK_FALSE(authors.column("name")->primary_key);
    CHECK_FALSE(authors.column("name")->auto_increment);

    const auto* primary = find_index(authors, "PRIMARY");
    REQUIRE(primary);
    CHECK(primary->primary);
    CHECK(primary->unique);
    CHECK(primary->columns == std::vector<std::string>{"id"});
    const auto* unique_name = find_index(authors, "name");
    REQUIRE(unique_name);
    CHECK(unique_name->unique);
    CHECK_FALSE(unique_name->primary);

    const IntrospectedTable books = db->describe_table("books");
    CHECK(books.column("id")->type == "bigint");
    REQUIRE(books.foreign_keys.size() == 2);
    CHECK(books.foreign_keys[0].name == "books_author_fk");
    CHECK(books.foreign_keys[0].column == "author_id");
    CHECK(books.foreign_keys[0].target_table == "authors");
    CHECK(books.foreign_keys[0].target_column == "id");
    CHECK(books.foreign_keys[0].on_delete == "CASCADE");
    CHECK(books.foreign_keys[1].name == "books_editor_fk");
    CHECK(books.foreign_keys[1].on_delete == "SET NULL");
    const auto* composite = find_index(books, "books_title_author_idx");
    REQUIRE(composite);
    CHECK(composite->columns == std::vector<std::string>{"title", "author_id"});
    CHECK_FALSE(composite->unique);
    // InnoDB indexes every foreign key column that no other index leads with.
    CHECK(find_index(books, "books_editor_fk") != nullptr);
    for (std::size_t i = 1; i < books.indexes.size(); ++i)
        CHECK(books.indexes[i - 1].name < books.indexes[i].name);
}
