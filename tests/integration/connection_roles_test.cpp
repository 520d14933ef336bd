// The connection as the ORM will use it, on every back end: streaming
// cursors, transactions and savepoints, the transaction guard, and the
// prepared-statement cache (reuse, and re-preparing after a schema change).
#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "connect.h"
#include "covet/database_url.h"
#include "covet/error.h"
#include "covet/transaction.h"
#include "migration_harness.h"
#include "sqlite/sqlite_connection.h"

using covet::test::MigrationHarness;

namespace {

std::string ph(MigrationHarness& h, int index) {
    return h.db().dialect().placeholder(index);
}

// 100,000 rows of 200 bytes each: 20 MB, more than any socket buffer holds.
void fill_big_table(MigrationHarness& h) {
    auto& db = h.db();
    db.execute("CREATE TABLE digits (d integer)");
    db.execute("INSERT INTO digits (d) VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
    db.execute("CREATE TABLE big (n integer, pad varchar(255))");
    const std::string pad = h.backend() == "sqlite" ? "printf('%.200c', 'x')" : "REPEAT('x', 200)";
    db.execute(
        "INSERT INTO big (n, pad) SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d, " +
        pad + " FROM digits a, digits b, digits c, digits e, digits f");
}

// Whether the back end is still producing the cursor's rows: the statement
// is still stepping (SQLite), the server cursor exists (PostgreSQL), or the
// server is still sending the query's rows to this session (MySQL).
bool still_streaming(MigrationHarness& h, covet::Connection& other, std::int64_t session) {
    if (h.backend() == "sqlite") {
        sqlite3* db = dynamic_cast<covet::SqliteConnection&>(h.db()).handle();
        for (sqlite3_stmt* s = sqlite3_next_stmt(db, nullptr); s; s = sqlite3_next_stmt(db, s))
            if (sqlite3_stmt_busy(s)) return true;
        return false;
    }
    if (h.backend() == "postgresql")
        return h.db().query("SELECT count(*) FROM pg_cursors").rows.at(0).at(0).as_int() > 0;
    auto rs =
        other.query("SELECT COMMAND FROM information_schema.PROCESSLIST WHERE ID = ?", {session});
    return !rs.rows.empty() && rs.rows[0][0].to_string() != "Sleep";
}

// The server marks the session idle a moment after the client has read the
// last row (MySQL's PROCESSLIST): wait up to five seconds for it.
bool stops_streaming(MigrationHarness& h, covet::Connection& other, std::int64_t session) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (!still_streaming(h, other, session)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

std::unique_ptr<covet::Connection> second_connection(MigrationHarness& h) {
    return covet::connect_database(covet::parse_database_url(h.url()));
}

std::int64_t count_of(covet::Connection& db, const std::string& table) {
    return db.query("SELECT count(*) FROM " + table).rows.at(0).at(0).as_int();
}

}  // namespace

COVET_BACKEND_TEST("a cursor reads a large result row by row while the server still streams it") {
    fill_big_table(h);
    auto other = second_connection(h);
    std::int64_t session = 0;
    if (h.backend() == "mysql")
        session = h.db().query("SELECT CONNECTION_ID()").rows.at(0).at(0).as_int();
    covet::Cursor cursor = h.db().open_cursor("SELECT n, pad FROM big ORDER BY n");
    CHECK(cursor.columns() == std::vector<std::string>{"n", "pad"});
    covet::Row row;
    REQUIRE(cursor.next(row));
    CHECK(row.at(0).as_int() == 0);
    CHECK(still_streaming(h, *other, session));
    std::int64_t count = 1, sum = 0;
    while (cursor.next(row)) {
        ++count;
        sum += row.at(0).as_int();
    }
    CHECK(count == 100000);
    CHECK(sum == 4999950000LL);
    CHECK_FALSE(cursor.is_open());
    CHECK(stops_streaming(h, *other, session));
}

COVET_BACKEND_TEST("a cursor closed early leaves the connection ready for the next statement") {
    fill_big_table(h);
    {
        covet::Cursor cursor = h.db().open_cursor(
            "SELECT n FROM big WHERE n >= " + ph(h, 1) + " ORDER BY n", {covet::Value(10)});
        covet::Row row;
        for (int i = 0; i < 3; ++i)
            REQUIRE(cursor.next(row));
        CHECK(row.at(0).as_int() == 12);
        cursor.close();
        CHECK_FALSE(cursor.next(row));
    }
    CHECK(h.db().execute("UPDATE big SET n = n + 1 WHERE n < " + ph(h, 1), {covet::Value(5)}) == 5);
    CHECK(count_of(h.db(), "big") == 100000);
    // The same statement again: its cursor gave it back in a usable state.
    covet::Cursor again = h.db().open_cursor(
        "SELECT n FROM big WHERE n >= " + ph(h, 1) + " ORDER BY n", {covet::Value(99998)});
    covet::Row row;
    REQUIRE(again.next(row));
    CHECK(row.at(0).as_int() == 99998);
}

COVET_BACKEND_TEST("rolling back to a savepoint keeps the work done before it") {
    auto& db = h.db();
    db.execute("CREATE TABLE notes (n integer)");
    const std::string insert = "INSERT INTO notes (n) VALUES (" + ph(h, 1) + ")";
    db.begin();
    db.execute(insert, {1});
    db.savepoint("before_two");
    db.execute(insert, {2});
    db.rollback_to("before_two");
    db.execute(insert, {3});
    db.release_savepoint("before_two");
    db.commit();
    auto rs = db.query("SELECT n FROM notes ORDER BY n");
    REQUIRE(rs.rows.size() == 2);
    CHECK(rs.rows[0][0].as_int() == 1);
    CHECK(rs.rows[1][0].as_int() == 3);
    CHECK_FALSE(db.in_transaction());
}

COVET_BACKEND_TEST("a transaction guard rolls back when an exception leaves its scope") {
    auto& db = h.db();
    db.execute("CREATE TABLE notes (n integer)");
    const std::string insert = "INSERT INTO notes (n) VALUES (" + ph(h, 1) + ")";
    try {
        covet::Transaction transaction(db);
        db.execute(insert, {1});
        throw std::runtime_error("the caller gave up");
    } catch (const std::runtime_error&) {
    }
    CHECK_FALSE(db.in_transaction());
    CHECK(count_of(db, "notes") == 0);
    {
        covet::Transaction transaction(db);
        db.execute(insert, {2});
        transaction.commit();
    }
    CHECK(count_of(db, "notes") == 1);
    CHECK_THROWS_AS(db.commit(), covet::UsageError);
}

COVET_BACKEND_TEST("a repeated parameterised statement is prepared once and reused") {
    auto& db = h.db();
    db.execute("CREATE TABLE notes (n integer)");
    const std::string insert = "INSERT INTO notes (n) VALUES (" + ph(h, 1) + ")";
    const std::string select = "SELECT n FROM notes WHERE n > " + ph(h, 1);
    const covet::StatementCacheStats before = db.statement_cache_stats();
    for (int i = 0; i < 5; ++i)
        db.execute(insert, {i});
    for (int i = 0; i < 3; ++i)
        CHECK(db.query(select, {i}).rows.size() == static_cast<std::size_t>(4 - i));
    const covet::StatementCacheStats after = db.statement_cache_stats();
    CHECK(after.prepared - before.prepared == 2);
    CHECK(after.reused - before.reused == 6);
}

COVET_BACKEND_TEST("a cached query is prepared again after another session alters its table") {
    auto& db = h.db();
    db.execute("CREATE TABLE items (id integer, name varchar(20))");
    db.execute("INSERT INTO items (id, name) VALUES (1, 'one')");
    const std::string select = "SELECT * FROM items WHERE id = " + ph(h, 1);
    CHECK(db.query(select, {1}).columns.size() == 2);
    auto other = second_connection(h);
    other->execute("ALTER TABLE items ADD COLUMN price integer");
    other->execute("UPDATE items SET price = 7");
    covet::ResultSet rs = db.query(select, {1});
    CHECK(rs.columns.size() == 3);
    REQUIRE(rs.rows.size() == 1);
    CHECK(rs.rows[0].at(2).as_int() == 7);
    // And after this session's own change.
    db.execute("ALTER TABLE items ADD COLUMN stock integer");
    CHECK(db.query(select, {1}).columns.size() == 4);
}

COVET_BACKEND_TEST("query_each hands every row of a query in order, as query() reads them") {
    auto& db = h.db();
    db.execute("CREATE TABLE letters (n integer, letter varchar(10))");
    db.execute("INSERT INTO letters (n, letter) VALUES (3, 'c'), (1, 'a'), (2, 'b'), (4, 'd')");
    const std::string sql = "SELECT n, letter FROM letters WHERE n > " + ph(h, 1) + " ORDER BY n";
    std::vector<covet::Row> seen;
    db.query_each(sql, {covet::Value(1)}, [&](covet::Row& row) { seen.push_back(std::move(row)); });
    const covet::ResultSet all = db.query(sql, {covet::Value(1)});
    REQUIRE(seen.size() == 3);
    CHECK(seen == all.rows);
    CHECK(seen[0].at(1).as_text() == "b");
    CHECK(seen[2].at(0).as_int() == 4);
    // A failing row handler leaves the connection usable.
    CHECK_THROWS_AS(
        db.query_each(sql, {covet::Value(0)}, [](covet::Row&) { throw covet::QueryError("stop"); }),
        covet::QueryError);
    CHECK(count_of(db, "letters") == 4);
}
