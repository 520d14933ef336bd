// Typed values where the column cannot say their kind: a ForeignKey to a
// UUID primary key reads as a Uuid on every back end (its target key's
// kind, as Django's target_field converters), decimal expressions on the
// right-hand side of a filter compare as numbers (Django's
// SQLiteNumericMixin), and typed values validate by their kind.
#include <catch2/catch.hpp>

#include "orm_blog_data.h"

using covet::Avg;
using covet::Decimal;
using covet::F;
using covet::Max;
using covet::Record;
using covet::Uuid;
using covet::Value;
using covet::test::ids;
using covet::test::OrmHarness;
using covet::test::sorted;
using Ids = std::vector<std::int64_t>;

namespace {

const char* const kAccounts = R"Y(app: ledger
operations:
  - create_table:
      table: accounts
      model: Account
      fields:
        id: UUIDField(primary_key=True)
        name: CharField(max_length=50)
  - create_table:
      table: entries
      model: Entry
      fields:
        id: AutoField(primary_key=True)
        account: ForeignKey(accounts, on_delete=CASCADE, related_name=entries)
        amount: DecimalField(max_digits=8, decimal_places=2)
)Y";

const Uuid kFirst = Uuid::parse("12345678-1234-5678-1234-567812345678");
const Uuid kSecond = Uuid::parse("9a8b7c6d-0000-4000-8000-00000000abcd");

}  // namespace

COVET_BACKEND_TEST("orm: a foreign key to a UUID primary key reads as a Uuid") {
    OrmHarness o(h, kAccounts);
    const Record first = o.objects("Account").create({{"id", Value(kFirst)}, {"name", "first"}});
    o.objects("Account").create({{"id", Value(kSecond)}, {"name", "second"}});
    Record entry(o.db, o.models, o.models.model("Entry"));
    entry.set("account", first);
    entry.set("amount", Value(Decimal::parse("12.50")));
    entry.save();
    const Record read = o.objects("Entry").get({{"pk", entry.pk()}});
    REQUIRE(read.get("account").kind() == Value::Kind::Uuid);
    CHECK(read.get("account").as_uuid() == kFirst);
    const auto keys = o.objects("Entry").values_list({"account_id"}, true).rows();
    REQUIRE(keys.size() == 1);
    CHECK(keys[0].values.at(0) == Value(kFirst));
    Record deferred = o.objects("Entry").only({"amount"}).get();
    CHECK(deferred.get("account") == Value(kFirst));  // loaded on first access
    Record refreshed = read;
    refreshed.refresh_from_db();
    CHECK(refreshed.get("account") == Value(kFirst));
    // Text for the key is held as the target's Uuid, so it matches the stored key.
    refreshed.set("account", Value(std::string("9A8B7C6D-0000-4000-8000-00000000ABCD")));
    CHECK(refreshed.get("account") == Value(kSecond));
    refreshed.save();
    CHECK(o.objects("Entry").filter({{"account__name", "second"}}).count() == 1);
    CHECK(refreshed.related("account")->get("name").as_text() == "second");
    CHECK_THROWS_AS(refreshed.set("account", Value("not a uuid")), covet::ValidationError);
}

COVET_ORM_TEST("orm: a decimal expression on the right of a filter compares as a number") {
    covet::test::insert_blog(o);
    // rating < rating * 1.5 - 2, that is rating > 4: posts 1 (4.50) and 4 (5.00).
    const auto scaled = o.objects("Post").filter(
        {{"rating__lt", F("rating") * Value(Decimal::parse("1.5")) - Value(Decimal::parse("2"))}});
    CHECK(sorted(ids(scaled)) == Ids{1, 4});
    const bool casts = o.h.backend() == "sqlite";
    CHECK((scaled.sql().first.find("CAST((") != std::string::npos) == casts);
    // Best rating above the author's average: alice 4.50 > 3.875; bob 5.00 = 5.00; carol 2 = 2.
    const auto users = o.objects("User")
                           .annotate({{"best", Max("posts__rating")}})
                           .filter({{"best__gt", Avg("posts__rating")}});
    CHECK(ids(users) == Ids{1});
}

COVET_ORM_TEST("orm: typed values on a record validate by their kind") {
    covet::test::insert_blog(o);
    Record post = o.objects("Post").get({{"pk", 1}});
    post.set("rating", Value(Decimal::parse("123.456")));
    try {
        post.full_clean();
        FAIL("a rating of 123.456 passed full_clean()");
    } catch (const covet::ValidationError& e) {
        CHECK(std::string(e.what()).find("no more than 5 digits in total") != std::string::npos);
    }
    post.set("rating", Value(Decimal::parse("4.25")));
    post.set("published_at", Value(covet::DateTime::parse("2024-05-01 08:00:00")));
    post.full_clean();
    Record comment = o.objects("Comment").get({{"pk", 1}});
    comment.set("day", Value(covet::Date(2024, 2, 29)));
    comment.full_clean();
}
