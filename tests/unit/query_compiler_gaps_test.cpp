// Golden SQL of the Django 3.2 gaps closed in the compiler: a pattern built
// in SQL from an F() (escaped per dialect), the CAST that gives a decimal
// aggregate SQLite's NUMERIC affinity, an annotation alias with "__" found
// by a filter, and a date transform in values().
#include "query_compiler_support.h"

using namespace covet;
using namespace covet::compiler_test;

namespace {

// The text between " WHERE " (or " HAVING ") and " ORDER BY " (or the end).
std::string condition_of(const Dialect& dialect, const Query& q, const std::string& keyword) {
    const std::string sql = compiler(dialect).select(q).sql;
    const std::size_t at = sql.find(" " + keyword + " ");
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + keyword.size() + 2;
    const std::size_t end = sql.find(" ORDER BY ", start);
    return sql.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

Query title_matches_author(const std::string& lookup) {
    return filtered("Post", {Q{{"title__" + lookup, F("author__name")}}});
}

}  // namespace

TEST_CASE("query compiler: a pattern lookup on F() escapes the expression's wildcards in SQL") {
    const std::string sqlite_glob =
        "REPLACE(REPLACE(REPLACE(\"users\".\"name\", '[', '[[]'), '*', '[*]'), '?', '[?]')";
    CHECK(condition_of(sqlite, title_matches_author("contains"), "WHERE") ==
          "\"posts\".\"title\" GLOB ('*' || " + sqlite_glob + " || '*')");
    const std::string like =
        "REPLACE(REPLACE(REPLACE(\"users\".\"name\", '\\', '\\\\'), '%', '\\%'), '_', '\\_')";
    CHECK(condition_of(sqlite, title_matches_author("istartswith"), "WHERE") ==
          "\"posts\".\"title\" LIKE (" + like + " || '%') ESCAPE '\\'");
    CHECK(condition_of(postgres, title_matches_author("endswith"), "WHERE") ==
          "\"posts\".\"title\"::text LIKE ('%' || " + like + ")");
    CHECK(condition_of(postgres, title_matches_author("iexact"), "WHERE") ==
          "UPPER(\"posts\".\"title\"::text) LIKE UPPER(" + like + ")");
    CHECK(condition_of(mysql, title_matches_author("contains"), "WHERE") ==
          "`posts`.`title` LIKE BINARY CONCAT('%', REPLACE(REPLACE(REPLACE(`users`.`name`, "
          "'\\\\', '\\\\\\\\'), '%', '\\%'), '_', '\\_'), '%')");
    CHECK(compiler(sqlite).select(title_matches_author("contains")).params.empty());
}

TEST_CASE("query compiler: a decimal aggregate compared in HAVING is CAST to NUMERIC on SQLite") {
    Query q = filtered("User", {Q{{"best__gt", Value(Decimal::parse("4"))}}});
    q.annotations.push_back({"best", Max("posts__rating")});
    q.filters.back().annotations_before = 1;
    CHECK(condition_of(sqlite, q, "HAVING") == "CAST(MAX(\"posts\".\"rating\") AS NUMERIC) > ?");
    CHECK(condition_of(postgres, q, "HAVING") == "MAX(\"posts\".\"rating\") > $1");
    CHECK(condition_of(mysql, q, "HAVING") == "MAX(`posts`.`rating`) > ?");
    Query counted = filtered("User", {Q{{"n__gt", 1}}});
    counted.annotations.push_back({"n", Count("posts__rating")});
    counted.filters.back().annotations_before = 1;
    CHECK(condition_of(sqlite, counted, "HAVING") == "COUNT(\"posts\".\"rating\") > ?");
}

TEST_CASE("query compiler: a filter finds a default annotation alias that contains __") {
    Query q = filtered("User", {Q{{"posts__count__gt", 1}}});
    q.annotations.push_back({"", Count("posts")});
    q.filters.back().annotations_before = 1;
    CHECK(condition_of(sqlite, q, "HAVING") == "COUNT(\"posts\".\"id\") > ?");
    CHECK(compiler(sqlite).select(q).params == std::vector<Value>{Value(1)});
}

TEST_CASE("query compiler: values() ends a path with a date transform") {
    Query q = query_of("Post");
    q.shape = Query::Shape::FlatList;
    q.value_fields = {"published_at__year"};
    const CompiledSelect s = compiler(postgres).select(q);
    CHECK(s.sql.rfind("SELECT EXTRACT(YEAR FROM \"posts\".\"published_at\") FROM \"posts\"", 0) ==
          0);
    REQUIRE(s.columns.size() == 1);
    CHECK(s.columns[0].name == "published_at__year");
    CHECK(s.columns[0].field->type == FieldType::IntegerField);
}
