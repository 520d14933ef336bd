// Values and field names crafted as SQL injection (issue 9): values are
// bound, so quotes, comments, `; DROP TABLE`, backslashes, LIKE wildcards
// and NUL bytes are stored and matched literally; names are checked against
// the model, so a crafted name is an unknown field (QueryError). Afterwards
// every table is there with every row.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/queryset.h"
#include "covet/record.h"
#include "orm_harness.h"

using covet::Q;
using covet::Value;

namespace {

std::vector<std::string> crafted_values(bool nul_bytes) {
    std::vector<std::string> values{
        "Robert'); DROP TABLE users;--",
        "a' OR '1'='1",
        "\" OR \"\"=\"",
        "/* comment */ x -- line comment",
        "; DROP TABLE posts; --",
        "back\\slash \\' \\\\ end\\",
        "100% off",
        "under_score",
        "%",
        "_",
        "\\%",
        "\\_",
        "[a-z]*",
        "`backtick` $1 ?",
        "Zo\xc3\xab \xf0\x9f\x9a\x80 'ZO\xc3\x8b'",
        "MiXeD CaSe",
    };
    if (nul_bytes) values.push_back(std::string("nul\0byte", 8));
    return values;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// A saved User (Record::save; QuerySet::create may come later).
void add_user(covet::test::OrmHarness& o, const std::string& name, const std::string& email) {
    covet::Record user(o.db, o.models, o.models.model("User"));
    user.set("name", Value(name));
    user.set("email", Value(email));
    user.save();
}

// How many stored names `match` accepts, computed here from the data.
template <typename Match>
std::int64_t expected(const std::vector<std::string>& names, Match match) {
    return std::count_if(names.begin(), names.end(), match);
}

}  // namespace

COVET_ORM_TEST("orm: values crafted as SQL injection are stored and matched literally") {
    // PostgreSQL text cannot hold a NUL character: covet refuses it (below).
    const bool nul_bytes = o.h.backend() != "postgresql";
    const std::vector<std::string> names = crafted_values(nul_bytes);
    const auto tables_before = o.h.user_tables();
    int n = 0;
    for (const std::string& name : names)
        add_user(o, name, "u" + std::to_string(++n) + "@example.com");
    REQUIRE(o.objects("User").count() == static_cast<std::int64_t>(names.size()));

    for (const std::string& v : names) {
        INFO("value: " << v);
        const auto users = o.objects("User").filter(Q{{"name", Value(v)}});
        REQUIRE(users.count() == 1);
        CHECK(users.get().get("name") == Value(v));
        CHECK(
            o.objects("User").filter(Q{{"name__contains", Value(v)}}).count() ==
            expected(names, [&](const std::string& s) { return s.find(v) != std::string::npos; }));
        CHECK(o.objects("User").filter(Q{{"name__startswith", Value(v)}}).count() ==
              expected(names, [&](const std::string& s) { return s.rfind(v, 0) == 0; }));
        CHECK(o.objects("User").filter(Q{{"name__endswith", Value(v)}}).count() ==
              expected(names, [&](const std::string& s) {
                  return s.size() >= v.size() && s.compare(s.size() - v.size(), v.size(), v) == 0;
              }));
        // ASCII case folding only: the values' other letters are matched as written.
        CHECK(o.objects("User").filter(Q{{"name__icontains", Value(lower(v))}}).count() ==
              expected(names, [&](const std::string& s) {
                  return lower(s).find(lower(v)) != std::string::npos;
              }));
    }
    std::vector<Value> all;
    for (const std::string& v : names)
        all.emplace_back(v);
    CHECK(o.objects("User").filter(Q{{"name__in", all}}).count() ==
          static_cast<std::int64_t>(names.size()));
    for (const std::string& v : names) {
        INFO("iexact: " << v);
        CHECK(o.objects("User").filter(Q{{"name__iexact", Value(lower(v))}}).count() ==
              expected(names, [&](const std::string& s) { return lower(s) == lower(v); }));
    }
    CHECK(o.objects("User").filter(Q{{"name__contains", Value("%")}}).count() == 3);
    CHECK(o.objects("User").filter(Q{{"name__icontains", Value("mixed case")}}).count() == 1);
    CHECK(o.h.user_tables() == tables_before);
}

COVET_ORM_TEST("orm: a NUL byte is stored literally, or refused where text cannot hold it") {
    const std::string nul("nul\0byte", 8);
    if (o.h.backend() == "postgresql") {
        CHECK_THROWS_AS(add_user(o, nul, "n@example.com"), covet::DatabaseError);
        CHECK(o.objects("User").count() == 0);
        return;
    }
    add_user(o, nul, "n@example.com");
    add_user(o, "nul", "m@example.com");
    CHECK(o.objects("User").filter(Q{{"name", Value(nul)}}).get().get("name") == Value(nul));
    CHECK(o.objects("User").filter(Q{{"name", Value("nul")}}).count() == 1);
}

COVET_ORM_TEST("orm: field names crafted as SQL injection are unknown fields") {
    add_user(o, "a", "a@example.com");
    const auto tables_before = o.h.user_tables();
    const std::vector<std::string> crafted{
        "name; DROP TABLE users",
        "name\" FROM users; --",
        "name`; DROP TABLE posts; --",
        "name) OR 1=1 --",
        "name__exact; --",
        "name__contains' OR '1'='1",
        "id/**/",
        "author__name; DELETE FROM users",
    };
    for (const std::string& name : crafted) {
        INFO("name: " << name);
        CHECK_THROWS_AS(o.objects("User").filter(Q{{name, Value("x")}}).count(), covet::QueryError);
        CHECK_THROWS_AS(o.objects("User").exclude(Q{{name, Value("x")}}).count(),
                        covet::QueryError);
        CHECK_THROWS_AS(o.objects("User").order_by({name}).count(), covet::QueryError);
        CHECK_THROWS_AS(o.objects("User").values({name}).rows(), covet::QueryError);
        covet::Record user(o.db, o.models, o.models.model("User"));
        CHECK_THROWS_AS(user.set(name, Value("x")), covet::QueryError);
    }
    CHECK(o.h.user_tables() == tables_before);
    CHECK(o.objects("User").count() == 1);
    CHECK(o.objects("Post").count() == 0);
}
