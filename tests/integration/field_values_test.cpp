// value_for_db and value_from_db against real columns of every field type:
// what a user gives (text for a date, 1 for a boolean, "1.5" for a decimal)
// is bound, stored, read back through the driver and comes out as the
// field's kind, equal on every back end.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/models.h"
#include "migration_harness.h"
#include "query/field_value.h"

using covet::Value;

namespace {

const char* const kSchema = R"Y(app: values
operations:
  - create_table:
      table: every_kind
      model: EveryKind
      fields:
        id: IntegerField(primary_key=True)
        small: SmallIntegerField(null=True)
        big: BigIntegerField(null=True)
        ratio: FloatField(null=True)
        money: DecimalField(max_digits=12, decimal_places=2, null=True)
        name: CharField(max_length=50, null=True)
        body: TextField(null=True)
        flag: BooleanField(null=True)
        day: DateField(null=True)
        clock: TimeField(null=True)
        at: DateTimeField(null=True)
        token: UUIDField(null=True)
        doc: JSONField(null=True)
        raw: BinaryField(null=True)
)Y";

void insert(covet::Connection& db, const covet::ModelState& model,
            const std::vector<Value>& given) {
    const covet::Dialect& d = db.dialect();
    std::string names, marks;
    std::vector<Value> params;
    for (std::size_t i = 0; i < model.fields.size(); ++i) {
        names += (i ? ", " : "") + d.quote_name(model.fields[i].column());
        marks += (i ? ", " : "") + d.placeholder(static_cast<int>(i) + 1);
        params.push_back(covet::value_for_db(model.fields[i], given[i]));
    }
    db.execute(
        "INSERT INTO " + d.quote_name(model.table) + " (" + names + ") VALUES (" + marks + ")",
        params);
}

covet::Row read(covet::Connection& db, const covet::ModelState& model, std::int64_t id) {
    const covet::Dialect& d = db.dialect();
    std::string names;
    for (const auto& f : model.fields)
        names += (names.empty() ? "" : ", ") + d.quote_name(f.column());
    auto rs = db.query("SELECT " + names + " FROM " + d.quote_name(model.table) + " WHERE " +
                           d.quote_name("id") + " = " + d.placeholder(1),
                       {Value(id)});
    REQUIRE(rs.rows.size() == 1);
    covet::Row row;
    for (std::size_t i = 0; i < model.fields.size(); ++i)
        row.push_back(covet::value_from_db(model.fields[i], rs.rows[0][i]));
    return row;
}

}  // namespace

COVET_BACKEND_TEST("field values: what users give is stored and read back as each field's kind") {
    h.write("0001_initial.yaml", kSchema);
    h.migrate();
    const covet::Models models = covet::models_from_migrations((h.root() / "migrations").string());
    const covet::ModelState& model = models.model("EveryKind");
    REQUIRE(model.fields.size() == 14);

    const std::vector<Value> given{
        Value(std::int64_t{1}),
        Value("-32768"),
        Value(9.0),
        Value("2.5"),
        Value("1234567890.1"),
        Value(std::int64_t{42}),
        Value("quote ' \" \\ %_ \xe2\x98\x83"),
        Value(std::int64_t{1}),
        Value(" 2024-02-29 "),
        Value("23:59:59.999999"),
        Value("2024-03-10T08:09:10.5+05:30"),
        Value("6F9619FF-8B86-D011-B42D-00C04FC964FF"),
        Value("{\"k\": [1, 2.5, null, true], \"\xc5\x82\": {\"n\": \"\\u00fc\"}}"),
        Value(std::string("\0\x01\xff", 3))};
    insert(h.db(), model, given);
    const covet::Row row = read(h.db(), model, 1);

    CHECK(row[1] == Value(std::int64_t{-32768}));
    CHECK(row[2] == Value(std::int64_t{9}));
    CHECK(row[3] == Value(2.5));
    REQUIRE(row[4].kind() == Value::Kind::Decimal);
    CHECK(row[4].as_decimal().to_string() == "1234567890.10");  // the field's places everywhere
    CHECK(row[5] == Value("42"));
    CHECK(row[6] == Value("quote ' \" \\ %_ \xe2\x98\x83"));
    CHECK(row[7] == Value(true));
    CHECK(row[8] == Value(covet::Date(2024, 2, 29)));
    CHECK(row[9] == Value(covet::Time(23, 59, 59, 999999)));
    CHECK(row[10] == Value(covet::DateTime::parse("2024-03-10T02:39:10.5")));
    CHECK(row[11] == Value(covet::Uuid::parse("6f9619ff8b86d011b42d00c04fc964ff")));
    REQUIRE(row[12].kind() == Value::Kind::Json);
    CHECK(row[12].as_json() ==
          covet::Json::parse("{\"\xc5\x82\": {\"n\": \"\xc3\xbc\"}, \"k\": [1, 2.5, null, true]}"));
    CHECK(row[13] == Value(covet::Bytes{{0, 1, 0xff}}));

    // False and an all-NULL row.
    std::vector<Value> nulls(model.fields.size());
    nulls[0] = Value(std::int64_t{2});
    nulls[7] = Value("False");
    insert(h.db(), model, nulls);
    const covet::Row second = read(h.db(), model, 2);
    CHECK(second[7] == Value(false));
    for (std::size_t i = 1; i < second.size(); ++i)
        if (i != 7) CHECK(second[i].is_null());
}

COVET_BACKEND_TEST("field values: values refused before they reach the database") {
    h.write("0001_initial.yaml", kSchema);
    h.migrate();
    const covet::Models models = covet::models_from_migrations((h.root() / "migrations").string());
    const covet::ModelState& model = models.model("EveryKind");
    std::vector<Value> given(model.fields.size());
    given[0] = Value(std::int64_t{1});
    given[10] = Value("2024-02-30 10:00");
    CHECK_THROWS_AS(insert(h.db(), model, given), covet::ValidationError);
    given[10] = Value();
    given[7] = Value(std::int64_t{2});
    CHECK_THROWS_AS(insert(h.db(), model, given), covet::ValidationError);
    CHECK(h.count("every_kind") == 0);
}
