// Defaults in migration files carry typed values (Field::typed_default), while
// the written spelling, which checksums and DDL use, stays as it was.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/field.h"

using namespace covet;

namespace {

Value typed_default_of(const std::string& shorthand) {
    const auto typed = field("f", shorthand).typed_default();
    REQUIRE(typed);
    return *typed;
}

}  // namespace

TEST_CASE("a DecimalField default becomes an exact Decimal", "[typed-default]") {
    const Field f = field("p", "DecimalField(5, 2, default='1.50')");
    REQUIRE(f.typed_default()->kind() == Value::Kind::Decimal);
    CHECK(f.typed_default()->as_decimal().to_string() == "1.50");
    CHECK(f.default_value == Value("1.50"));  // as written: the checksum keeps '1.50'
    CHECK(f.canonical() == "DecimalField(max_digits=5,decimal_places=2,default='1.50')");
    CHECK(typed_default_of("DecimalField(5, 2, default=0)") == Value(Decimal(0)));
    CHECK(typed_default_of("DecimalField(5, 2, default=-1.25)").to_string() == "-1.25");
    CHECK(typed_default_of("DecimalField(5, 2, default=' 2.5 ')").to_string() == "2.5");
}

TEST_CASE("date, time and datetime defaults become calendar values", "[typed-default]") {
    CHECK(typed_default_of("DateField(default='2024-01-01')") == Value(Date(2024, 1, 1)));
    CHECK(typed_default_of("TimeField(default='23:59:59.5')") == Value(Time(23, 59, 59, 500000)));
    CHECK(typed_default_of("DateTimeField(default='2024-01-01T10:00:00+02:00')") ==
          Value(DateTime(Date(2024, 1, 1), Time(8, 0))));
    CHECK(typed_default_of("DateTimeField(default='2024-01-01')") ==
          Value(DateTime(Date(2024, 1, 1), Time())));
}

TEST_CASE("UUID and JSON defaults become Uuid and Json", "[typed-default]") {
    CHECK(typed_default_of("UUIDField(default='a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')") ==
          Value(Uuid::parse("a0eebc999c0b4ef8bb6d6bb9bd380a11")));
    CHECK(typed_default_of("UUIDField(default=258)").as_uuid().hex() ==
          "00000000000000000000000000000102");
    CHECK(typed_default_of("JSONField(default={k: [1, None, True]})") ==
          Value(Json::parse("{\"k\": [1, null, true]}")));
    CHECK(typed_default_of("JSONField(default=2.5)") == Value(Json::parse("2.5")));
    CHECK(typed_default_of("JSONField(default=False)") == Value(Json::parse("false")));
}

TEST_CASE("other fields and None keep the written default", "[typed-default]") {
    CHECK(typed_default_of("IntegerField(default=3)") == Value(3));
    CHECK(typed_default_of("CharField(max_length=5, default='x')") == Value("x"));
    CHECK(typed_default_of("DateField(null=True, default=None)").is_null());
    CHECK_FALSE(field("f", "DateField()").typed_default());
}

TEST_CASE("a JSONField default that is no JSON document is refused at load", "[typed-default]") {
    CHECK_THROWS_AS(field("f", "JSONField(default='not json')"), FieldError);
    CHECK_THROWS_WITH(field("f", "JSONField(default='{')"),
                      Catch::Contains("option 'default' does not fit JSONField") &&
                          Catch::Contains("not a valid JSON document"));
}
