// PostgreSQL transactions, savepoints, the migration lock and the DDL lock
// timeout, on a PostgresConnection of its own.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <limits>
#include <thread>

#include "connection_test_support.h"
#include "covet/database_url.h"
#include "covet/error.h"
#include "postgres_test_connection.h"
#include "test_servers.h"

using covet::IntrospectedTable;
using covet::PostgresConnection;
using covet::Value;
using covet::test::Clock;
using covet::test::find_index;
using covet::test::seconds_since;
using namespace covet::test::on_postgres;
using namespace std::chrono_literals;

namespace {

// `second` waits for the lock `first` holds and gets it once `first` lets go.
void check_handover(PostgresConnection& first, PostgresConnection& second,
                    PostgresConnection& observer) {
    std::atomic<bool> released{false};
    auto waiting = std::async(std::launch::async, [&] {
        second.acquire_migration_lock(60s);
        return released.load();
    });
    // Released only once the second run is seen waiting for the lock.
    const std::string waiters =
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";
    auto deadline = Clock::now() + 30s;
    while (observer.query(waiters).rows[0][0].as_int() == 0 && Clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    REQUIRE(observer.query(waiters).rows[0][0].as_int() == 1);
    released = true;
    first.release_migration_lock(true);
    // Handed over after the release, well within the 60 s it would wait.
    CHECK(waiting.get());
    CHECK_THROWS_AS(first.acquire_migration_lock(0ms), covet::LockTimeoutError);
    second.release_migration_lock(true);
    CHECK_NOTHROW(first.acquire_migration_lock(0ms));
}

}  // namespace

TEST_CASE("PostgreSQL transactions roll DDL back and autocommit statements commit one by one",
          "[postgresql]") {
    auto db = fresh();
    SECTION("rolled back") {
        db->begin();
        db->execute("CREATE TABLE t (x integer)");
        CHECK(db->table_exists("t"));
        db->rollback();
        CHECK_FALSE(db->table_exists("t"));
    }
    SECTION("committed") {
        db->begin();
        db->execute("CREATE TABLE t (x integer)");
        db->commit();
        CHECK(db->table_exists("t"));
    }
    SECTION("atomic: false statements commit one by one") {
        db->execute("CREATE TABLE t (x integer)");
        db->enter_autocommit();
        db->execute("CREATE INDEX CONCURRENTLY t_x ON t (x)");
        db->leave_autocommit(false);
        CHECK(find_index(db->describe_table("t"), "t_x") != nullptr);
    }
    SECTION("a commit after a failed statement reports it and keeps nothing") {
        db->begin();
        db->execute("CREATE TABLE t (x integer)");
        CHECK_THROWS_AS(db->execute("CREATE TABLE t (x integer)"), covet::DatabaseError);
        CHECK_THROWS_WITH(db->commit(), Catch::Contains("rolled back"));
        CHECK_FALSE(db->table_exists("t"));
    }
}

TEST_CASE("PostgreSQL migration lock: a second run waits, then names the holder", "[postgresql]") {
    const std::string url = covet::test::fresh_database_url("postgresql");
    auto first = connect(url);
    auto second = connect(url);
    auto observer = connect(url);
    first->acquire_migration_lock(5s);

    auto holders = observer->query(
        "SELECT pid, application_name FROM pg_locks JOIN pg_stat_activity USING (pid) "
        "WHERE locktype = 'advisory' AND granted");
    REQUIRE(holders.rows.size() == 1);
    const Value lock_pid = holders.rows[0][0];
    // The lock lives on a session of its own, not on the migrating connection.
    CHECK(lock_pid != Value(first->backend_pid()));
    CHECK(holders.rows[0][1] == Value("covet migration lock"));

    auto start = Clock::now();
    try {
        second->acquire_migration_lock(1s);
        FAIL("took a lock that another session holds");
    } catch (const covet::LockTimeoutError& e) {
        CHECK_THAT(e.what(), Catch::Contains("covet_migrations") && Catch::Contains("within 1 s") &&
                                 Catch::Contains("pid " + lock_pid.to_string()) &&
                                 Catch::Contains("127.0.0.1"));
    }
    const double waited = seconds_since(start);
    CHECK(waited >= 0.9);  // it waited its 1 s (timers never fire early)
    CHECK(waited < 30);
    CHECK_THROWS_AS(second->acquire_migration_lock(0ms), covet::LockTimeoutError);

    SECTION("the migrating connection runs CREATE INDEX CONCURRENTLY while holding it") {
        first->execute("CREATE TABLE t (x integer)");
        first->set_ddl_lock_timeout(5s);
        first->enter_autocommit();
        // Were the lock's session in the build's way, the build would wait for
        // it and give up with a LockTimeoutError after the 5 s.
        CHECK_NOTHROW(first->execute("CREATE INDEX CONCURRENTLY t_x ON t (x)"));
        first->leave_autocommit(true);
    }
    SECTION("a waiting run gets the lock as soon as it is released") {
        check_handover(*first, *second, *observer);
    }
    first->release_migration_lock(true);
}

TEST_CASE("PostgreSQL DDL gives up on a table lock after the DDL lock timeout", "[postgresql]") {
    const std::string url = covet::test::fresh_database_url("postgresql");
    auto db = connect(url);
    auto other = connect(url);
    db->execute("CREATE TABLE busy (id integer PRIMARY KEY)");
    // Another session's open transaction holds a lock on the table.
    other->execute("BEGIN");
    other->query("SELECT count(*) FROM busy");
    db->set_ddl_lock_timeout(300ms);

    auto start = Clock::now();
    CHECK_THROWS_AS(db->execute("ALTER TABLE busy ADD COLUMN x integer"), covet::LockTimeoutError);
    const double waited = seconds_since(start);
    CHECK(waited >= 0.29);  // it waited its 300 ms (timers never fire early)
    CHECK(waited < 30);     // and gave up: the lock is held until the test ends

    const std::string holders = db->describe_lock_holders("busy");
    CHECK_THAT(holders, Catch::Contains("pid " + std::to_string(other->backend_pid())) &&
                            Catch::Contains("idle in transaction") &&
                            Catch::Contains("AccessShareLock"));
    CHECK(db->describe_lock_holders("no_such_table").empty());

    SECTION("inside a migration the statement can be retried once the lock is free") {
        db->begin();
        CHECK_THROWS_AS(db->execute("ALTER TABLE busy ADD COLUMN x integer"),
                        covet::LockTimeoutError);
        other->execute("COMMIT");
        db->execute("ALTER TABLE busy ADD COLUMN x integer");
        db->commit();
        CHECK(db->describe_table("busy").column("x") != nullptr);
    }
    SECTION("the timeout survives a rolled-back migration") {
        db->begin();
        db->set_ddl_lock_timeout(200ms);
        db->rollback();
        CHECK(db->query("SHOW lock_timeout").rows[0][0] == Value("200ms"));
    }
    other->execute("ROLLBACK");
}

TEST_CASE("PostgreSQL drops the invalid index a failed CREATE INDEX CONCURRENTLY leaves",
          "[postgresql]") {
    auto db = fresh();
    db->execute("CREATE TABLE dupes (v integer)");
    db->execute("INSERT INTO dupes (v) VALUES (1), (1)");
    auto index_count = [&](const std::string& name) {
        return db->query("SELECT count(*) FROM pg_class WHERE relname = $1", {Value(name)})
            .rows.at(0)
            .at(0)
            .as_int();
    };

    // The duplicate key fails the build after the index was created: PostgreSQL
    // keeps it, INVALID, and a retry would fail on its name.
    CHECK_THROWS_AS(
        db->execute("CREATE UNIQUE INDEX CONCURRENTLY \"dupes_v_uniq\" ON \"dupes\" (v)"),
        covet::IntegrityError);
    CHECK(index_count("dupes_v_uniq") == 0);
    db->execute("DELETE FROM dupes");
    db->execute("CREATE UNIQUE INDEX CONCURRENTLY \"dupes_v_uniq\" ON \"dupes\" (v)");
    CHECK(index_count("dupes_v_uniq") == 1);

    // A valid index of the same name, there before, is never touched.
    CHECK_THROWS_AS(db->execute("CREATE INDEX CONCURRENTLY dupes_v_uniq ON dupes (v)"),
                    covet::DatabaseError);
    CHECK(index_count("dupes_v_uniq") == 1);
}

TEST_CASE("PostgreSQL retries CREATE INDEX CONCURRENTLY after a lock timeout", "[postgresql]") {
    const std::string url = covet::test::fresh_database_url("postgresql");
    auto db = connect(url);
    db->execute("CREATE TABLE waited (v integer)");
    // An open transaction with a snapshot: the concurrent build waits for it
    // to end, and that wait is bounded by lock_timeout.
    auto holder = connect(url);
    holder->execute("BEGIN ISOLATION LEVEL REPEATABLE READ");
    holder->query("SELECT count(*) FROM waited");

    db->set_ddl_lock_timeout(300ms);
    const std::string build = "CREATE INDEX CONCURRENTLY \"waited_v_idx\" ON \"waited\" (v)";
    CHECK_THROWS_AS(db->execute(build), covet::LockTimeoutError);
    // The retry first meets the invalid index the attempt left; dropping it
    // waits for the same transaction, so it is a lock timeout too, not
    // "already exists".
    CHECK_THROWS_AS(db->execute(build), covet::LockTimeoutError);

    holder->execute("COMMIT");
    db->execute(build);
    auto valid = db->query(
        "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE c.relname = 'waited_v_idx' AND i.indisvalid");
    CHECK(valid.rows.at(0).at(0).as_int() == 1);
    auto all = db->query("SELECT count(*) FROM pg_class WHERE relname LIKE 'waited_v_idx%'");
    CHECK(all.rows.at(0).at(0).as_int() == 1);
}

TEST_CASE("PostgreSQL errors inside a migration quote the statement, not covet's savepoint",
          "[postgresql]") {
    auto db = fresh();
    db->set_ddl_lock_timeout(5000ms);
    db->execute("CREATE TABLE tally (n integer)");
    db->begin();
    db->execute("INSERT INTO tally VALUES (1)");
    std::string message;
    try {
        db->execute("SELEC n FROM tally");
        FAIL("no error");
    } catch (const covet::DatabaseError& e) {
        message = e.what();
    }
    db->rollback();
    CHECK_THAT(message, Catch::Contains("syntax error at or near \"SELEC\"") &&
                            Catch::Contains("(in: SELEC n FROM tally)"));
    CHECK_THAT(message, !Catch::Contains("SAVEPOINT") && !Catch::Contains("covet_statement") &&
                            !Catch::Contains("LINE 1"));
    // A multi-line statement keeps the line the error is on.
    db->begin();
    try {
        db->execute("SELECT 1;\nSELECT 2;\nSELEC 3");
        FAIL("no error");
    } catch (const covet::DatabaseError& e) {
        message = e.what();
    }
    db->rollback();
    CHECK_THAT(message, Catch::Contains("(at line 3 of the statement)") &&
                            !Catch::Contains("covet_statement"));
}

TEST_CASE("PostgreSQL releases each statement's savepoint before taking the next", "[postgresql]") {
    auto db = fresh();
    db->set_ddl_lock_timeout(5000ms);
    db->begin();
    db->execute("CREATE TABLE steps (n integer)");
    db->execute("INSERT INTO steps VALUES (1)");
    db->execute("INSERT INTO steps VALUES (2)");
    // Savepoints of one name stack: if any earlier one were still open, a
    // second RELEASE would find it. Only the last statement's is open.
    CHECK_NOTHROW(db->query("RELEASE SAVEPOINT covet_statement"));
    CHECK_THROWS_WITH(db->query("RELEASE SAVEPOINT covet_statement"),
                      Catch::Contains("savepoint \"covet_statement\" does not exist"));
    db->rollback();
    // And the last one is released by COMMIT: the work is there.
    db->begin();
    db->execute("CREATE TABLE kept (n integer)");
    db->execute("INSERT INTO kept VALUES (7)");
    db->commit();
    CHECK(db->query("SELECT n FROM kept").rows.at(0).at(0) == Value(7));
}
