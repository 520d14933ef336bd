// select_for_update() and update_or_create()'s row lock, as Django 3.2:
// FOR UPDATE (NOWAIT, SKIP LOCKED) where the back end has row locks, a
// QueryError outside a transaction there, and nothing on SQLite. A second
// connection shows the lock: its NOWAIT read of a locked row fails.
#include <catch2/catch.hpp>

#include "covet/transaction.h"
#include "orm_blog_data.h"

using covet::Value;
using covet::test::insert_blog;
using Ids = std::vector<std::int64_t>;

namespace {

// Whether another connection can lock row `pk` of users at once.
bool can_lock(covet::test::OrmHarness& o, std::int64_t pk) {
    covet::Database other = covet::open(o.h.url());
    covet::Transaction transaction(other.connection());
    try {
        other.objects(o.models, "User").filter({{"pk", pk}}).select_for_update(true).records();
        return true;
    } catch (const covet::DatabaseError&) {
        return false;
    }
}

}  // namespace

COVET_ORM_TEST("orm: select_for_update locks the rows read until the transaction ends") {
    insert_blog(o);
    const auto locked = o.objects("User").filter({{"pk", 1}}).select_for_update();
    const bool has_locks = o.h.backend() != "sqlite";
    CHECK((locked.sql().first.find(" FOR UPDATE") != std::string::npos) == has_locks);
    CHECK_THROWS_AS(o.objects("User").select_for_update(true, true), covet::QueryError);
    if (!has_locks) {  // ignored, as Django's SQLite back end does
        CHECK(locked.records().size() == 1);
        return;
    }
    CHECK_THROWS_WITH(locked.records(),
                      "select_for_update cannot be used outside of a transaction.");
    covet::Transaction transaction(o.db.connection());
    REQUIRE(locked.records().size() == 1);
    CHECK_FALSE(can_lock(o, 1));
    CHECK(can_lock(o, 2));
    covet::Database other = covet::open(o.h.url());
    covet::Transaction theirs(other.connection());
    Ids free;
    for (const covet::Record& user :
         other.objects(o.models, "User").select_for_update(false, true).order_by({"id"}))
        free.push_back(user.pk().as_int());
    CHECK(free == Ids{2, 3, 4});  // SKIP LOCKED passes over alice
    theirs.rollback();
    transaction.rollback();
    CHECK(can_lock(o, 1));
}

COVET_ORM_TEST("orm: update_or_create locks the row it updates") {
    insert_blog(o);
    auto statements = std::make_shared<std::vector<std::string>>();
    o.db.set_sql_log([statements](const std::string& sql, double) { statements->push_back(sql); });
    covet::Transaction transaction(o.db.connection());
    auto [user, created] =
        o.objects("User").update_or_create({{"email", "bob@example.com"}}, {{"age", 26}});
    CHECK_FALSE(created);
    CHECK(user.get("age").as_int() == 26);
    const bool has_locks = o.h.backend() != "sqlite";
    const auto locking = std::count_if(statements->begin(), statements->end(), [](const auto& s) {
        return s.find(" FOR UPDATE") != std::string::npos;
    });
    CHECK(locking == (has_locks ? 1 : 0));
    if (has_locks) {  // held by the open transaction around update_or_create
        CHECK_FALSE(can_lock(o, 2));
        CHECK(can_lock(o, 1));
    }
    transaction.commit();
    if (has_locks) CHECK(can_lock(o, 2));
    CHECK(o.objects("User").get({{"pk", 2}}).get("age").as_int() == 26);
}
