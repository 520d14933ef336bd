// Typed models (covet/typed.h): every member type round-trips through each
// back end, and a mapping that does not fit the migration state fails when
// it is bound, naming struct, member and field.
#include <catch2/catch.hpp>

#include <chrono>

#include "covet/typed.h"
#include "orm_harness.h"

using covet::test::OrmHarness;

namespace {

const char* const kKinds = R"Y(app: kinds
operations:
  - create_table:
      table: kinds
      model: Kind
      fields:
        id: BigAutoField(primary_key=True)
        small: SmallIntegerField()
        big: BigIntegerField()
        ratio: FloatField()
        flag: BooleanField()
        label: CharField(max_length=20)
        amount: DecimalField(max_digits=8, decimal_places=2)
        day: DateField()
        at: TimeField()
        stamp: DateTimeField()
        token: UUIDField()
        data: JSONField()
        blob: BinaryField()
        note: TextField(null=True)
        count: IntegerField(null=True)
)Y";

}  // namespace

struct KindRow {
    std::int64_t id = 0;
    std::int16_t small = 0;
    std::int64_t big = 0;
    double ratio = 0;
    bool flag = false;
    std::string label;
    covet::Decimal amount;
    std::chrono::sys_days day;
    covet::TimeOfDay at;
    covet::Timestamp stamp;
    covet::Uuid token;
    covet::Json data;
    std::vector<std::byte> blob;
    std::optional<std::string> note;
    std::optional<int> count;
};
COVET_MODEL(KindRow, "Kind", COVET_FIELD(id), COVET_FIELD(small), COVET_FIELD(big),
            COVET_FIELD(ratio), COVET_FIELD(flag), COVET_FIELD(label), COVET_FIELD(amount),
            COVET_FIELD(day), COVET_FIELD(at), COVET_FIELD(stamp), COVET_FIELD(token),
            COVET_FIELD(data), COVET_FIELD(blob), COVET_FIELD(note), COVET_FIELD(count));

// One struct per kind of mismatch.
struct NoModel {
    std::int64_t id;
};
COVET_MODEL(NoModel, "Nowhere", COVET_FIELD(id));
struct NoField {
    std::int64_t id;
    std::string colour;
};
COVET_MODEL(NoField, "Kind", COVET_FIELD(id), COVET_FIELD(colour));
struct NarrowBig {
    std::int64_t id;
    int big;
};
COVET_MODEL(NarrowBig, "Kind", COVET_FIELD(id), COVET_FIELD(big));
struct NotOptional {
    std::int64_t id;
    int count;
};
COVET_MODEL(NotOptional, "Kind", COVET_FIELD(id), COVET_FIELD(count));
struct TextForNumber {
    std::int64_t id;
    std::string small;
};
COVET_MODEL(TextForNumber, "Kind", COVET_FIELD(id), COVET_FIELD(small));
struct NumberForDate {
    std::int64_t id;
    std::int64_t when;
};
COVET_MODEL(NumberForDate, "Kind", COVET_FIELD(id), COVET_FIELD_AS(when, "stamp"));

namespace {

template <class T>
std::string mapping_error(const OrmHarness& o) {
    try {
        covet::Objects<T> objects(o.db, o.models);
    } catch (const covet::MappingError& e) {
        return e.what();
    }
    return "(no error)";
}

KindRow sample() {
    using namespace std::chrono;
    KindRow k;
    k.small = -12;
    k.big = 9'000'000'000'000;
    k.ratio = 2.5;
    k.flag = true;
    k.label = "héllo";
    k.amount = covet::Decimal::parse("123.45");
    k.day = sys_days(year(2024) / 2 / 29);
    k.at = covet::TimeOfDay(hours(13) + minutes(4) + seconds(5) + microseconds(120));
    k.stamp = covet::Timestamp(sys_days(year(2023) / 12 / 31) + hours(23) + microseconds(7));
    k.token = covet::Uuid::parse("12345678-1234-5678-1234-567812345678");
    k.data = covet::Json::parse(R"({"a": [1, 2], "b": null})");
    k.blob = {std::byte{0}, std::byte{255}, std::byte{10}};
    k.count = 7;
    return k;
}

}  // namespace

COVET_BACKEND_TEST("typed: every member type round-trips through create and a typed read") {
    OrmHarness o(h, kKinds);
    covet::Objects<KindRow> kinds(o.db, o.models);
    KindRow written = sample();
    kinds.create(written);
    CHECK(written.id > 0);
    const std::vector<KindRow> rows = kinds.all();
    REQUIRE(rows.size() == 1);
    const KindRow& r = rows[0];
    CHECK(r.id == written.id);
    CHECK(r.small == -12);
    CHECK(r.big == 9'000'000'000'000);
    CHECK(r.ratio == 2.5);
    CHECK(r.flag);
    CHECK(r.label == "héllo");
    CHECK(r.amount.to_string() == "123.45");
    CHECK(r.day == written.day);
    CHECK(r.at.to_duration() == written.at.to_duration());
    CHECK(r.stamp == written.stamp);
    CHECK(r.token == written.token);
    CHECK(r.data == written.data);
    CHECK(r.blob == written.blob);
    CHECK_FALSE(r.note.has_value());
    CHECK(r.count == std::optional<int>(7));
    // The dynamic API reads the same row.
    const covet::Record record = o.objects("Kind").get({{"pk", written.id}});
    CHECK(record.get("stamp").as_datetime().to_string() == "2023-12-31 23:00:00.000007");
    CHECK(record.get("at").as_time().to_string() == "13:04:05.000120");
    CHECK(record.get("day").as_date().to_string() == "2024-02-29");
}

COVET_BACKEND_TEST(
    "typed: a mapping that does not fit the state fails at bind naming struct, member and field") {
    OrmHarness o(h, kKinds);
    CHECK(mapping_error<KindRow>(o) == "(no error)");
    CHECK(mapping_error<NoModel>(o) ==
          "NoModel maps to model 'Nowhere', which the migrations do not define");
    CHECK(mapping_error<NoField>(o) ==
          "NoField::colour (field 'colour'): Kind has no field 'colour'");
    CHECK(mapping_error<NarrowBig>(o) ==
          "NarrowBig::big (field 'big'): a 32-bit integer cannot hold a BigIntegerField");
    CHECK(mapping_error<NotOptional>(o) ==
          "NotOptional::count (field 'count'): the column is nullable; the member must be a "
          "std::optional");
    CHECK(mapping_error<TextForNumber>(o) ==
          "TextForNumber::small (field 'small'): std::string cannot hold a SmallIntegerField");
    CHECK(mapping_error<NumberForDate>(o) ==
          "NumberForDate::when (field 'stamp'): a 64-bit integer cannot hold a DateTimeField");
}
