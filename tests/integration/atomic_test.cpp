// Transactions: Atomic scopes nest as savepoints, on_commit callbacks run
// only after the outermost commit, a scope pins its connection, and a
// deadlock surfaces as TransactionConflictError.
#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <thread>

#include "covet/atomic.h"
#include "covet/pool.h"
#include "orm_harness.h"

using namespace covet;
using covet::test::OrmHarness;

namespace {

std::vector<std::string> user_names(const OrmHarness& o) {
    std::vector<std::string> names;
    for (const Record& user : o.objects("User").order_by({"name"}))
        names.push_back(user.get("name").to_string());
    return names;
}

Record add_user(const OrmHarness& o, const std::string& name) {
    return o.objects("User").create({{"name", Value(name)}, {"email", Value(name + "@x.org")}});
}

}  // namespace

COVET_ORM_TEST("atomic: an exception in a nested scope rolls back only its savepoint") {
    atomic(o.db, [&] {
        add_user(o, "a");
        try {
            atomic(o.db, [&] {
                add_user(o, "b");
                throw std::runtime_error("inner");
            });
        } catch (const std::runtime_error&) {
        }
        add_user(o, "c");
    });
    CHECK(user_names(o) == std::vector<std::string>{"a", "c"});
    CHECK_FALSE(o.db.connection().in_transaction());

    CHECK_THROWS_AS(atomic(o.db,
                           [&] {
                               add_user(o, "d");
                               atomic(o.db, [&] { add_user(o, "e"); });
                               throw std::runtime_error("outer");
                           }),
                    std::runtime_error);
    {
        Atomic scope(o.db);  // left without commit(): rolled back
        add_user(o, "f");
    }
    CHECK(user_names(o) == std::vector<std::string>{"a", "c"});
    CHECK(atomic(o.db, [&] { return add_user(o, "g").get("name").to_string(); }) == "g");
    CHECK(user_names(o) == std::vector<std::string>{"a", "c", "g"});
}

COVET_ORM_TEST("atomic: on_commit runs after the outer commit and never after a rollback") {
    std::vector<std::string> ran;
    auto note = [&](const std::string& what) { return [&ran, what] { ran.push_back(what); }; };
    atomic(o.db, [&] {
        on_commit(o.db, note("outer"));
        atomic(o.db, [&] { on_commit(o.db, note("inner")); });
        try {
            atomic(o.db, [&] {
                on_commit(o.db, note("in a rolled-back savepoint"));
                throw std::runtime_error("undo");
            });
        } catch (const std::runtime_error&) {
        }
        add_user(o, "a");
        CHECK(ran.empty());  // not before the commit
    });
    CHECK(ran == std::vector<std::string>{"outer", "inner"});

    CHECK_THROWS_AS(atomic(o.db,
                           [&] {
                               on_commit(o.db, note("rolled back"));
                               throw std::runtime_error("undo");
                           }),
                    std::runtime_error);
    on_commit(o.db, note("outside a transaction"));  // at once, as Django
    CHECK(ran == std::vector<std::string>{"outer", "inner", "outside a transaction"});
}

COVET_ORM_TEST("atomic: a scope pins its lease and others see its rows once it commits") {
    Pool pool = open_pool(o.h.url(), {.min = 2, .max = 2});
    Database writer = pool.acquire();
    Database reader = pool.acquire();
    {
        Atomic scope(writer);
        writer.objects(o.models, "User").create({{"name", "w"}, {"email", "w@x.org"}});
        CHECK(writer.objects(o.models, "User").count() == 1);
        CHECK(reader.objects(o.models, "User").count() == 0);
        scope.commit();
    }
    CHECK(reader.objects(o.models, "User").count() == 1);
}

COVET_ORM_TEST("atomic: a deadlock surfaces as TransactionConflictError") {
    if (o.h.backend() == "sqlite") {
        WARN("SQLite pools begin transactions IMMEDIATE: writers queue and cannot deadlock");
        return;
    }
    const Value first = add_user(o, "first").pk();
    const Value second = add_user(o, "second").pk();
    Pool pool = open_pool(o.h.url(), {.min = 2, .max = 2});
    std::atomic<int> locked{0};
    std::atomic<int> conflicts{0};
    std::atomic<bool> deadlock_kind{false};
    std::atomic<int> other_errors{0};
    std::string other_error;
    // Each locks its own row, waits for the other to do the same, then
    // wants the other's: one of the two must be chosen as the victim.
    auto cross = [&](Value mine, Value theirs) {
        try {
            Database db = pool.acquire();
            atomic(db, [&] {
                auto users = db.objects(o.models, "User");
                users.filter({{"pk", mine}}).update({{"age", Expr(Value(1))}});
                ++locked;
                while (locked.load() < 2)
                    std::this_thread::yield();
                users.filter({{"pk", theirs}}).update({{"age", Expr(Value(2))}});
            });
        } catch (const TransactionConflictError& e) {
            ++conflicts;
            deadlock_kind = e.kind() == TransactionConflictError::Kind::deadlock;
        } catch (const std::exception& e) {
            if (++other_errors == 1) other_error = e.what();
        }
    };
    std::thread a(cross, first, second);
    std::thread b(cross, second, first);
    a.join();
    b.join();
    INFO(other_error);
    CHECK(conflicts.load() == 1);
    CHECK(deadlock_kind.load());
    CHECK(other_errors.load() == 0);
}
