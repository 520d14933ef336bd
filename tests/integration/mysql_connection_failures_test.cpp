// MysqlConnection failing to connect (password, database, closed port, a
// silent server, URL parameters, TLS), and connecting over the unix socket.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "connection_test_support.h"
#include "covet/error.h"
#include "mysql_test_connection.h"
#include "silent_server.h"

using covet::Value;
using covet::test::Clock;
using covet::test::LoopbackSocket;
using covet::test::seconds_since;
using namespace covet::test::on_mysql;
using namespace std::chrono_literals;

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
