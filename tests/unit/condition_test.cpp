// Conditions of partial indexes and constraints: parsing, rendering, renames.
#include <catch2/catch.hpp>

#include "covet/condition.h"

using namespace covet;

namespace {

// A style that makes every part visible: [name] for identifiers, <literal>.
const ConditionStyle kMarked{[](const std::string& name) { return "[" + name + "]"; },
                             [](const Value& v) {
                                 if (v.is_null()) return std::string("<null>");
                                 if (v.kind() == Value::Kind::Bool)
                                     return std::string(v.as_bool() ? "<yes>" : "<no>");
                                 return "<" + v.as_text() + ">";
                             }};

int error_column(const std::string& text) {
    try {
        Condition c(text);
    } catch (const ConditionError& e) {
        return e.column();
    }
    FAIL("no ConditionError for: " << text);
    return 0;
}

std::string error_of(const std::string& text) {
    try {
        Condition c(text);
    } catch (const ConditionError& e) {
        return e.what();
    }
    FAIL("no ConditionError for a condition of " << text.size() << " characters");
    return "";
}

}  // namespace

TEST_CASE("a condition renders names and literals through the dialect's style") {
    Condition c("qty >= -3 and note <> 'it''s' OR flag = TRUE");
    CHECK(c.render(kMarked) == "[qty] >= -3 AND [note] <> <it's> OR [flag] = <yes>");
}

TEST_CASE("a condition keeps the grouping its parentheses give") {
    CHECK(Condition("(a = 1 OR b = 2) AND c = 3").render(kMarked) ==
          "([a] = 1 OR [b] = 2) AND [c] = 3");
    CHECK(Condition("a = 1 OR (b = 2 AND c = 3)").render(kMarked) ==
          "[a] = 1 OR [b] = 2 AND [c] = 3");
    CHECK(Condition("NOT (a = 1 OR b IS NULL)").render(kMarked) == "NOT ([a] = 1 OR [b] IS NULL)");
}

TEST_CASE("a condition reads IS [NOT] NULL, [NOT] IN, != and quoted names") {
    CHECK(Condition("\"Odd Name\" is not null").render(kMarked) == "[Odd Name] IS NOT NULL");
    CHECK(Condition("kind not in ('a', 'b', 7)").render(kMarked) == "[kind] NOT IN (<a>, <b>, 7)");
    CHECK(Condition("kind in (1)").render(kMarked) == "[kind] IN (1)");
    CHECK(Condition("x != 2.5e3").render(kMarked) == "[x] <> 2.5e3");
    CHECK(Condition("gone = null").render(kMarked) == "[gone] = <null>");
}

TEST_CASE("a condition lists the names it mentions with their columns") {
    auto names = Condition("alpha > 1 AND  beta IN (gamma)").names();
    REQUIRE(names.size() == 3);
    CHECK(names[0].name == "alpha");
    CHECK(names[0].column == 1);
    CHECK(names[1].name == "beta");
    CHECK(names[1].column == 16);
    CHECK(names[2].name == "gamma");
    CHECK(names[2].column == 25);
}

TEST_CASE("renaming a field rewrites only its own names and keeps the written text apart") {
    Condition c("stock > 0 AND stockroom = 'stock'");
    Condition renamed = c.renamed([](const std::string& n) { return n == "stock" ? "qty" : ""; });
    CHECK(renamed.render(kMarked) == "[qty] > 0 AND [stockroom] = <stock>");
    CHECK(c.render(kMarked) == "[stock] > 0 AND [stockroom] = <stock>");
    CHECK(c.text() == "stock > 0 AND stockroom = 'stock'");
    CHECK_FALSE(renamed == c);
}

TEST_CASE("conditions that mean the same compare equal whatever their spelling") {
    CHECK(Condition("a>1 and b is null") == Condition("(a > 1) AND (b IS NULL)"));
    CHECK_FALSE(Condition("a > 1") == Condition("a >= 1"));
    CHECK(Condition("   ").empty());
    CHECK(Condition("") == Condition());
}

TEST_CASE("a condition that does not parse names the column of the fault") {
    CHECK(error_column("a > ") == 5);
    CHECK(error_column("a > 1 b") == 7);
    CHECK(error_column("a ~ 1") == 3);
    CHECK(error_column("a = 'open") == 5);
    CHECK(error_column("a IS 3") == 6);
    CHECK(error_column("a NOT 3") == 7);
    CHECK(error_column("(a = 1") == 7);
    CHECK(error_column("a IN 1, 2") == 6);
    CHECK(error_column("lower(a) = 'x'") == 6);
    CHECK(error_column("a; DROP TABLE t") == 2);
}

TEST_CASE("a condition nested past the limit is an error, not a crash") {
    auto wrapped = [](std::size_t depth, const std::string& prefix, const std::string& suffix) {
        std::string text;
        for (std::size_t i = 0; i < depth; ++i)
            text.append(prefix);
        text.append("a > 0");
        for (std::size_t i = 0; i < depth; ++i)
            text.append(suffix);
        return text;
    };
    CHECK_NOTHROW(Condition(wrapped(60, "(", ")")));
    const std::string limit = "nests deeper than 64 levels";
    CHECK(error_of(wrapped(5000, "(", ")")).find(limit) != std::string::npos);
    CHECK(error_of(wrapped(50000, "NOT ", "")).find(limit) != std::string::npos);
}
