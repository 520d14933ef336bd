// Every driver error passes through one mapping (core/src/db/server_error.cpp):
// a typed covet error that names the statement, and the server where the
// driver's words alone would not say which one refused.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "covet/database_url.h"
#include "covet/error.h"
#include "mysql/mysql_connection.h"
#include "postgres/postgres_connection.h"
#include "sqlite/sqlite_connection.h"
#include "test_servers.h"

using Catch::Contains;

namespace {

template <typename ConnectionType>
std::unique_ptr<ConnectionType> fresh(const std::string& backend) {
    return std::make_unique<ConnectionType>(
        covet::parse_database_url(covet::test::fresh_database_url(backend)));
}

// The message of the DatabaseError that `statement` throws (and not a subclass).
template <typename ConnectionType>
std::string plain_database_error(ConnectionType& db, const std::string& statement) {
    try {
        db.execute(statement);
    } catch (const covet::IntegrityError& e) {
        FAIL("not an integrity error: " << e.what());
    } catch (const covet::LockTimeoutError& e) {
        FAIL("not a lock timeout: " << e.what());
    } catch (const covet::DatabaseError& e) {
        return e.what();
    }
    FAIL("no error from " << statement);
    return "";
}

}  // namespace

TEST_CASE("a PostgreSQL read-only refusal names the server and the statement", "[postgresql]") {
    auto db = fresh<covet::PostgresConnection>("postgresql");
    db->execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
    const std::string message = plain_database_error(*db, "CREATE TABLE standby_t (id integer)");
    CHECK_THAT(message, Contains("PostgreSQL at ") && Contains("accepts no writes") &&
                            Contains("read-only transaction") &&
                            Contains("(in: CREATE TABLE standby_t (id integer))"));
}

TEST_CASE("a MariaDB read-only refusal names the server and the statement", "[mysql]") {
    auto db = fresh<covet::MysqlConnection>("mysql");
    db->execute("CREATE TABLE standby_t (id integer)");
    db->execute("SET SESSION TRANSACTION READ ONLY");
    const std::string message = plain_database_error(*db, "INSERT INTO standby_t VALUES (1)");
    CHECK_THAT(message, Contains("database '") && Contains("accepts no writes") &&
                            Contains("[error 1792]") &&
                            Contains("(in: INSERT INTO standby_t VALUES (1))"));
}

TEST_CASE("a PostgreSQL privilege refusal names the server and the statement", "[postgresql]") {
    auto db = fresh<covet::PostgresConnection>("postgresql");
    REQUIRE(db->query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                .rows.at(0)
                .at(0)
                .as_bool() == false);
    // Only a superuser may change the replication role.
    const std::string message = plain_database_error(*db, "SET session_replication_role = replica");
    CHECK_THAT(message, Contains("PostgreSQL at ") && Contains("refused the user a privilege") &&
                            Contains("permission denied") &&
                            Contains("(in: SET session_replication_role = replica)"));
}

TEST_CASE("constraint violations name the statement on every back end", "[postgresql][mysql]") {
    const std::string create = "CREATE TABLE uniq_t (code varchar(10) UNIQUE)";
    const std::string insert = "INSERT INTO uniq_t (code) VALUES ('a')";
    auto check = [&](auto& db) {
        db.execute(create);
        db.execute(insert);
        CHECK_THROWS_AS(db.execute(insert), covet::IntegrityError);
        CHECK_THROWS_WITH(db.execute(insert), Contains("(in: " + insert + ")"));
    };
    SECTION("sqlite") {
        const auto dir = std::filesystem::temp_directory_path() /
                         ("covet_server_errors_" + std::to_string(::getpid()));
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        covet::SqliteConnection db(
            covet::parse_database_url("sqlite:///" + (dir / "t.db").string()));
        check(db);
        std::filesystem::remove_all(dir);
    }
    SECTION("postgresql") {
        auto db = fresh<covet::PostgresConnection>("postgresql");
        check(*db);
    }
    SECTION("mysql") {
        auto db = fresh<covet::MysqlConnection>("mysql");
        check(*db);
    }
}
