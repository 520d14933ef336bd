// create, bulk_create (keys set from the database, batches, ignore_conflicts)
// and bulk_update (one UPDATE per batch) — checked against raw SQL reads and
// the statements the SQL log saw.
#include <catch2/catch.hpp>

#include "orm_fixture_rows.h"

using covet::Record;
using covet::Value;
using namespace covet::test;

namespace {

std::vector<Record> new_tags(OrmHarness& o, int count, const std::string& prefix) {
    std::vector<Record> tags;
    for (int i = 0; i < count; ++i) {
        Record tag(o.db, o.models, o.models.model("Tag"));
        tag.set("name", prefix + std::to_string(i));
        tags.push_back(tag);
    }
    return tags;
}

}  // namespace

COVET_ORM_TEST("orm: create inserts the record at once with its key") {
    Record tag = o.objects("Tag").create({{"name", "x"}});
    CHECK_FALSE(tag.adding());
    CHECK(raw_value(o, "SELECT \"name\" FROM \"tags\" WHERE \"id\" = ?", {tag.pk()}).to_string() ==
          "x");
    CHECK_THROWS_AS(o.objects("Tag").create({{"name", "x"}}), covet::IntegrityError);
    CHECK(count_rows(o, "tags") == 1);
}

COVET_ORM_TEST("orm: bulk_create sets the keys the database gave, batch_size statements each") {
    o.objects("Tag").create({{"name", "first"}});
    std::vector<Record> tags = new_tags(o, 5, "t");
    const int inserts = statements_starting(o, "INSERT", [&] {
        o.objects("Tag").bulk_create(tags, covet::BulkOptions{2, false});
    });
    CHECK(inserts == 3);
    CHECK(count_rows(o, "tags") == 6);
    for (const Record& tag : tags) {
        REQUIRE_FALSE(tag.pk().is_null());
        CHECK_FALSE(tag.adding());
        CHECK(raw_value(o, "SELECT \"name\" FROM \"tags\" WHERE \"id\" = ?", {tag.pk()}) ==
              tag.get("name"));
    }
    std::vector<Record> more = new_tags(o, 4, "m");
    CHECK(statements_starting(o, "INSERT", [&] { o.objects("Tag").bulk_create(more); }) == 1);
    CHECK(count_rows(o, "tags") == 10);
}

COVET_ORM_TEST("orm: bulk_create stamps auto_now_add and keeps given keys") {
    std::vector<Record> users;
    for (int i = 0; i < 3; ++i) {
        Record u(o.db, o.models, o.models.model("User"));
        u.set("name", "u" + std::to_string(i));
        u.set("email", "u" + std::to_string(i) + "@example.com");
        if (i == 0) u.set("id", 100);
        users.push_back(u);
    }
    o.objects("User").bulk_create(users);
    CHECK(users[0].pk().as_int() == 100);
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"users\" WHERE \"created_at\" IS NOT NULL") == 3);
    CHECK(
        raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", {Value(100)}).to_string() ==
        "u0");
    CHECK(raw_value(o, "SELECT \"name\" FROM \"users\" WHERE \"id\" = ?", {users[2].pk()})
              .to_string() == "u2");
}

COVET_ORM_TEST("orm: bulk_create with ignore_conflicts skips duplicates and sets no keys") {
    o.objects("Tag").create({{"name", "t1"}});
    std::vector<Record> tags = new_tags(o, 3, "t");  // t0, t1 (taken), t2
    o.objects("Tag").bulk_create(tags, covet::BulkOptions{0, true});
    CHECK(count_rows(o, "tags") == 3);
    CHECK(raw_int(o, "SELECT COUNT(*) FROM \"tags\" WHERE \"name\" = ?", {Value("t1")}) == 1);
    for (const Record& tag : tags)
        CHECK(tag.pk().is_null());  // Django sets no keys with ignore_conflicts
    std::vector<Record> again = new_tags(o, 1, "t");
    CHECK_THROWS_AS(o.objects("Tag").bulk_create(again), covet::IntegrityError);
}

COVET_ORM_TEST("orm: bulk_update writes the named fields in one UPDATE per batch") {
    std::vector<Record> users;
    for (int i = 0; i < 5; ++i)
        users.push_back(make_user(o, "u" + std::to_string(i)));
    for (int i = 0; i < 5; ++i) {
        users[i].set("name", "renamed" + std::to_string(i));
        users[i].set("age", 20 + i);
        users[i].set("active", false);  // not named: stays
    }
    std::int64_t updated = 0;
    const int updates = statements_starting(o, "UPDATE", [&] {
        updated = o.objects("User").bulk_update(users, {"name", "age"}, 2);
    });
    CHECK(updates == 3);
    CHECK(updated == 5);
    for (int i = 0; i < 5; ++i) {
        auto row =
            raw_rows(o, "SELECT \"name\", \"age\", \"active\" FROM \"users\" WHERE \"id\" = ?",
                     {users[i].pk()});
        REQUIRE(row.size() == 1);
        CHECK(row[0][0].to_string() == "renamed" + std::to_string(i));
        CHECK(row[0][1].as_int() == 20 + i);
        const Value& active = row[0][2];  // a boolean or 1, by back end
        CHECK((active.kind() == Value::Kind::Bool ? active.as_bool() : active.as_int() == 1));
    }
    // Rows whose values do not change still count, as Django reports them.
    CHECK(o.objects("User").bulk_update(users, {"name", "age"}) == 5);
    CHECK_THROWS_AS(o.objects("User").bulk_update(users, {}), covet::QueryError);
    CHECK_THROWS_AS(o.objects("User").bulk_update(users, {"id"}), covet::QueryError);
}

COVET_ORM_TEST("orm: bulk_create splits batches at the back end's parameter limit") {
    const std::size_t limit = o.db.dialect().features().max_query_params;  // one column per tag
    std::vector<Record> tags = new_tags(o, static_cast<int>(limit) + 10, "n");
    const int inserts = statements_starting(o, "INSERT", [&] {
        o.objects("Tag").bulk_create(tags, covet::BulkOptions{limit * 2, false});
    });
    CHECK(inserts == 2);
    CHECK(count_rows(o, "tags") == static_cast<std::int64_t>(limit) + 10);
    CHECK(raw_value(o, "SELECT \"name\" FROM \"tags\" WHERE \"id\" = ?", {tags.back().pk()}) ==
          tags.back().get("name"));
}
