// Typed values (Decimal, Date, Time, DateTime, Uuid, Json) bound as
// parameters into columns that migrations create, and read back, on each
// back end: the dialect codecs both ways.
#include <catch2/catch.hpp>

#include "covet/dialect.h"
#include "covet/field.h"
#include "covet/value_text.h"
#include "migration_harness.h"

using covet::Date;
using covet::DateTime;
using covet::Decimal;
using covet::Json;
using covet::Time;
using covet::Uuid;
using covet::Value;
using covet::test::MigrationHarness;

namespace {

const char* kTable = R"Y(operations:
  - create_table:
      table: typed
      fields:
        id: IntegerField(primary_key=True)
        wide: DecimalField(max_digits=30, decimal_places=0, null=True)
        tiny: DecimalField(max_digits=31, decimal_places=30, null=True)
        money: DecimalField(max_digits=10, decimal_places=2, null=True)
        at: DateTimeField(null=True)
        day: DateField(null=True)
        clock: TimeField(null=True)
        ident: UUIDField(null=True)
        doc: JSONField(null=True)
)Y";

const char* kColumns[] = {"wide", "tiny", "money", "at", "day", "clock", "ident", "doc"};

void insert(MigrationHarness& h, std::int64_t id, const std::vector<Value>& values) {
    const covet::Dialect& d = h.db().dialect();
    std::string names = d.quote_name("id"), marks = d.placeholder(1);
    std::vector<Value> params{Value(id)};
    for (std::size_t i = 0; i < values.size(); ++i) {
        names += ", " + d.quote_name(kColumns[i]);
        marks += ", " + d.placeholder(static_cast<int>(i) + 2);
        params.push_back(values[i]);
    }
    h.db().execute(
        "INSERT INTO " + d.quote_name("typed") + " (" + names + ") VALUES (" + marks + ")", params);
}

covet::Row select(MigrationHarness& h, std::int64_t id) {
    const covet::Dialect& d = h.db().dialect();
    std::string names;
    for (const char* column : kColumns)
        names += (names.empty() ? "" : ", ") + d.quote_name(column);
    auto rs = h.db().query("SELECT " + names + " FROM " + d.quote_name("typed") + " WHERE " +
                               d.quote_name("id") + " = " + d.placeholder(1),
                           {Value(std::int64_t{id})});
    REQUIRE(rs.rows.size() == 1);
    return rs.rows.front();
}

const Decimal kWide = Decimal::parse("123456789012345678901234567890");
const Decimal kTiny = Decimal::parse("1E-30");
const Decimal kMoney = Decimal::parse("-12.50");
const DateTime kAt = DateTime::parse("2024-02-29T23:59:58.123456Z");
const Date kDay(2024, 2, 29);
const Time kClock(13, 45, 6, 789012);
const Uuid kIdent = Uuid::parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
const Json kDoc = Json::parse(
    "{\"k\": \"\xc5\xbc\xc3\xb3\xc5\x82w \xe2\x98\x83 \xf0\x9d\x84\x9e\", \"n\": [1, 2.5]}");

// The back ends without a uuid or json type hand back the stored text.
Value typed(Value::Kind kind, const Value& read) {
    if (read.kind() != Value::Kind::Text) return read;
    return covet::value_from_text(kind, read.as_text());
}

}  // namespace

COVET_BACKEND_TEST("typed values round-trip through columns of their field types") {
    h.write("0001_typed.yaml", kTable);
    h.migrate();
    insert(h, 1, {kWide, kTiny, kMoney, kAt, kDay, kClock, kIdent, kDoc});
    const covet::Row row = select(h, 1);

    for (std::size_t i = 0; i < 3; ++i)
        REQUIRE(row[i].kind() == Value::Kind::Decimal);
    if (h.backend() == "sqlite") {
        // A `decimal` column has NUMERIC affinity: SQLite keeps 15 significant
        // digits, as for Django (SPEC.md section 4 stores decimals as Django does).
        CHECK(row[0].as_decimal() == Decimal::parse("123456789012346E15"));
        CHECK(row[1].as_decimal() == kTiny);
        CHECK(row[2].as_decimal() == kMoney);
    } else {
        // Exact, with the column's scale.
        CHECK(row[0].as_decimal().to_string() == "123456789012345678901234567890");
        CHECK(row[1].as_decimal().to_string() == "0.000000000000000000000000000001");
        CHECK(row[2].as_decimal().to_string() == "-12.50");
    }
    REQUIRE(row[3].kind() == Value::Kind::DateTime);
    CHECK(row[3].as_datetime() == kAt);
    CHECK(row[3].to_string() == "2024-02-29 23:59:58.123456");
    REQUIRE(row[4].kind() == Value::Kind::Date);
    CHECK(row[4].as_date() == kDay);
    REQUIRE(row[5].kind() == Value::Kind::Time);
    CHECK(row[5].as_time() == kClock);
    CHECK(row[5].to_string() == "13:45:06.789012");

    if (h.backend() == "postgresql") {
        CHECK(row[6].kind() == Value::Kind::Uuid);
        CHECK(row[7].kind() == Value::Kind::Json);
    } else {
        CHECK(row[6] == Value(kIdent.hex()));  // char(32), as Django stores it
    }
    CHECK(typed(Value::Kind::Uuid, row[6]).as_uuid() == kIdent);
    // Servers normalise JSON (jsonb reorders keys and spacing): compared as parsed values.
    CHECK(typed(Value::Kind::Json, row[7]).as_json() == kDoc);
}

COVET_BACKEND_TEST("zero decimals keep their scale and typed parameters find rows") {
    h.write("0001_typed.yaml", kTable);
    h.migrate();
    insert(
        h, 1,
        {Decimal(0), Decimal::parse("0"), Decimal::parse("0.00"), kAt, kDay, kClock, kIdent, kDoc});
    const covet::Row row = select(h, 1);
    REQUIRE(row[0].kind() == Value::Kind::Decimal);
    CHECK(row[0].as_decimal().to_string() == "0");
    CHECK(row[2].as_decimal().is_zero());
    if (h.backend() != "sqlite") CHECK(row[2].as_decimal().to_string() == "0.00");

    const covet::Dialect& d = h.db().dialect();
    for (const auto& [column, value] : std::vector<std::pair<std::string, Value>>{
             {"at", kAt}, {"day", kDay}, {"clock", kClock}, {"ident", kIdent}}) {
        auto rs = h.db().query("SELECT " + d.quote_name("id") + " FROM " + d.quote_name("typed") +
                                   " WHERE " + d.quote_name(column) + " = " + d.placeholder(1),
                               {value});
        INFO(column);
        CHECK(rs.rows.size() == 1);
    }
}

COVET_BACKEND_TEST("NULL of each typed column reads back as Null") {
    h.write("0001_typed.yaml", kTable);
    h.migrate();
    insert(h, 1, std::vector<Value>(8, Value()));
    const covet::Row row = select(h, 1);
    REQUIRE(row.size() == 8);
    for (std::size_t i = 0; i < row.size(); ++i) {
        INFO(kColumns[i]);
        CHECK(row[i].is_null());
    }
}

namespace {

// Each field's written default goes into the DDL; what the database fills in
// must be the field's typed default.
const std::vector<std::pair<std::string, std::string>> kDefaults = {
    {"money", "DecimalField(max_digits=10, decimal_places=2, default='-1.50')"},
    {"day", "DateField(default='2024-02-29')"},
    {"at", "DateTimeField(default='2024-01-01 10:00:00.25')"},
    {"clock", "TimeField(default='08:30:00.000001')"},
    // Written with an offset and a T: stored in UTC, as the back end reads it.
    {"moved", "DateTimeField(default='2024-01-01T10:00:00+02:00')"},
    {"short", "TimeField(default='10:00')"},
    {"doc", "JSONField(default={k: [1, None, 'x']})"},
    // Scalars are JSON documents too: true, not the number 1 or a boolean column value.
    {"flag", "JSONField(default=True)"},
    {"count", "JSONField(default=5)"},
    // Written with hyphens; a char(32) column must get the 32 hex digits.
    {"ident", "UUIDField(default='A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11')"},
};

std::string defaults_migration() {
    std::string yaml =
        "operations:\n  - create_table:\n      table: defaults\n      fields:\n"
        "        id: IntegerField(primary_key=True)\n";
    for (const auto& [name, shorthand] : kDefaults) {
        std::string quoted;
        for (char c : shorthand)
            quoted += c == '\'' ? std::string("''") : std::string(1, c);
        yaml += "        " + name + ": '" + quoted + "'\n";
    }
    return yaml;
}

}  // namespace

COVET_BACKEND_TEST("a row filled by typed column defaults reads back as the typed defaults") {
    h.write("0001_defaults.yaml", defaults_migration());
    h.migrate();
    const covet::Dialect& d = h.db().dialect();
    h.db().execute("INSERT INTO " + d.quote_name("defaults") + " (" + d.quote_name("id") +
                   ") VALUES (1)");
    std::string names;
    for (const auto& entry : kDefaults)
        names += (names.empty() ? "" : ", ") + d.quote_name(entry.first);
    auto rs = h.db().query("SELECT " + names + " FROM " + d.quote_name("defaults"));
    REQUIRE(rs.rows.size() == 1);
    for (std::size_t i = 0; i < kDefaults.size(); ++i) {
        const auto expected = covet::field(kDefaults[i].first, kDefaults[i].second).typed_default();
        REQUIRE(expected);
        INFO(kDefaults[i].first << " read as " << rs.rows[0][i].to_string());
        CHECK(typed(expected->kind(), rs.rows[0][i]) == *expected);
        // Where a UUID is stored as text it is the 32 hex digits, as Django stores it.
        if (expected->kind() == Value::Kind::Uuid && rs.rows[0][i].kind() == Value::Kind::Text)
            CHECK(rs.rows[0][i].as_text() == expected->as_uuid().hex());
    }
}
