// Parsing, rendering, comparing and refusing the typed values of covet::Value.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/value.h"
#include "covet/value_text.h"

using namespace covet;

TEST_CASE("Decimal reads digits, points and exponents into plain canonical text", "[values]") {
    CHECK(Decimal::parse("123456789012345678901234567890").to_string() ==
          "123456789012345678901234567890");
    CHECK(Decimal::parse("1E-30").to_string() == "0.000000000000000000000000000001");
    CHECK(Decimal::parse("-12.50").to_string() == "-12.50");
    CHECK(Decimal::parse("+007.5").to_string() == "7.5");
    CHECK(Decimal::parse(".5").to_string() == "0.5");
    CHECK(Decimal::parse("5.").to_string() == "5");
    CHECK(Decimal::parse("1.2E+3").to_string() == "1200");
    CHECK(Decimal::parse("12e-1").to_string() == "1.2");
    CHECK(Decimal::parse("-0.00").to_string() == "0.00");
    CHECK(Decimal::parse("0e5").to_string() == "0");
    CHECK(Decimal(-42).to_string() == "-42");
    CHECK(Decimal::parse("-12.50").scale() == 2);
    CHECK(Decimal::parse("1200").scale() == 0);
}

TEST_CASE("Decimal compares by value, not by spelling", "[values]") {
    CHECK(Decimal::parse("1.50") == Decimal::parse("1.5"));
    CHECK(Decimal::parse("-0") == Decimal(0));
    CHECK(Decimal::parse("0.000") == Decimal::parse("0"));
    CHECK(Decimal::parse("123456789012345678901234567890") !=
          Decimal::parse("123456789012345678901234567891"));
    CHECK(Decimal::parse("-2") < Decimal::parse("-1.99"));
    CHECK(Decimal::parse("-0.5") < Decimal(0));
    CHECK(Decimal::parse("0.1") < Decimal::parse("0.10000000000000000000000000001"));
    CHECK(Decimal::parse("9.99") < Decimal::parse("10"));
    CHECK(Decimal::parse("100") > Decimal::parse("99.999"));
    CHECK(Value(Decimal::parse("2.0")) == Value(Decimal(2)));
    CHECK(Value(Decimal(2)) != Value(std::int64_t{2}));  // kinds differ
}

TEST_CASE("Decimal refuses what is not an exact number with a ValueError", "[values]") {
    for (const char* bad : {"", "-", ".", "1.2.3", "abc", "1e", "1e+", "NaN", "Infinity", "1 ",
                            " 1", "1,5", "0x10", "1e5x"}) {
        INFO(bad);
        CHECK_THROWS_AS(Decimal::parse(bad), ValueError);
    }
    CHECK_THROWS_WITH(Decimal::parse("1.2.3"),
                      "'1.2.3' is not a decimal number: more than one decimal point");
    CHECK_THROWS_AS(Decimal::parse("1e999999999"), ValueError);  // too long to spell out
    CHECK_THROWS_AS(Decimal::parse("1e-99999"), ValueError);
}

TEST_CASE("Date, Time and DateTime read ISO text and print it back", "[values]") {
    CHECK(Date::parse("2024-02-29").to_string() == "2024-02-29");
    CHECK(Date::parse("2024-2-9") == Date(2024, 2, 9));
    CHECK(Time::parse("13:45").to_string() == "13:45:00");
    CHECK(Time::parse("13:45:06.789012").to_string() == "13:45:06.789012");
    CHECK(Time::parse("13:45:06,5").microsecond() == 500000);
    CHECK(Time::parse("23:59:59.1234567").microsecond() == 123456);
    const DateTime at = DateTime::parse("2024-02-29T23:59:58.123456");
    CHECK(at.to_string() == "2024-02-29 23:59:58.123456");
    CHECK(at.iso() == "2024-02-29T23:59:58.123456");
    CHECK(at.date() == Date(2024, 2, 29));
    CHECK(at.time() == Time(23, 59, 58, 123456));
    CHECK(DateTime::parse("2024-01-01").to_string() == "2024-01-01 00:00:00");
    CHECK(DateTime::parse("0001-01-01 00:00").micros_since_epoch() ==
          DateTime().micros_since_epoch());
    CHECK(DateTime::parse("1969-12-31 23:59:59.999999").micros_since_epoch() == -1);
    CHECK(DateTime::parse("9999-12-31 23:59:59.999999").to_string() ==
          "9999-12-31 23:59:59.999999");
}

TEST_CASE("DateTime converts an offset to UTC", "[values]") {
    CHECK(DateTime::parse("2024-03-01 01:30:00+05:30").to_string() == "2024-02-29 20:00:00");
    CHECK(DateTime::parse("2024-12-31T22:00:00-0300").to_string() == "2025-01-01 01:00:00");
    CHECK(DateTime::parse("2024-01-01 10:00:00.5+00") == DateTime::parse("2024-01-01T10:00:00.5Z"));
    CHECK(DateTime::parse("2024-01-01 10:00 Z") == DateTime(Date(2024, 1, 1), Time(10, 0)));
}

TEST_CASE("dates and times that do not exist are refused with a ValueError", "[values]") {
    for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "0000-01-01",
                            "24-01-01", "2024/01/01", "2024-01-01 ", ""}) {
        INFO(bad);
        CHECK_THROWS_AS(Date::parse(bad), ValueError);
    }
    CHECK_THROWS_WITH(Date::parse("2023-02-29"),
                      "'2023-02-29' is not a valid date: day 29 does not exist in 2023-02");
    for (const char* bad : {"24:00", "12:60", "12:00:60", "12", "12:00:00.", "12:00+01:00"}) {
        INFO(bad);
        CHECK_THROWS_AS(Time::parse(bad), ValueError);
    }
    for (const char* bad :
         {"2024-01-01X10:00", "2024-01-01 25:00", "2024-01-01 10:00+24:00",
          "2024-01-01 10:00:00 UTC", "9999-12-31 23:00-05:00", "0001-01-01 00:00+01:00"}) {
        INFO(bad);
        CHECK_THROWS_AS(DateTime::parse(bad), ValueError);
    }
    CHECK_THROWS_AS(Time(23, 59, 59, 1000000), ValueError);
}

TEST_CASE("Uuid reads the spellings Python accepts and prints both forms", "[values]") {
    const Uuid u = Uuid::parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11");
    CHECK(u.to_string() == "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
    CHECK(u.hex() == "a0eebc999c0b4ef8bb6d6bb9bd380a11");
    CHECK(Uuid::parse("a0eebc999c0b4ef8bb6d6bb9bd380a11") == u);
    CHECK(Uuid::parse("{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}") == u);
    CHECK(Uuid::parse("urn:uuid:a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11") == u);
    for (const char* bad : {"", "a0eebc99", "a0eebc999c0b4ef8bb6d6bb9bd380a1g",
                            "a0eebc999c0b4ef8bb6d6bb9bd380a1100"}) {
        INFO(bad);
        CHECK_THROWS_AS(Uuid::parse(bad), ValueError);
    }
}

TEST_CASE("Json keeps its text and compares documents by value", "[values]") {
    const std::string snowman =
        "{\"k\": \"\xc5\xbc\xc3\xb3\xc5\x82w \xe2\x98\x83 \xf0\x9d\x84\x9e\"}";
    CHECK(Json::parse(snowman).text() == snowman);
    CHECK(Json::parse("{\"a\":1,\"b\":[true,null]}") ==
          Json::parse(" { \"b\" : [true, null], \"a\" : 1 } "));
    CHECK(Json::parse("{\"a\":1}") != Json::parse("{\"a\":2}"));
    CHECK(Json::parse("\"\\u017c\"") == Json::parse("\"\xc5\xbc\""));
    for (const char* bad : {"", "{", "{'a': 1}", "[1,]", "NaN", "{\"a\":1} x", "\"\xff\""}) {
        INFO(bad);
        CHECK_THROWS_AS(Json::parse(bad), ValueError);
    }
}

TEST_CASE("Value holds the typed kinds after the old ones and renders them", "[values]") {
    CHECK(static_cast<int>(Value::Kind::Blob) == 5);  // existing kinds keep their place
    CHECK(Value(Decimal::parse("-12.50")).kind() == Value::Kind::Decimal);
    CHECK(Value(Decimal::parse("-12.50")).to_string() == "-12.50");
    CHECK(Value(Date(2024, 1, 2)).to_string() == "2024-01-02");
    CHECK(Value(Time(1, 2, 3)).to_string() == "01:02:03");
    CHECK(Value(DateTime(Date(2024, 1, 2), Time(1, 2, 3, 4))).to_string() ==
          "2024-01-02 01:02:03.000004");
    CHECK(Value(Uuid()).to_string() == "00000000-0000-0000-0000-000000000000");
    CHECK(Value(Json::parse("[1]")).to_string() == "[1]");
    CHECK_THROWS_AS(Value(Date(2024, 1, 2)).as_text(), Error);
    CHECK_THROWS_WITH(Value("x").as_decimal(), "value is text, not a decimal");
    CHECK(value_from_text(Value::Kind::Date, "2024-01-02") == Value(Date(2024, 1, 2)));
    CHECK(value_from_text_or_text(Value::Kind::Date, "infinity") == Value("infinity"));
    CHECK_THROWS_AS(value_from_text(Value::Kind::Int, "1"), ValueError);
}
