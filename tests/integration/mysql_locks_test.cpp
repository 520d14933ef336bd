// MySQL locks on a MysqlConnection: the migration lock between sessions, and
// DDL giving up behind a metadata lock.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "connection_test_support.h"
#include "covet/error.h"
#include "mysql_test_connection.h"

using covet::test::Clock;
using covet::test::seconds_since;
using namespace covet::test::on_mysql;
using namespace std::chrono_literals;

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
