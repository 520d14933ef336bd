// value_from_db: every shape a driver hands back for a field, as the field's
// kind; value_for_db: a user's value as the kind bound for the column, or a
// ValidationError with Django's message.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/field.h"
#include "query/decimal_places.h"
#include "query/field_value.h"

using namespace covet;

namespace {

Value from_db(const char* shorthand, Value raw) {
    return value_from_db(field("f", shorthand), std::move(raw));
}
Value for_db(const char* shorthand, Value given) {
    return value_for_db(field("f", shorthand), std::move(given));
}
// The one message of the ValidationError value_for_db throws.
std::string refusal(const char* shorthand, Value given) {
    try {
        (void)for_db(shorthand, std::move(given));
    } catch (const ValidationError& e) {
        REQUIRE(e.fields().size() == 1);
        CHECK(e.fields()[0].first == "f");
        REQUIRE(e.fields()[0].second.size() == 1);
        CHECK(std::string(e.what()) == "f: " + e.fields()[0].second[0]);
        return e.fields()[0].second[0];
    }
    return "(accepted)";
}

const char* const kMoney = "DecimalField(max_digits=10, decimal_places=2)";

}  // namespace

TEST_CASE("with_decimal_places pads and rounds half to even", "[values]") {
    auto places = [](const char* text, int n) {
        return with_decimal_places(Decimal::parse(text), n).to_string();
    };
    CHECK(places("1.5", 2) == "1.50");
    CHECK(places("7", 3) == "7.000");
    CHECK(places("1.005", 2) == "1.00");  // half to even: 0 is even
    CHECK(places("1.015", 2) == "1.02");
    CHECK(places("1.0051", 2) == "1.01");
    CHECK(places("-2.675", 2) == "-2.68");
    CHECK(places("9.999", 2) == "10.00");
    CHECK(places("0.5", 0) == "0");
    CHECK(places("1.5", 0) == "2");
    CHECK(places("-0.004", 2) == "0.00");
    CHECK(places("12.345", 2) == "12.34");
}

TEST_CASE("value_from_db: integers from every driver's shape", "[values]") {
    CHECK(from_db("IntegerField()", Value(std::int64_t{7})) == Value(std::int64_t{7}));
    CHECK(from_db("BigIntegerField()", Value(Decimal::parse("15"))) == Value(std::int64_t{15}));
    CHECK(from_db("IntegerField()", Value(Decimal::parse("15.000"))) == Value(std::int64_t{15}));
    CHECK(from_db("IntegerField()", Value(3.0)) == Value(std::int64_t{3}));
    CHECK(from_db("IntegerField()", Value("42")) == Value(std::int64_t{42}));
    CHECK(from_db("AutoField(primary_key=True)", Value(true)) == Value(std::int64_t{1}));
    // What no integer can hold stays as given: an unsigned beyond int64, a fraction.
    CHECK(from_db("BigIntegerField()", Value("18446744073709551615")) ==
          Value("18446744073709551615"));
    CHECK(from_db("IntegerField()", Value(Decimal::parse("1.5"))) == Value(Decimal::parse("1.5")));
    CHECK(from_db("IntegerField(null=True)", Value()).is_null());
}

TEST_CASE("value_from_db: booleans from 0/1 and bool", "[values]") {
    CHECK(from_db("BooleanField()", Value(std::int64_t{1})) == Value(true));
    CHECK(from_db("BooleanField()", Value(std::int64_t{0})) == Value(false));
    CHECK(from_db("BooleanField()", Value(true)) == Value(true));
    CHECK(from_db("BooleanField()", Value("1")) == Value(true));
    CHECK(from_db("BooleanField()", Value(std::int64_t{2})) == Value(std::int64_t{2}));
}

TEST_CASE("value_from_db: decimals with the field's places from text, REAL, int, numeric",
          "[values]") {
    CHECK(from_db(kMoney, Value(1.5)).as_decimal().to_string() == "1.50");
    CHECK(from_db(kMoney, Value(0.1)).as_decimal().to_string() == "0.10");
    CHECK(from_db(kMoney, Value(std::int64_t{3})).as_decimal().to_string() == "3.00");
    CHECK(from_db(kMoney, Value("12.5")).as_decimal().to_string() == "12.50");
    CHECK(from_db(kMoney, Value(Decimal::parse("-0.125"))).as_decimal().to_string() == "-0.12");
    CHECK(from_db(kMoney, Value(Decimal::parse("99999999.99"))).as_decimal().to_string() ==
          "99999999.99");
    CHECK(from_db(kMoney, Value("abc")) == Value("abc"));
}

TEST_CASE("value_from_db: floats, text and bytes", "[values]") {
    CHECK(from_db("FloatField()", Value(std::int64_t{2})) == Value(2.0));
    CHECK(from_db("FloatField()", Value(Decimal::parse("2.25"))) == Value(2.25));
    CHECK(from_db("FloatField()", Value("2.5")) == Value(2.5));
    CHECK(from_db("CharField(max_length=5)", Value(std::int64_t{12})) == Value("12"));
    CHECK(from_db("TextField()", Value("it's \xc5\xbc")) == Value("it's \xc5\xbc"));
    CHECK(from_db("BinaryField()", Value("ab")) == Value(Bytes{{'a', 'b'}}));
    CHECK(from_db("BinaryField()", Value(Bytes{{0, 255}})) == Value(Bytes{{0, 255}}));
}

TEST_CASE("value_from_db: dates, times and datetimes from the text Django writes on SQLite",
          "[values]") {
    // Django 3.2 with USE_TZ stores str() of the UTC datetime, without an offset.
    CHECK(from_db("DateTimeField()", Value("2024-01-02 03:04:05.123456")) ==
          Value(DateTime::parse("2024-01-02T03:04:05.123456")));
    CHECK(from_db("DateTimeField()", Value("2024-01-02 03:04:05")) ==
          Value(DateTime::parse("2024-01-02T03:04:05")));
    CHECK(from_db("DateTimeField()", Value("2024-01-02 05:04:05+02:00")) ==
          Value(DateTime::parse("2024-01-02T03:04:05")));
    CHECK(from_db("DateTimeField()", Value(Date(2024, 1, 2))) ==
          Value(DateTime::parse("2024-01-02T00:00:00")));
    CHECK(from_db("DateField()", Value("2024-02-29")) == Value(Date(2024, 2, 29)));
    CHECK(from_db("DateField()", Value(DateTime::parse("2024-02-29T10:00:00"))) ==
          Value(Date(2024, 2, 29)));
    CHECK(from_db("TimeField()", Value("13:45:06.789012")) == Value(Time(13, 45, 6, 789012)));
    CHECK(from_db("TimeField()", Value("13:45:06")) == Value(Time(13, 45, 6)));
    // A zero date (MariaDB) or 'infinity' (PostgreSQL) reads as no date: kept as text.
    CHECK(from_db("DateField()", Value("0000-00-00")) == Value("0000-00-00"));
    CHECK(from_db("DateTimeField()", Value("infinity")) == Value("infinity"));
}

TEST_CASE("value_from_db: UUIDs from 32 hex digits, hyphenated text and bytes", "[values]") {
    const Uuid u = Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    CHECK(from_db("UUIDField()", Value("a0eebc999c0b4ef8bb6d6bb9bd380a11")) == Value(u));
    CHECK(from_db("UUIDField()", Value("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")) == Value(u));
    CHECK(from_db("UUIDField()", Value(u)) == Value(u));
    Bytes raw;
    raw.data.assign(u.bytes().begin(), u.bytes().end());
    CHECK(from_db("UUIDField()", Value(raw)) == Value(u));
}

TEST_CASE("value_from_db: JSON from its text and from scalars", "[values]") {
    CHECK(from_db("JSONField()", Value("{\"a\": [1, \"\xe2\x98\x83\"]}")) ==
          Value(Json::parse("{\"a\":[1,\"\xe2\x98\x83\"]}")));
    CHECK(from_db("JSONField()", Value("\"text\"")) == Value(Json::parse("\"text\"")));
    CHECK(from_db("JSONField()", Value(std::int64_t{5})) == Value(Json::parse("5")));
    CHECK(from_db("JSONField()", Value("not json")) == Value("not json"));
}

TEST_CASE("value_for_db: integers as Django's int() reads them", "[values]") {
    CHECK(for_db("IntegerField()", Value("42")) == Value(std::int64_t{42}));
    CHECK(for_db("IntegerField()", Value(" +42 ")) == Value(std::int64_t{42}));
    CHECK(for_db("IntegerField()", Value(3.7)) == Value(std::int64_t{3}));
    CHECK(for_db("IntegerField()", Value(-3.7)) == Value(std::int64_t{-3}));
    CHECK(for_db("IntegerField()", Value(true)) == Value(std::int64_t{1}));
    CHECK(for_db("IntegerField()", Value(Decimal::parse("9.99"))) == Value(std::int64_t{9}));
    CHECK(refusal("IntegerField()", Value("abc")) ==
          "\u201c"
          "abc\u201d value must be an integer.");
    CHECK(refusal("IntegerField()", Value("1.5")) ==
          "\u201c"
          "1.5\u201d value must be an integer.");
    CHECK(refusal("IntegerField()", Value(Date(2024, 1, 1))) ==
          "\u201c"
          "2024-01-01\u201d value must be an integer.");
}

TEST_CASE("value_for_db: booleans from exactly what Django's BooleanField takes", "[values]") {
    CHECK(for_db("BooleanField()", Value(std::int64_t{1})) == Value(true));
    CHECK(for_db("BooleanField()", Value(std::int64_t{0})) == Value(false));
    CHECK(for_db("BooleanField()", Value("True")) == Value(true));
    CHECK(for_db("BooleanField()", Value("f")) == Value(false));
    CHECK(refusal("BooleanField()", Value(std::int64_t{2})) ==
          "\u201c"
          "2\u201d value must be either True or False.");
    CHECK(refusal("BooleanField(null=True)", Value("yes")) ==
          "\u201c"
          "yes\u201d value must be either True, False, or None.");
}

TEST_CASE("value_for_db: decimals and floats", "[values]") {
    CHECK(for_db(kMoney, Value("1.50")).as_decimal().to_string() == "1.50");
    CHECK(for_db(kMoney, Value(" -7 ")).as_decimal().to_string() == "-7");
    CHECK(for_db(kMoney, Value(0.1)).as_decimal().to_string() == "0.1");
    CHECK(for_db(kMoney, Value(std::int64_t{12})).as_decimal().to_string() == "12");
    CHECK(refusal(kMoney, Value("1,5")) ==
          "\u201c"
          "1,5\u201d value must be a decimal number.");
    CHECK(refusal(kMoney, Value("NaN")) ==
          "\u201c"
          "NaN\u201d value must be a decimal number.");
    CHECK(for_db("FloatField()", Value("2.5")) == Value(2.5));
    CHECK(for_db("FloatField()", Value(std::int64_t{2})) == Value(2.0));
    CHECK(for_db("FloatField()", Value(Decimal::parse("0.25"))) == Value(0.25));
    CHECK(refusal("FloatField()", Value("x")) ==
          "\u201c"
          "x\u201d value must be a float.");
}

TEST_CASE("value_for_db: dates, times and datetimes from text", "[values]") {
    CHECK(for_db("DateTimeField()", Value("2024-01-02T03:04:05+01:00")) ==
          Value(DateTime::parse("2024-01-02T02:04:05")));
    CHECK(for_db("DateTimeField()", Value("2024-01-02")) ==
          Value(DateTime::parse("2024-01-02T00:00:00")));
    CHECK(for_db("DateTimeField()", Value(Date(2024, 1, 2))) ==
          Value(DateTime::parse("2024-01-02T00:00:00")));
    CHECK(for_db("DateField()", Value(" 2024-01-02 ")) == Value(Date(2024, 1, 2)));
    CHECK(for_db("DateField()", Value(DateTime::parse("2024-01-02T23:00:00"))) ==
          Value(Date(2024, 1, 2)));
    CHECK(for_db("TimeField()", Value("10:30")) == Value(Time(10, 30)));
    CHECK(refusal("DateField()", Value("2023-02-29")) ==
          "\u201c"
          "2023-02-29\u201d value has the correct format (YYYY-MM-DD) but it is an "
          "invalid date.");
    CHECK(refusal("DateField()", Value("yesterday")) ==
          "\u201c"
          "yesterday\u201d value has an invalid date format. It must be in YYYY-MM-DD "
          "format.");
    CHECK(refusal("TimeField()", Value("25:00")) ==
          "\u201c"
          "25:00\u201d value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an "
          "invalid time.");
    CHECK(refusal("DateTimeField()", Value("2024-01-02 10:61")) ==
          "\u201c"
          "2024-01-02 10:61\u201d value has the correct format (YYYY-MM-DD "
          "HH:MM[:ss[.uuuuuu]][TZ]) but it is an invalid date/time.");
    CHECK(refusal("DateTimeField()", Value(std::int64_t{5})) ==
          "\u201c"
          "5\u201d value has an invalid format. It must be in YYYY-MM-DD "
          "HH:MM[:ss[.uuuuuu]][TZ] format.");
}

TEST_CASE("value_for_db: UUIDs, JSON, text and bytes", "[values]") {
    const Uuid u = Uuid::parse("a0eebc999c0b4ef8bb6d6bb9bd380a11");
    CHECK(for_db("UUIDField()", Value("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")) == Value(u));
    CHECK(for_db("UUIDField()", Value(std::int64_t{1})) ==
          Value(Uuid::parse("00000000000000000000000000000001")));
    CHECK(refusal("UUIDField()", Value("xyz")) ==
          "\u201c"
          "xyz\u201d is not a valid UUID.");
    CHECK(for_db("JSONField()", Value("[1, {\"a\": null}]")) ==
          Value(Json::parse("[1,{\"a\":null}]")));
    CHECK(for_db("JSONField()", Value(true)) == Value(Json::parse("true")));
    CHECK(for_db("JSONField()", Value(2.5)) == Value(Json::parse("2.5")));
    CHECK(refusal("JSONField()", Value("{oops")).rfind("\u201c{oops\u201d is not valid JSON", 0) ==
          0);
    CHECK(for_db("CharField(max_length=9)", Value(std::int64_t{12})) == Value("12"));
    CHECK(for_db("CharField(max_length=9)", Value(true)) == Value("True"));
    CHECK(for_db("TextField()", Value(Decimal::parse("1.50"))) == Value("1.50"));
    CHECK(for_db("BinaryField()", Value(std::string("a\0b", 3))) == Value(Bytes{{'a', 0, 'b'}}));
    CHECK(refusal("BinaryField()", Value(std::int64_t{3})) ==
          "\u201c"
          "3\u201d is not bytes.");
    CHECK(for_db("IntegerField(null=True)", Value()).is_null());
}
