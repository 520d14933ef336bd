// PostgresConnection against the live test server: parameters, typed errors,
// connection failures, introspection (transactions and locks: postgres_transactions_test).
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <limits>
#include <thread>

#include "covet/database_url.h"
#include "covet/error.h"
#include "postgres/postgres_connection.h"
#include "silent_server.h"
#include "test_servers.h"

using covet::Bytes;
using covet::IntrospectedTable;
using covet::PostgresConnection;
using covet::Value;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<PostgresConnection> connect(const std::string& url) {
    return std::make_unique<PostgresConnection>(covet::parse_database_url(url));
}

std::unique_ptr<PostgresConnection> fresh() {
    return connect(covet::test::fresh_database_url("postgresql"));
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// A loopback port nobody listens on: bound once by us, then released.
int closed_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t length = sizeof addr;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) == 0);
    ::close(fd);
    return ntohs(addr.sin_port);
}

// The URL of the test server with its password replaced.
std::string with_password(const std::string& url, const std::string& password) {
    covet::DatabaseUrl parsed = covet::parse_database_url(url);
    return "postgresql://" + parsed.user + ":" + password + "@" + parsed.host + ":" + parsed.port +
           "/" + parsed.database;
}

const covet::IntrospectedIndex* find_index(const IntrospectedTable& t, const std::string& name) {
    for (const auto& i : t.indexes)
        if (i.name == name) return &i;
    return nullptr;
}

}  // namespace

TEST_CASE("PostgreSQL binds and returns every kind of value", "[postgresql]") {
    auto db = fresh();
    db->execute(
        "CREATE TABLE kinds (id serial PRIMARY KEY, i bigint, f double precision, b boolean, "
        "t text, bl bytea, s smallint)");
    const std::string text = "h\xc3\xa9llo 'quoted' \\ back\nslash";
    const Bytes blob{{0, 1, 0x27, 0x5c, 0x7f, 0x80, 0xff}};
    const std::string insert =
        "INSERT INTO kinds (i, f, b, t, bl, s) VALUES ($1, $2, $3, $4, $5, $6)";
    CHECK(db->execute(insert,
                      {std::numeric_limits<std::int64_t>::max(), 0.1, true, text, blob, -7}) == 1);
    CHECK(db->execute(insert, {std::numeric_limits<std::int64_t>::min(), -1.5e300, false,
                               std::string(), Bytes{}, 0}) == 1);
    CHECK(db->execute(insert, {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr}) == 1);

    auto rs = db->query("SELECT i, f, b, t, bl, s FROM kinds ORDER BY id");
    REQUIRE(rs.columns == std::vector<std::string>{"i", "f", "b", "t", "bl", "s"});
    REQUIRE(rs.rows.size() == 3);
    CHECK(rs.rows[0] ==
          covet::Row{std::numeric_limits<std::int64_t>::max(), 0.1, true, text, blob, -7});
    CHECK(rs.rows[1] == covet::Row{std::numeric_limits<std::int64_t>::min(), -1.5e300, false,
                                   std::string(), Bytes{}, 0});
    for (const auto& v : rs.rows[2])
        CHECK(v.is_null());

    SECTION("parameters select rows and count what they change") {
        auto one = db->query("SELECT t FROM kinds WHERE i = $1 AND b = $2",
                             {std::numeric_limits<std::int64_t>::max(), true});
        REQUIRE(one.rows.size() == 1);
        CHECK(one.rows[0][0] == Value(text));
        CHECK(db->execute("UPDATE kinds SET s = $1 WHERE i IS NOT NULL", {5}) == 2);
        CHECK(db->query("SELECT count(*) FROM kinds WHERE s = $1", {5}).rows[0][0] == Value(2));
    }
    SECTION("floats keep infinities and NaN") {
        db->execute("UPDATE kinds SET f = $1 WHERE id = 1",
                    {std::numeric_limits<double>::infinity()});
        db->execute("UPDATE kinds SET f = $1 WHERE id = 2",
                    {std::numeric_limits<double>::quiet_NaN()});
        auto f = db->query("SELECT f FROM kinds WHERE id IN (1, 2) ORDER BY id");
        CHECK(f.rows[0][0].as_double() == std::numeric_limits<double>::infinity());
        CHECK(std::isnan(f.rows[1][0].as_double()));
    }
    SECTION("numeric, dates and uuids come back typed, other types as their text") {
        auto other =
            db->query("SELECT 12.50::numeric(10,2), DATE '2026-01-02', $1::uuid, '10.0.0.1'::inet",
                      {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"});
        REQUIRE(other.rows[0][0].kind() == Value::Kind::Decimal);
        CHECK(other.rows[0][0].as_decimal().to_string() == "12.50");
        CHECK(other.rows[0][1] == Value(covet::Date(2026, 1, 2)));
        CHECK(other.rows[0][2] ==
              Value(covet::Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")));
        CHECK(other.rows[0][3] == Value("10.0.0.1"));
    }
}

TEST_CASE("PostgreSQL reuses prepared statements, also across schema changes", "[postgresql]") {
    auto db = fresh();
    db->execute("CREATE TABLE items (id integer PRIMARY KEY, name text)");
    for (int i = 1; i <= 3; ++i)
        db->execute("INSERT INTO items (id, name) VALUES ($1, $2)", {i, "n" + std::to_string(i)});
    auto prepared = db->query("SELECT count(*) FROM pg_prepared_statements");
    // One insert, prepared once, and nothing else yet.
    CHECK(prepared.rows[0][0] == Value(1));

    auto before = db->query("SELECT * FROM items WHERE id = $1", {2});
    CHECK(before.columns.size() == 2);
    db->execute("ALTER TABLE items ADD COLUMN extra integer DEFAULT 7");
    auto after = db->query("SELECT * FROM items WHERE id = $1", {2});
    REQUIRE(after.columns.size() == 3);
    CHECK(after.rows[0][2] == Value(7));
}

TEST_CASE("PostgreSQL runs several statements given without parameters", "[postgresql]") {
    auto db = fresh();
    db->execute("CREATE TABLE a (x integer); INSERT INTO a VALUES (1); INSERT INTO a VALUES (2);");
    CHECK(db->query("SELECT sum(x) FROM a").rows[0][0] == Value(3));
}

TEST_CASE("PostgreSQL constraint violations are IntegrityErrors", "[postgresql]") {
    auto db = fresh();
    db->execute("CREATE TABLE parents (id integer PRIMARY KEY)");
    db->execute(
        "CREATE TABLE children (id integer PRIMARY KEY, parent_id integer NOT NULL REFERENCES "
        "parents (id), age integer CHECK (age >= 0), code text UNIQUE)");
    db->execute("INSERT INTO parents (id) VALUES (1)");
    db->execute("INSERT INTO children (id, parent_id, code) VALUES (1, 1, 'a')");

    CHECK_THROWS_WITH(
        db->execute("INSERT INTO children (id, parent_id, code) VALUES ($1, $2, $3)", {2, 1, "a"}),
        Catch::Contains("unique constraint"));
    CHECK_THROWS_AS(db->execute("INSERT INTO children (id, parent_id) VALUES ($1, $2)", {3, 99}),
                    covet::IntegrityError);
    CHECK_THROWS_WITH(db->execute("INSERT INTO children (id, parent_id) VALUES ($1, $2)", {3, 99}),
                      Catch::Contains("foreign key"));
    CHECK_THROWS_AS(db->execute("INSERT INTO children (id) VALUES (4)"), covet::IntegrityError);
    CHECK_THROWS_AS(
        db->execute("INSERT INTO children (id, parent_id, age) VALUES ($1, $2, $3)", {5, 1, -1}),
        covet::IntegrityError);
    CHECK_THROWS_AS(db->execute("INSERT INTO children (id, parent_id, code) VALUES (6, 1, 'a')"),
                    covet::IntegrityError);

    SECTION("other errors are DatabaseErrors naming the statement") {
        try {
            db->execute("SELEC 1");
            FAIL("no error");
        } catch (const covet::IntegrityError&) {
            FAIL("a syntax error is no IntegrityError");
        } catch (const covet::DatabaseError& e) {
            CHECK_THAT(e.what(), Catch::Contains("syntax error") && Catch::Contains("SELEC 1"));
        }
    }
}

TEST_CASE("PostgreSQL connection failures name host and database, never the password",
          "[postgresql]") {
    const std::string url = covet::test::require_test_database_url("postgresql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);

    SECTION("wrong password") {
        const std::string wrong = "Wr0ng-Secr3t-pw";
        try {
            connect(with_password(url, wrong));
            FAIL("connected with a wrong password");
        } catch (const covet::ConnectionError& e) {
            const std::string message = e.what();
            CHECK_THAT(message, Catch::Contains(parsed.host) && Catch::Contains(parsed.port) &&
                                    Catch::Contains(parsed.database) &&
                                    Catch::Contains("password authentication failed"));
            CHECK(message.find(wrong) == std::string::npos);
            CHECK(message.find(parsed.password) == std::string::npos);
        }
    }
    SECTION("a port nobody listens on fails within the connect timeout") {
        const int port = closed_port();
        auto start = Clock::now();
        try {
            connect("postgresql://covet:covet-pw@127.0.0.1:" + std::to_string(port) + "/somedb");
            FAIL("connected to a closed port");
        } catch (const covet::ConnectionError& e) {
            CHECK_THAT(e.what(), Catch::Contains("127.0.0.1:" + std::to_string(port)) &&
                                     Catch::Contains("somedb"));
            CHECK(std::string(e.what()).find("covet-pw") == std::string::npos);
        }
        // Refused at once; a generous bound only catches a client that retries for long.
        CHECK(seconds_since(start) < 30);
    }
    SECTION("a server that accepts and never answers fails after connect_timeout") {
        covet::test::SilentServer silent;
        const std::string port = std::to_string(silent.port());
        auto start = Clock::now();
        try {
            // libpq waits at least 2 s, whatever smaller value it is given.
            connect("postgresql://covet:covet-pw@127.0.0.1:" + port + "/somedb?connect_timeout=2");
            FAIL("connected to a server that never answered");
        } catch (const covet::ConnectionError& e) {
            CHECK_THAT(e.what(), Catch::Contains("127.0.0.1:" + port) &&
                                     Catch::Contains("somedb") && Catch::Contains("timeout"));
            CHECK(std::string(e.what()).find("covet-pw") == std::string::npos);
        }
        // The client reached the server and waited there until its timeout.
        CHECK(silent.wait_for_connections(1, 10s));
        const double elapsed = seconds_since(start);
        CHECK(elapsed >= 1.9);  // timers never fire early
        CHECK(elapsed < 30);    // only against waiting forever
    }
    SECTION("a database that does not exist") {
        CHECK_THROWS_AS(connect(url.substr(0, url.rfind('/')) + "/no_such_database"),
                        covet::ConnectionError);
    }
    SECTION("URL parameters are libpq keywords: sslmode=require meets a server without TLS") {
        try {
            connect(url + "?sslmode=require");
            FAIL("connected with TLS to a server without TLS");
        } catch (const covet::ConnectionError& e) {
            CHECK_THAT(e.what(), Catch::Contains("SSL"));
            CHECK(std::string(e.what()).find(parsed.password) == std::string::npos);
        }
        CHECK_NOTHROW(connect(url + "?sslmode=disable"));
    }
}

TEST_CASE("PostgreSQL connects through a host list to the first host that answers",
          "[postgresql]") {
    const std::string url = covet::test::require_test_database_url("postgresql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);
    const std::string hosts =
        "127.0.0.1:" + std::to_string(closed_port()) + "," + parsed.host + ":" + parsed.port;
    auto db = connect("postgresql://" + parsed.user + ":" + parsed.password + "@" + hosts + "/" +
                      parsed.database + "?target_session_attrs=read-write");
    CHECK(db->query("SELECT inet_server_port()").rows[0][0] == Value(std::stoi(parsed.port)));
}

TEST_CASE("PostgreSQL connects through the server's unix socket", "[postgresql]") {
    // Reading unix_socket_directories takes a superuser.
    auto db = connect(covet::test::test_admin_database_url("postgresql").value());
    const std::string directory =
        db->query("SELECT split_part(current_setting('unix_socket_directories'), ',', 1)")
            .rows[0][0]
            .to_string();
    const std::string port = db->query("SHOW port").rows[0][0].to_string();
    const std::string name =
        covet::parse_database_url(covet::test::require_test_database_url("postgresql")).database;
    REQUIRE_FALSE(directory.empty());
    if (!std::filesystem::exists(directory)) {
        WARN("the PostgreSQL test server runs elsewhere: its socket " + directory +
             " is not on this machine");
        return;
    }
    // As a query parameter, and as a percent-escaped host.
    auto by_param = connect("postgresql://covet@/" + name + "?host=" + directory + "&port=" + port);
    CHECK(by_param->query("SELECT inet_server_addr() IS NULL").rows[0][0] == Value(true));
    std::string escaped;
    for (char c : directory)
        escaped += c == '/' ? std::string("%2F") : std::string(1, c);
    auto by_host = connect("postgresql://covet@" + escaped + ":" + port + "/" + name);
    CHECK(by_host->query("SELECT inet_server_addr() IS NULL").rows[0][0] == Value(true));
}

TEST_CASE("PostgreSQL sessions run in UTC with UTF8 and name themselves covet", "[postgresql]") {
    auto db = fresh();
    auto rs = db->query(
        "SELECT current_setting('TimeZone'), current_setting('client_encoding'), "
        "current_setting('application_name')");
    CHECK(rs.rows[0] == covet::Row{"UTC", "UTF8", "covet"});
}

TEST_CASE("PostgreSQL introspection reports columns, foreign keys and indexes", "[postgresql]") {
    auto db = fresh();
    db->execute(
        "CREATE TABLE authors (id serial PRIMARY KEY, name character varying(200) NOT NULL); "
        "CREATE TABLE posts ("
        " id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
        " author_id integer NOT NULL REFERENCES authors (id) ON DELETE CASCADE,"
        " editor_id integer CONSTRAINT posts_editor_fk REFERENCES authors (id) ON DELETE SET NULL,"
        " reviewer_id integer REFERENCES authors (id),"
        " title varchar(120) NOT NULL,"
        " price numeric(10,2) NOT NULL DEFAULT 0,"
        " published boolean NOT NULL DEFAULT true,"
        " created timestamp with time zone DEFAULT now(),"
        " local_time timestamp,"
        " at time, day date, score double precision, views smallint, data jsonb,"
        " uid uuid UNIQUE, raw bytea, body text DEFAULT 'none', code char(3));"
        "CREATE INDEX posts_title_published ON posts (title, published);"
        "CREATE UNIQUE INDEX posts_published_title ON posts (title) WHERE published;"
        "CREATE INDEX posts_recent ON posts (created) WHERE views > 10;");

    CHECK(db->table_names() == std::vector<std::string>{"authors", "posts"});
    CHECK(db->table_exists("posts"));
    CHECK_FALSE(db->table_exists("nope"));
    CHECK_THROWS_AS(db->describe_table("nope"), covet::DatabaseError);

    IntrospectedTable authors = db->describe_table("authors");
    REQUIRE(authors.columns.size() == 2);
    CHECK(authors.columns[0].type == "integer");
    CHECK(authors.columns[0].primary_key);
    CHECK(authors.columns[0].auto_increment);
    CHECK_FALSE(authors.columns[0].nullable);
    CHECK(authors.columns[1].type == "varchar(200)");
    CHECK_FALSE(authors.columns[1].primary_key);

    IntrospectedTable posts = db->describe_table("posts");
    std::vector<std::pair<std::string, std::string>> types;
    for (const auto& c : posts.columns)
        types.emplace_back(c.name, c.type);
    CHECK(types ==
          std::vector<std::pair<std::string, std::string>>{{"id", "bigint"},
                                                           {"author_id", "integer"},
                                                           {"editor_id", "integer"},
                                                           {"reviewer_id", "integer"},
                                                           {"title", "varchar(120)"},
                                                           {"price", "numeric(10,2)"},
                                                           {"published", "boolean"},
                                                           {"created", "timestamp with time zone"},
                                                           {"local_time", "timestamp"},
                                                           {"at", "time"},
                                                           {"day", "date"},
                                                           {"score", "double precision"},
                                                           {"views", "smallint"},
                                                           {"data", "jsonb"},
                                                           {"uid", "uuid"},
                                                           {"raw", "bytea"},
                                                           {"body", "text"},
                                                           {"code", "char(3)"}});
    CHECK(posts.column("id")->auto_increment);
    CHECK(posts.column("id")->primary_key);
    CHECK_FALSE(posts.column("author_id")->auto_increment);
    CHECK_FALSE(posts.column("author_id")->nullable);
    CHECK(posts.column("editor_id")->nullable);
    CHECK(posts.column("price")->default_value == std::optional<std::string>("0"));
    CHECK(posts.column("published")->default_value == std::optional<std::string>("true"));
    CHECK(posts.column("created")->default_value == std::optional<std::string>("now()"));
    CHECK(posts.column("body")->default_value == std::optional<std::string>("'none'::text"));
    CHECK_FALSE(posts.column("title")->default_value.has_value());

    REQUIRE(posts.foreign_keys.size() == 3);
    CHECK(posts.foreign_keys[0].name == "posts_author_id_fkey");
    CHECK(posts.foreign_keys[0].column == "author_id");
    CHECK(posts.foreign_keys[0].target_table == "authors");
    CHECK(posts.foreign_keys[0].target_column == "id");
    CHECK(posts.foreign_keys[0].on_delete == "CASCADE");
    CHECK(posts.foreign_keys[1].name == "posts_editor_fk");
    CHECK(posts.foreign_keys[1].on_delete == "SET NULL");
    CHECK(posts.foreign_keys[2].column == "reviewer_id");
    CHECK(posts.foreign_keys[2].on_delete == "NO ACTION");

    const auto* pk = find_index(posts, "posts_pkey");
    REQUIRE(pk);
    CHECK(pk->primary);
    CHECK(pk->unique);
    CHECK(pk->columns == std::vector<std::string>{"id"});
    const auto* pair = find_index(posts, "posts_title_published");
    REQUIRE(pair);
    CHECK(pair->columns == std::vector<std::string>{"title", "published"});
    CHECK_FALSE(pair->unique);
    CHECK(pair->where.empty());
    const auto* partial = find_index(posts, "posts_published_title");
    REQUIRE(partial);
    CHECK(partial->unique);
    CHECK_FALSE(partial->primary);
    CHECK(partial->where == "published");
    const auto* recent = find_index(posts, "posts_recent");
    REQUIRE(recent);
    CHECK(recent->where == "views > 10");
    const auto* uid = find_index(posts, "posts_uid_key");
    REQUIRE(uid);
    CHECK(uid->unique);
    CHECK(uid->columns == std::vector<std::string>{"uid"});
    CHECK(posts.indexes.size() == 5);
}
