// MysqlConnection against the live test server: parameters, prepared
// statements, typed errors, multi-statement texts, session settings
// (connection failures: mysql_connection_failures_test, locks: mysql_locks_test,
// introspection: mysql_introspection_test).
#include <catch2/catch.hpp>

#include "connect.h"
#include "covet/error.h"
#include "mysql_test_connection.h"

using covet::Bytes;
using covet::Value;
using namespace covet::test::on_mysql;

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
