#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/field.h"

using namespace covet;

namespace {

using Messages = std::vector<std::string>;

Messages check(const std::string& shorthand, const Value& value) {
    return field("f", shorthand).validate(value);
}

}  // namespace

TEST_CASE("value accessors return their kind and refuse the others with a clear message",
          "[value]") {
    CHECK(Value(7).as_int() == 7);
    CHECK(Value(std::int64_t{1} << 40).as_int() == (std::int64_t{1} << 40));
    CHECK(Value(2.5).as_double() == 2.5);
    CHECK(Value(3).as_double() == 3.0);
    CHECK(Value(true).as_bool());
    CHECK(Value("x").as_text() == "x");
    CHECK(Value(Bytes{{1, 2}}).as_blob().data.size() == 2);
    CHECK(Value().is_null());
    CHECK(Value(nullptr).kind() == Value::Kind::Null);

    CHECK_THROWS_WITH(Value("12").as_int(), "value is text, not an integer");
    CHECK_THROWS_WITH(Value(1.5).as_int(), "value is a float, not an integer");
    CHECK_THROWS_WITH(Value("1.5").as_double(), "value is text, not a number");
    CHECK_THROWS_WITH(Value(1).as_bool(), "value is an integer, not a boolean");
    CHECK_THROWS_WITH(Value().as_text(), "value is null, not text");
    CHECK_THROWS_WITH(Value("x").as_blob(), "value is text, not a blob");
    CHECK_THROWS_AS(Value(true).as_int(), Error);
}

TEST_CASE("value to_string renders each kind readably", "[value]") {
    CHECK(Value().to_string() == "NULL");
    CHECK(Value(-42).to_string() == "-42");
    CHECK(Value(1.5).to_string() == "1.5");
    CHECK(Value(2.0).to_string() == "2.0");
    CHECK(Value(0.1).to_string() == "0.1");
    CHECK(Value(1e300).to_string() == "1e+300");
    CHECK(Value(true).to_string() == "true");
    CHECK(Value(false).to_string() == "false");
    CHECK(Value("it's").to_string() == "it's");
    CHECK(Value(Bytes{{0x00, 0xab, 0x10}}).to_string() == "x'00ab10'");
}

TEST_CASE("column is db_column, else name_id for a foreign key, else the name", "[field]") {
    CHECK(field("title", "CharField(max_length=5)").column() == "title");
    CHECK(field("title", "CharField(max_length=5, db_column=t)").column() == "t");
    CHECK(field("author", "ForeignKey(users)").column() == "author_id");
    CHECK(field("author", "ForeignKey(users, db_column=writer)").column() == "writer");
}

TEST_CASE("effective max_length applies the EmailField and URLField defaults", "[field]") {
    CHECK(field("e", "EmailField()").effective_max_length() == 254);
    CHECK(field("e", "EmailField(max_length=100)").effective_max_length() == 100);
    CHECK(field("u", "URLField()").effective_max_length() == 200);
    CHECK(field("c", "CharField(max_length=7)").effective_max_length() == 7);
    CHECK_FALSE(field("t", "TextField()").effective_max_length().has_value());
}

TEST_CASE("null is refused unless null=True", "[validation]") {
    CHECK(check("IntegerField()", Value()) == Messages{"This field cannot be null."});
    CHECK(check("IntegerField(null=True)", Value()).empty());
    // The database assigns these.
    CHECK(check("AutoField()", Value()).empty());
    CHECK(check("DateTimeField(auto_now_add=True)", Value()).empty());
}

TEST_CASE("empty text is refused unless blank=True", "[validation]") {
    CHECK(check("CharField(max_length=5)", Value("")) == Messages{"This field cannot be blank."});
    CHECK(check("CharField(max_length=5, blank=True, min_length=2)", Value("")).empty());
    CHECK(check("TextField()", Value(" ")).empty());
}

TEST_CASE("max_length counts characters and names both numbers", "[validation]") {
    CHECK(check("CharField(max_length=3)", Value("abcd")) ==
          Messages{"Ensure this value has at most 3 characters (it has 4)."});
    CHECK(check("CharField(max_length=1)", Value("ab")) ==
          Messages{"Ensure this value has at most 1 character (it has 2)."});
    CHECK(check("CharField(max_length=3)", Value("\xc3\xa9\xc3\xa9\xc3\xa9")).empty());
    CHECK(check("TextField(max_length=2)", Value("abc")) ==
          Messages{"Ensure this value has at most 2 characters (it has 3)."});
    CHECK(check("BinaryField(max_length=2)", Value(Bytes{{1, 2, 3}})) ==
          Messages{"Ensure this value has at most 2 characters (it has 3)."});
    // The same limit as column length and validator is reported once.
    CHECK(check("CharField(max_length=3, validators={max_length: 3})", Value("abcd")).size() == 1);
}

TEST_CASE("min_length names both numbers", "[validation]") {
    CHECK(check("CharField(max_length=10, min_length=3)", Value("ab")) ==
          Messages{"Ensure this value has at least 3 characters (it has 2)."});
    CHECK(check("CharField(max_length=10, min_length=1)", Value("a")).empty());
}

TEST_CASE("min_value and max_value show the limit as written", "[validation]") {
    CHECK(check("IntegerField(min_value=0)", Value(-1)) ==
          Messages{"Ensure this value is greater than or equal to 0."});
    CHECK(check("IntegerField(max_value=10)", Value(11)) ==
          Messages{"Ensure this value is less than or equal to 10."});
    CHECK(check("FloatField(min_value=0.5)", Value(0.25)) ==
          Messages{"Ensure this value is greater than or equal to 0.5."});
    CHECK(check("DecimalField(5, 2, max_value=100)", Value("100.01")) ==
          Messages{"Ensure this value is less than or equal to 100."});
    CHECK(check("IntegerField(min_value=0, max_value=10)", Value(10)).empty());
    CHECK(check("IntegerField(min_value=0, max_value=10)", Value("5")).empty());
}

TEST_CASE("integer fields keep to their column's range", "[validation]") {
    CHECK(check("SmallIntegerField()", Value(32768)) ==
          Messages{"Ensure this value is less than or equal to 32767."});
    CHECK(check("SmallIntegerField()", Value(-32769)) ==
          Messages{"Ensure this value is greater than or equal to -32768."});
    CHECK(check("IntegerField()", Value(std::int64_t{2147483648})) ==
          Messages{"Ensure this value is less than or equal to 2147483647."});
    CHECK(check("BigIntegerField()", Value(std::int64_t{2147483648})).empty());
}

TEST_CASE("regex is searched in the text", "[validation]") {
    CHECK(check("CharField(max_length=10, regex='^[a-z]+$')", Value("Abc")) ==
          Messages{"Enter a valid value."});
    CHECK(check("CharField(max_length=10, regex='[0-9]')", Value("ab1")).empty());
    CHECK(check(R"(CharField(max_length=10, regex=r'^\d{3}$'))", Value("123")).empty());
    CHECK(check(R"(CharField(max_length=10, regex='^\d{3}$'))", Value("12a")) ==
          Messages{"Enter a valid value."});
}

TEST_CASE("every failing rule gives its own message", "[validation]") {
    CHECK(
        check("CharField(max_length=5, regex='^[a-z]+$', min_length=1)", Value("ABCDEFG")) ==
        Messages{"Ensure this value has at most 5 characters (it has 7).", "Enter a valid value."});
    CHECK(check("EmailField(max_length=10)", Value("not an email at all")) ==
          Messages{"Enter a valid email address.",
                   "Ensure this value has at most 10 characters (it has 19)."});
}

TEST_CASE("email addresses are checked as Django checks them", "[validation]") {
    const std::vector<std::string> valid = {"user@example.com",
                                            "first.last+tag@sub.example.co.uk",
                                            "x@localhost",
                                            "o'neil@example.org",
                                            "\"john..doe\"@example.com",
                                            "u@[127.0.0.1]",
                                            "u@[::1]",
                                            "USER@EXAMPLE.COM",
                                            "a@b-c.io"};
    for (const auto& email : valid) {
        INFO(email);
        CHECK(check("EmailField()", Value(email)).empty());
    }
    const std::vector<std::string> invalid = {"plain",
                                              "@example.com",
                                              "user@",
                                              "user@example",
                                              "user@-example.com",
                                              "a b@c.com",
                                              "user@exa mple.com",
                                              "user..dot@example.com",
                                              "user@example.c-",
                                              "user@[999.1.1.1]",
                                              "user@example.com."};
    for (const auto& email : invalid) {
        INFO(email);
        CHECK(check("EmailField()", Value(email)) == Messages{"Enter a valid email address."});
    }
}

TEST_CASE("URLs are checked as Django checks them", "[validation]") {
    const std::vector<std::string> valid = {
        "http://example.com",          "https://www.example.com/path?q=1#frag",
        "ftp://files.example.org/a",   "ftps://user:pass@example.com:2121/",
        "http://localhost:8000/",      "http://127.0.0.1/",
        "http://[2001:db8::1]:80/x",   "HTTP://EXAMPLE.COM",
        "http://xn--bcher-kva.example"};
    for (const auto& url : valid) {
        INFO(url);
        CHECK(check("URLField()", Value(url)).empty());
    }
    const std::vector<std::string> invalid = {"example.com",          "mailto:a@b.com",
                                              "gopher://example.com", "http://",
                                              "http://exa mple.com",  "http://example",
                                              "http://-example.com",  "http://example.com:99999",
                                              "http://[zz::1]/",      "http://256.1.1.1",
                                              "http://example.com/ a"};
    for (const auto& url : invalid) {
        INFO(url);
        CHECK(check("URLField()", Value(url)) == Messages{"Enter a valid URL."});
    }
}

TEST_CASE("values outside the choices are named in the message", "[validation]") {
    const std::string status = "CharField(max_length=1, choices=[(d, 'Draft'), (p, 'Published')])";
    CHECK(check(status, Value("x")) == Messages{"Value 'x' is not a valid choice."});
    CHECK(check(status, Value("d")).empty());
    CHECK(check("IntegerField(choices=[1, 2])", Value(3)) ==
          Messages{"Value 3 is not a valid choice."});
    CHECK(check("IntegerField(choices=[1, 2])", Value(2)).empty());
    CHECK(check("IntegerField(choices=[1, 2])", Value("2")).empty());
    CHECK(check("FloatField(choices=[1, 2])", Value(2.0)).empty());
    CHECK(check("CharField(max_length=3, choices=['1'])", Value("1.0")) ==
          Messages{"Value '1.0' is not a valid choice."});
}

TEST_CASE("decimal digits are counted as Django's DecimalValidator counts them", "[validation]") {
    const std::string price = "DecimalField(max_digits=5, decimal_places=2)";
    CHECK(check(price, Value("123.45")).empty());
    CHECK(check(price, Value("-0.05")).empty());
    CHECK(check(price, Value("0.00")).empty());
    CHECK(check(price, Value(999)).empty());
    CHECK(check(price, Value(1.5)).empty());
    CHECK(check(price, Value("123456")) ==
          Messages{"Ensure that there are no more than 5 digits in total."});
    CHECK(check(price, Value("1.234")) ==
          Messages{"Ensure that there are no more than 2 decimal places."});
    CHECK(check(price, Value("1234.5")) ==
          Messages{"Ensure that there are no more than 3 digits before the decimal point."});
    CHECK(check(price, Value("1E+5")) ==
          Messages{"Ensure that there are no more than 5 digits in total."});
    CHECK(check("DecimalField(1, 0)", Value("12")) ==
          Messages{"Ensure that there are no more than 1 digit in total."});
    CHECK(check("DecimalField(3, 1)", Value("0.25")) ==
          Messages{"Ensure that there are no more than 1 decimal place."});
    CHECK(check("DecimalField(2, 1)", Value("10")) ==
          Messages{"Ensure that there are no more than 1 digit before the decimal point."});
}

TEST_CASE("values that cannot be read as the field's type say so", "[validation]") {
    CHECK(check("IntegerField()", Value("abc")) == Messages{"\u201c"
                                                            "abc\u201d value must be an integer."});
    CHECK(check("IntegerField()", Value("12")).empty());
    CHECK(check("FloatField()", Value("x1")) == Messages{"\u201cx1\u201d value must be a float."});
    CHECK(check("DecimalField(5, 2)", Value("1.2.3")) ==
          Messages{"\u201c"
                   "1.2.3\u201d value must be a decimal number."});
    CHECK(check("BooleanField()", Value("yes")) ==
          Messages{"\u201cyes\u201d value must be either True or False."});
    CHECK(check("BooleanField(null=True)", Value(2)) ==
          Messages{"\u201c"
                   "2\u201d value must be either True, False, or None."});
    CHECK(check("BooleanField()", Value(1)).empty());
    CHECK(check("BooleanField()", Value("False")).empty());
    CHECK(check("UUIDField()", Value("12345")) == Messages{"\u201c"
                                                           "12345\u201d is not a valid UUID."});
    CHECK(check("UUIDField()", Value("550e8400-e29b-41d4-a716-446655440000")).empty());
    CHECK(check("UUIDField()", Value("550e8400e29b41d4a716446655440000")).empty());
}

TEST_CASE("dates, times and datetimes need Django's formats and real calendar values",
          "[validation]") {
    CHECK(check("DateField()", Value("2024-02-29")).empty());
    CHECK(check("DateField()", Value("2024/02/01")) ==
          Messages{"\u201c"
                   "2024/02/01\u201d value has an invalid date format. It must be in "
                   "YYYY-MM-DD format."});
    CHECK(check("DateField()", Value("2023-02-29")) ==
          Messages{"\u201c"
                   "2023-02-29\u201d value has the correct format (YYYY-MM-DD) but it is an "
                   "invalid date."});
    CHECK(check("TimeField()", Value("10:30")).empty());
    CHECK(check("TimeField()", Value("10:30:15.123456")).empty());
    CHECK(check("TimeField()", Value("1030")) ==
          Messages{"\u201c"
                   "1030\u201d value has an invalid format. It must be in HH:MM[:ss[.uuuuuu]] "
                   "format."});
    CHECK(check("TimeField()", Value("25:00")) ==
          Messages{"\u201c"
                   "25:00\u201d value has the correct format (HH:MM[:ss[.uuuuuu]]) but it is an "
                   "invalid time."});
    CHECK(check("DateTimeField()", Value("2024-01-01T10:00:00")).empty());
    CHECK(check("DateTimeField()", Value("2024-01-01 10:00:00.5+02:00")).empty());
    CHECK(check("DateTimeField()", Value("2024-01-01 10:00Z")).empty());
    CHECK(check("DateTimeField()", Value("2024-01-01")).empty());
    CHECK(check("DateTimeField()", Value("yesterday")) ==
          Messages{"\u201cyesterday\u201d value has an invalid format. It must be in "
                   "YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format."});
    CHECK(check("DateTimeField()", Value("2024-01-01 10:00+053")) ==
          Messages{"\u201c"
                   "2024-01-01 10:00+053\u201d value has an invalid format. It must be in "
                   "YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ] format."});
    CHECK(check("DateTimeField()", Value("2024-13-01 10:00")) ==
          Messages{"\u201c"
                   "2024-13-01 10:00\u201d value has the correct format (YYYY-MM-DD) but it is "
                   "an invalid date."});
    CHECK(check("DateTimeField()", Value("2024-01-01 24:00")) ==
          Messages{"\u201c"
                   "2024-01-01 24:00\u201d value has the correct format (YYYY-MM-DD "
                   "HH:MM[:ss[.uuuuuu]][TZ]) but it is an invalid date/time."});
}

TEST_CASE("fields that are not editable and many-to-many sets are not validated", "[validation]") {
    CHECK(check("IntegerField(editable=False)", Value()).empty());
    CHECK(check("ManyToManyField(tags)", Value()).empty());
}

TEST_CASE("a regex that does not compile is a FieldError, not a crash", "[validation]") {
    Field f = field("f", "TextField()");
    f.validators.regex = "(";
    CHECK_THROWS_AS(f.validate(Value("x")), FieldError);
}

TEST_CASE("typed values validate by their kind, not as text", "[validation]") {
    const std::string price = "DecimalField(max_digits=5, decimal_places=2)";
    CHECK(check(price, Value(Decimal::parse("123.45"))).empty());
    CHECK(check(price, Value(Decimal::parse("1.234"))) ==
          Messages{"Ensure that there are no more than 2 decimal places."});
    CHECK(check("DecimalField(5, 2, max_value=100)", Value(Decimal::parse("100.01"))) ==
          Messages{"Ensure this value is less than or equal to 100."});
    CHECK(check("IntegerField(max_value=10)", Value(Decimal::parse("11"))) ==
          Messages{"Ensure this value is less than or equal to 10."});
    CHECK(check("DateField()", Value(Date(2024, 2, 29))).empty());
    CHECK(check("DateField()", Value(DateTime::parse("2024-02-29 10:00:00"))).empty());
    CHECK(check("DateTimeField()", Value(DateTime::parse("2024-02-29 10:00:00"))).empty());
    CHECK(check("DateTimeField()", Value(Date(2024, 2, 29))).empty());
    CHECK(check("TimeField()", Value(Time::parse("10:30:00"))).empty());
    CHECK(check("UUIDField()", Value(Uuid::parse("12345678-1234-5678-1234-567812345678"))).empty());
    CHECK(check("DateField(choices=['2024-02-29'])", Value(Date(2024, 2, 29))).empty());
    CHECK(check("DateField()", Value(Time::parse("10:30:00"))) ==
          Messages{"\u201c10:30:00\u201d value has an invalid date format. It must be in "
                   "YYYY-MM-DD format."});
}
