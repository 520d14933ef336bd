// The database URL parser of SPEC §2: schemes and their aliases, percent-decoding
// of every part, and usage errors that never quote the password.
#include <catch2/catch.hpp>

#include "covet/database_url.h"
#include "covet/error.h"

using covet::parse_database_url;
using covet::redact_url;

namespace {

// The message of the UsageError that parsing `text` throws ("" when it parses).
std::string usage_error_of(const std::string& text) {
    try {
        parse_database_url(text);
    } catch (const covet::UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("postgres:// and mariadb:// are aliases of postgresql:// and mysql://", "[url]") {
    CHECK(parse_database_url("postgres://u@h/db").scheme == "postgresql");
    CHECK(parse_database_url("postgresql://u@h/db").scheme == "postgresql");
    CHECK(parse_database_url("mariadb://u@h/db").scheme == "mysql");
    CHECK(parse_database_url("mysql://u@h/db").scheme == "mysql");
    CHECK(parse_database_url("MariaDB://u@h/db").scheme == "mysql");
    auto alias = parse_database_url("mariadb://user:pw@db.example:3307/shop");
    CHECK(alias.user == "user");
    CHECK(alias.password == "pw");
    CHECK(alias.host == "db.example");
    CHECK(alias.port == "3307");
    CHECK(alias.database == "shop");
}

TEST_CASE("sqlite::memory: is an in-memory database, not a file", "[url]") {
    auto memory = parse_database_url("sqlite::memory:");
    CHECK(memory.scheme == "sqlite");
    CHECK(memory.is_memory());
    CHECK(memory.database == ":memory:");
    CHECK_FALSE(parse_database_url("sqlite:///memory.db").is_memory());
}

TEST_CASE("percent-escapes are decoded in user, password, host and database", "[url]") {
    auto url = parse_database_url("postgresql://us%40er:p%3Aw%2Fd%40%25x@db%2Dhost:5433/my%20db");
    CHECK(url.user == "us@er");
    CHECK(url.password == "p:w/d@%x");
    CHECK(url.host == "db-host");
    CHECK(url.port == "5433");
    CHECK(url.database == "my db");
}

TEST_CASE("a percent-escaped slash in the host is a unix socket directory", "[url]") {
    auto url = parse_database_url("postgresql://u@%2Fvar%2Frun%2Fpostgresql/db");
    CHECK(url.host == "/var/run/postgresql");
    CHECK(url.port.empty());
    CHECK(url.database == "db");
}

TEST_CASE("percent-escapes are decoded in query keys and values", "[url]") {
    auto url = parse_database_url("mysql://u@h/db?socket=%2Ftmp%2Fmy%20sock&ssl%2Dca=a%2Bb.pem");
    CHECK(url.params.at("socket") == "/tmp/my sock");
    CHECK(url.params.at("ssl-ca") == "a+b.pem");
    CHECK(url.params.size() == 2);
}

TEST_CASE("percent-escapes are decoded in SQLite file paths", "[url]") {
    CHECK(parse_database_url("sqlite:///my%20dir/a%23b.db").database == "my dir/a#b.db");
    CHECK(parse_database_url("sqlite:////tmp/x%25y.db").database == "/tmp/x%y.db");
}

TEST_CASE("an unescaped @ in the password ends the user info at the last @", "[url]") {
    auto url = parse_database_url("postgresql://u:p@ss@h:5432/db");
    CHECK(url.user == "u");
    CHECK(url.password == "p@ss");
    CHECK(url.host == "h");
}

TEST_CASE("a malformed percent-escape is a usage error", "[url]") {
    for (const std::string text : {"postgresql://u:pw@h/d%zzb", "postgresql://u:pw@h/db%4",
                                   "mysql://u@h/db?socket=%", "sqlite:///a%g0.db"}) {
        INFO(text);
        CHECK_THAT(usage_error_of(text), Catch::Contains("percent-escape"));
    }
}

TEST_CASE("usage errors of a URL never quote its password", "[url]") {
    const std::string secret = "s3cr%40t";
    for (const std::string& text :
         {"postgresql://u:" + secret + "@h:99999/db", "mysql://u:" + secret + "@h:port/db",
          "postgres://u:" + secret + "@h:5432"}) {
        INFO(text);
        std::string message = usage_error_of(text);
        CHECK_FALSE(message.empty());
        CHECK_THAT(message, !Catch::Contains("s3cr"));
    }
    auto url = parse_database_url("postgres://u:" + secret + "@h/db");
    CHECK(url.redacted() == "postgres://u:***@h/db");
}

TEST_CASE("a password given as a query parameter is masked too") {
    CHECK(redact_url("postgresql://u@h:5432/db?password=S3cret&sslmode=require") ==
          "postgresql://u@h:5432/db?password=***&sslmode=require");
    CHECK(redact_url("mysql://u:pw@h/db?ssl-mode=REQUIRED&Password=S3cret") ==
          "mysql://u:***@h/db?ssl-mode=REQUIRED&Password=***");
    CHECK(redact_url("postgresql://h/db?sslpassword=S3cret") ==
          "postgresql://h/db?sslpassword=***");
    CHECK(redact_url("sqlite:///x.db?mode=ro") == "sqlite:///x.db?mode=ro");
}
