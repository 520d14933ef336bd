// PostgresConnection against the live test server: parameters, typed errors,
// session settings (connection failures: postgres_connection_failures_test,
// introspection: postgres_introspection_test, transactions and locks:
// postgres_transactions_test).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "covet/error.h"
#include "postgres_test_connection.h"

using covet::Bytes;
using covet::Value;
using namespace covet::test::on_postgres;

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

TEST_CASE("PostgreSQL sessions run in UTC with UTF8 and name themselves covet", "[postgresql]") {
    auto db = fresh();
    auto rs = db->query(
        "SELECT current_setting('TimeZone'), current_setting('client_encoding'), "
        "current_setting('application_name')");
    CHECK(rs.rows[0] == covet::Row{"UTC", "UTF8", "covet"});
}
