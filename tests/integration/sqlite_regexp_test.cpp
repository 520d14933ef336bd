// The regexp functions every SQLite connection registers (sqlite_regexp.h):
// `x REGEXP p` case-sensitive, covet_iregexp(p, x) ignoring case, NULL in
// NULL out, a bad pattern a DatabaseError, through plain SQL.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "covet/error.h"
#include "migration_harness.h"

using covet::Value;

namespace {

std::vector<std::int64_t> ids(covet::Connection& db, const std::string& where,
                              const std::vector<Value>& params) {
    std::vector<std::int64_t> out;
    for (const auto& row :
         db.query("SELECT id FROM rx WHERE " + where + " ORDER BY id", params).rows)
        out.push_back(row[0].as_int());
    return out;
}

void fill(covet::Connection& db) {
    db.execute("CREATE TABLE rx (id INTEGER PRIMARY KEY, t TEXT)");
    const char* texts[] = {"Hello World", "hello world",  "HELLO",      "a.b",
                           "axb",         "line1\nline2", "caf\xc3\xa9"};
    std::int64_t id = 0;
    for (const char* t : texts)
        db.execute("INSERT INTO rx (id, t) VALUES (?, ?)", {Value(++id), Value(t)});
    db.execute("INSERT INTO rx (id, t) VALUES (8, NULL)");
    db.execute("INSERT INTO rx (id, t) VALUES (9, 123)");
}

}  // namespace

TEST_CASE("sqlite: REGEXP searches case-sensitively with ECMAScript patterns", "[sqlite]") {
    covet::test::MigrationHarness h("sqlite");
    covet::Connection& db = h.db();
    fill(db);
    using V = std::vector<std::int64_t>;
    CHECK(ids(db, "t REGEXP ?", {Value("^hello")}) == V{2});
    CHECK(ids(db, "t REGEXP ?", {Value("World$")}) == V{1});
    CHECK(ids(db, "t REGEXP ?", {Value("o w|o W")}) == V{1, 2});
    CHECK(ids(db, "t REGEXP ?", {Value("a\\.b")}) == V{4});
    CHECK(ids(db, "t REGEXP ?", {Value("a.b")}) == V{4, 5});
    CHECK(ids(db, "t REGEXP ?", {Value("^line2")}) == V{});   // ^ is the start of the text
    CHECK(ids(db, "t REGEXP ?", {Value("\\d{3}")}) == V{9});  // a number, searched as its text
    CHECK(ids(db, "t REGEXP ?", {Value("caf\xc3\xa9")}) == V{7});
    // NULL in, NULL out: neither side of a negation keeps the NULL row.
    CHECK(ids(db, "t REGEXP ?", {Value("")}) == V{1, 2, 3, 4, 5, 6, 7, 9});
    CHECK(ids(db, "NOT (t REGEXP ?)", {Value("^h")}) == V{1, 3, 4, 5, 6, 7, 9});
    CHECK(db.query("SELECT NULL REGEXP 'a', 'a' REGEXP NULL").rows[0] ==
          covet::Row{Value(), Value()});
}

TEST_CASE("sqlite: covet_iregexp ignores case", "[sqlite]") {
    covet::test::MigrationHarness h("sqlite");
    covet::Connection& db = h.db();
    fill(db);
    using V = std::vector<std::int64_t>;
    CHECK(ids(db, "covet_iregexp(?, t)", {Value("^hello")}) == V{1, 2, 3});
    CHECK(ids(db, "covet_iregexp(?, t)", {Value("WORLD$")}) == V{1, 2});
    CHECK(ids(db, "NOT covet_iregexp(?, t)", {Value("hello")}) == V{4, 5, 6, 7, 9});
    CHECK(db.query("SELECT covet_iregexp(NULL, 'a'), covet_iregexp('a', NULL)").rows[0] ==
          covet::Row{Value(), Value()});
}

TEST_CASE("sqlite: an invalid regular expression fails the statement", "[sqlite]") {
    covet::test::MigrationHarness h("sqlite");
    covet::Connection& db = h.db();
    fill(db);
    CHECK_THROWS_WITH(ids(db, "t REGEXP ?", {Value("(unclosed")}),
                      Catch::Contains("invalid regular expression '(unclosed'"));
    CHECK_THROWS_AS(ids(db, "covet_iregexp(?, t)", {Value("[z-a]")}), covet::DatabaseError);
    // The connection goes on: the cached statement and pattern cache are clean.
    CHECK(ids(db, "t REGEXP ?", {Value("^axb$")}) == std::vector<std::int64_t>{5});
}
