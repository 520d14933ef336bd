// PostgresConnection failing to connect, and the ways it connects: host
// lists and the server's unix socket.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "connection_test_support.h"
#include "covet/error.h"
#include "postgres_test_connection.h"
#include "silent_server.h"

using covet::Value;
using covet::test::Clock;
using covet::test::closed_port;
using covet::test::seconds_since;
using namespace covet::test::on_postgres;
using namespace std::chrono_literals;

namespace {

void check_wrong_password(const std::string& url, const covet::DatabaseUrl& parsed) {
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

void check_closed_port_fails_at_once() {
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

void check_silent_server_times_out() {
    covet::test::SilentServer silent;
    const std::string port = std::to_string(silent.port());
    auto start = Clock::now();
    try {
        // libpq waits at least 2 s, whatever smaller value it is given.
        connect("postgresql://covet:covet-pw@127.0.0.1:" + port + "/somedb?connect_timeout=2");
        FAIL("connected to a server that never answered");
    } catch (const covet::ConnectionError& e) {
        CHECK_THAT(e.what(), Catch::Contains("127.0.0.1:" + port) && Catch::Contains("somedb") &&
                                 Catch::Contains("timeout"));
        CHECK(std::string(e.what()).find("covet-pw") == std::string::npos);
    }
    // The client reached the server and waited there until its timeout.
    CHECK(silent.wait_for_connections(1, 10s));
    const double elapsed = seconds_since(start);
    CHECK(elapsed >= 1.9);  // timers never fire early
    CHECK(elapsed < 30);    // only against waiting forever
}

}  // namespace

TEST_CASE("PostgreSQL connection failures name host and database, never the password",
          "[postgresql]") {
    const std::string url = covet::test::require_test_database_url("postgresql");
    const covet::DatabaseUrl parsed = covet::parse_database_url(url);

    SECTION("wrong password") {
        check_wrong_password(url, parsed);
    }
    SECTION("a port nobody listens on fails within the connect timeout") {
        check_closed_port_fails_at_once();
    }
    SECTION("a server that accepts and never answers fails after connect_timeout") {
        check_silent_server_times_out();
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
