// The JSON encoding of SPEC.md §6 both ways, and the base64 of BinaryField.
#include <catch2/catch.hpp>

#include <cmath>

#include "covet/error.h"
#include "covet/field.h"
#include "query/json_encoding.h"
#include "util/base64.h"

using namespace covet;
using nlohmann::json;

namespace {

std::string b64(const std::string& bytes) {
    return base64_encode(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}
std::optional<std::string> unb64(const std::string& text) {
    auto bytes = base64_decode(text);
    if (!bytes) return std::nullopt;
    return std::string(bytes->begin(), bytes->end());
}

}  // namespace

TEST_CASE("base64 encodes and decodes RFC 4648 test vectors", "[values]") {
    const char* const vectors[][2] = {{"", ""},
                                      {"f", "Zg=="},
                                      {"fo", "Zm8="},
                                      {"foo", "Zm9v"},
                                      {"foob", "Zm9vYg=="},
                                      {"fooba", "Zm9vYmE="},
                                      {"foobar", "Zm9vYmFy"}};
    for (const auto& v : vectors) {
        CHECK(b64(v[0]) == v[1]);
        CHECK(unb64(v[1]) == std::string(v[0]));
    }
    CHECK(b64(std::string("\0\xff\xfe", 3)) == "AP/+");
    CHECK(unb64("AP/+") == std::string("\0\xff\xfe", 3));
    CHECK_FALSE(unb64("Zg="));
    CHECK_FALSE(unb64("Z==="));
    CHECK_FALSE(unb64("Zg==Zg=="));
    CHECK_FALSE(unb64("Zm 9"));
    CHECK_FALSE(unb64("Zm9*"));
}

TEST_CASE("json_of encodes each kind as SPEC.md section 6 says", "[values]") {
    CHECK(json_of(Value()).is_null());
    CHECK(json_of(Value(std::int64_t{-7})) == json(-7));
    CHECK(json_of(Value(2.5)) == json(2.5));
    CHECK(json_of(Value(std::nan(""))).is_null());
    CHECK(json_of(Value(true)) == json(true));
    CHECK(json_of(Value("it's \"x\"")) == json("it's \"x\""));
    CHECK(json_of(Value(Decimal::parse("1.50"))) == json("1.50"));
    CHECK(json_of(Value(DateTime::parse("2024-01-02 03:04:05.000120"))) ==
          json("2024-01-02T03:04:05.000120"));
    CHECK(json_of(Value(DateTime::parse("2024-01-02 03:04:05"))) == json("2024-01-02T03:04:05"));
    CHECK(json_of(Value(Date(2024, 2, 29))) == json("2024-02-29"));
    CHECK(json_of(Value(Time(3, 4, 5))) == json("03:04:05"));
    CHECK(json_of(Value(Uuid::parse("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11"))) ==
          json("a0eebc999c0b4ef8bb6d6bb9bd380a11"));
    CHECK(json_of(Value(Json::parse("{\"a\": [1, null]}"))) == json::parse("{\"a\":[1,null]}"));
    CHECK(json_of(Value(Bytes{{'h', 'i', 0}})) == json("aGkA"));
}

TEST_CASE("json_of with a field converts the driver's value first", "[values]") {
    CHECK(json_of(field("f", "BooleanField()"), Value(std::int64_t{1})) == json(true));
    CHECK(json_of(field("f", "DecimalField(max_digits=5, decimal_places=2)"), Value(1.5)) ==
          json("1.50"));
    CHECK(json_of(field("f", "UUIDField()"), Value("a0eebc999c0b4ef8bb6d6bb9bd380a11")) ==
          json("a0eebc999c0b4ef8bb6d6bb9bd380a11"));
    CHECK(json_of(field("f", "JSONField()"), Value("[true]")) == json::parse("[true]"));
}

TEST_CASE("value_of_json reads each field's encoding back", "[values]") {
    auto back = [](const char* shorthand, const json& j) {
        return value_of_json(field("f", shorthand), j);
    };
    CHECK(back("IntegerField()", json(5)) == Value(std::int64_t{5}));
    CHECK(back("FloatField()", json(5)) == Value(5.0));
    CHECK(back("BooleanField()", json(false)) == Value(false));
    CHECK(back("DecimalField(max_digits=5, decimal_places=2)", json("1.50"))
              .as_decimal()
              .to_string() == "1.50");
    CHECK(back("DateTimeField()", json("2024-01-02T03:04:05.000120")) ==
          Value(DateTime::parse("2024-01-02 03:04:05.00012")));
    CHECK(back("DateField()", json("2024-02-29")) == Value(Date(2024, 2, 29)));
    CHECK(back("TimeField()", json("03:04:05")) == Value(Time(3, 4, 5)));
    CHECK(back("UUIDField()", json("a0eebc999c0b4ef8bb6d6bb9bd380a11")) ==
          Value(Uuid::parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")));
    CHECK(back("JSONField()", json::parse("{\"k\": [1, \"x\"]}")) ==
          Value(Json::parse("{\"k\":[1,\"x\"]}")));
    CHECK(back("JSONField()", json("plain")) == Value(Json::parse("\"plain\"")));
    CHECK(back("BinaryField()", json("aGkA")) == Value(Bytes{{'h', 'i', 0}}));
    CHECK(back("CharField(max_length=5)", json("caf\xc3\xa9")) == Value("caf\xc3\xa9"));
    CHECK(back("IntegerField(null=True)", json(nullptr)).is_null());
    CHECK_THROWS_AS(back("BinaryField()", json("not base64!")), ValidationError);
    CHECK_THROWS_AS(back("IntegerField()", json::parse("[1]")), ValidationError);
    CHECK_THROWS_AS(back("DateField()", json("2024-13-01")), ValidationError);
    CHECK_THROWS_AS(back("IntegerField()", json(18446744073709551615ull)), ValidationError);
}

TEST_CASE("json_of and value_of_json round-trip every typed kind", "[values]") {
    const std::pair<const char*, Value> cases[] = {
        {"DecimalField(max_digits=30, decimal_places=10)", Decimal::parse("-12345.0000000001")},
        {"DateTimeField()", DateTime::parse("0001-01-01 00:00:00")},
        {"DateTimeField()", DateTime::parse("9999-12-31 23:59:59.999999")},
        {"TimeField()", Time(23, 59, 59, 1)},
        {"UUIDField()", Uuid::parse("ffffffffffffffffffffffffffffffff")},
        {"BinaryField()", Bytes{{0, 1, 2, 253, 254, 255}}},
        {"TextField()", Value("quote ' \" back\\slash \xf0\x9f\x98\x80")},
        {"BigIntegerField()", Value(std::int64_t{INT64_MIN})},
        {"FloatField()", Value(1e-300)},
    };
    for (const auto& [shorthand, value] : cases) {
        const Field f = field("f", shorthand);
        CHECK(value_of_json(f, json::parse(json_of(value).dump())) == value);
    }
}
