// bulk_create's keys across batches, where a back end may count them
// instead of returning them (query/counted_keys.h): every record's key is
// the id its row really got, read back by the row's unique name, also after
// gaps in the keys and when a trigger writes rows in between.
#include <catch2/catch.hpp>

#include <set>

#include "covet/transaction.h"
#include "orm_fixture_rows.h"

using covet::Record;
using covet::Value;
using namespace covet::test;

namespace {

std::vector<Record> named_tags(OrmHarness& o, int count, const std::string& prefix) {
    std::vector<Record> tags;
    for (int i = 0; i < count; ++i) {
        Record tag(o.db, o.models, o.models.model("Tag"));
        tag.set("name", prefix + std::to_string(i));
        tags.push_back(tag);
    }
    return tags;
}

// Each record's key is the id of the row of its name; the keys are distinct.
void check_keys_read_back(OrmHarness& o, const std::vector<Record>& tags) {
    std::set<std::int64_t> seen;
    for (const Record& tag : tags) {
        REQUIRE(tag.pk().kind() == Value::Kind::Int);
        CHECK_FALSE(tag.adding());
        CHECK(raw_int(o, "SELECT \"id\" FROM \"tags\" WHERE \"name\" = ?", {tag.get("name")}) ==
              tag.pk().as_int());
        seen.insert(tag.pk().as_int());
    }
    CHECK(seen.size() == tags.size());
}

}  // namespace

COVET_ORM_TEST("orm: bulk_create keys of several batches are the rows' ids after a gap") {
    o.objects("Tag").create({{"name", "low"}});
    raw_execute(o, "INSERT INTO \"tags\" (\"id\", \"name\") VALUES (?, ?)",
                {Value(1000), Value("high")});
    std::vector<Record> tags = named_tags(o, 45, "b");
    o.objects("Tag").bulk_create(tags, covet::BulkOptions{20, false});
    check_keys_read_back(o, tags);
    CHECK(count_rows(o, "tags") == 47);
    // Past the largest key, a second call continuing where the first ended.
    std::vector<Record> more = named_tags(o, 30, "c");
    o.objects("Tag").bulk_create(more, covet::BulkOptions{10, false});
    check_keys_read_back(o, more);
    CHECK(more.front().pk().as_int() > tags.back().pk().as_int());
}

COVET_ORM_TEST("orm: bulk_create keys are the rows' ids after the newest rows were deleted") {
    std::vector<Record> first = named_tags(o, 12, "d");
    o.objects("Tag").bulk_create(first);
    const std::int64_t deleted_from = first[6].pk().as_int();
    raw_execute(o, "DELETE FROM \"tags\" WHERE \"id\" >= ?", {Value(deleted_from)});
    std::vector<Record> tags = named_tags(o, 24, "e");
    o.objects("Tag").bulk_create(tags, covet::BulkOptions{8, false});
    check_keys_read_back(o, tags);
    CHECK(count_rows(o, "tags") == 6 + 24);
}

COVET_ORM_TEST("orm: bulk_create keys inside an open transaction are the rows' ids") {
    covet::Transaction tx(o.db.connection());
    std::vector<Record> tags = named_tags(o, 33, "f");
    o.objects("Tag").bulk_create(tags, covet::BulkOptions{16, false});
    check_keys_read_back(o, tags);
    tx.commit();
    check_keys_read_back(o, tags);
}

// A trigger inserting a row of the same table after each row takes every
// other key: counted keys would be wrong, so the batch must fall back to
// RETURNING. SQLite's trigger syntax; the other back ends return keys anyway.
TEST_CASE("sqlite: orm: bulk_create keys are the rows' ids when a trigger inserts between them") {
    MigrationHarness h("sqlite");
    OrmHarness o(h);
    raw_execute(o,
                "CREATE TRIGGER tags_shadow AFTER INSERT ON \"tags\" WHEN NEW.\"name\" LIKE 'g%' "
                "BEGIN INSERT INTO \"tags\" (\"name\") VALUES ('shadow-' || NEW.\"name\"); END");
    std::vector<Record> tags = named_tags(o, 30, "g");
    o.objects("Tag").bulk_create(tags, covet::BulkOptions{10, false});
    check_keys_read_back(o, tags);
    CHECK(count_rows(o, "tags") == 60);
}
