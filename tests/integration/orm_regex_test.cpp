// The regex and iregex lookups on every back end (SPEC.md §7): regex is
// case-sensitive everywhere, iregex is not; on SQLite through the functions
// every connection registers (sqlite_regexp.h).
#include <catch2/catch.hpp>

#include <string>

#include "covet/queryset.h"
#include "covet/record.h"
#include "orm_harness.h"

using covet::Q;
using covet::Value;

COVET_ORM_TEST("orm: regex is case-sensitive and iregex is not, on every back end") {
    int n = 0;
    for (const char* name : {"Hello World", "hello world", "HELLO", "a.b", "axb"}) {
        covet::Record user(o.db, o.models, o.models.model("User"));
        user.set("name", Value(name));
        user.set("email", Value("r" + std::to_string(++n) + "@example.com"));
        if (n % 2 == 0) user.set("age", Value(std::int64_t{20 + n}));
        user.save();
    }
    auto count = [&](const char* lookup, const char* pattern) {
        return o.objects("User").filter(Q{{lookup, Value(pattern)}}).count();
    };
    CHECK(count("name__regex", "^hello") == 1);
    CHECK(count("name__iregex", "^hello") == 3);
    CHECK(count("name__regex", "World$") == 1);
    CHECK(count("name__iregex", "WORLD$") == 2);
    CHECK(count("name__regex", "o w|o W") == 2);
    CHECK(count("name__regex", "a\\.b") == 1);
    CHECK(count("name__regex", "a.b") == 2);
    CHECK(count("name__regex", "^[a-z]+ [a-z]+$") == 1);
    CHECK(o.objects("User").exclude(Q{{"name__regex", Value("^h")}}).count() == 4);
    CHECK(o.objects("User").exclude(Q{{"name__iregex", Value("^h")}}).count() == 2);
    // A NULL column matches neither the regex nor its negation's rows wrongly:
    // age is NULL on three users, and a regex over its text only sees the others.
    CHECK(o.objects("User").filter(Q{{"age__regex", Value("^2")}}).count() == 2);
    CHECK(o.objects("User").exclude(Q{{"age__regex", Value("^22$")}}).count() == 4);
}
