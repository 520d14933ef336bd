// Golden SQL of annotations and aggregates (GROUP BY, HAVING, subqueries),
// count(), exists(), update() and primary_keys().
#include "query_compiler_support.h"

using namespace covet;
using namespace covet::compiler_test;

namespace {

const std::string kPostColumns =
    "SELECT \"posts\".\"id\", \"posts\".\"title\", \"posts\".\"author_id\", "
    "\"posts\".\"view_count\", \"posts\".\"rating\", \"posts\".\"published_at\"";
const std::string kPostGroup =
    " GROUP BY \"posts\".\"id\", \"posts\".\"title\", \"posts\".\"author_id\", "
    "\"posts\".\"view_count\", \"posts\".\"rating\", \"posts\".\"published_at\"";
const std::string kJoinTags =
    " LEFT OUTER JOIN \"posts_tags\" ON (\"posts\".\"id\" = \"posts_tags\".\"post_id\")";

}  // namespace

TEST_CASE("query compiler: a filter on an aggregate annotation is HAVING, default order dropped") {
    Query q = query_of("Post");
    q.annotations.push_back({"tag_count", Count("tags")});
    q.filters.push_back(Query::Filter{Q{{"tag_count__gt", 1}, {"title", "t"}}, false});
    const CompiledSelect s = compiler(sqlite).select(q);
    check_select(q,
                 kPostColumns +
                     ", COUNT(\"posts_tags\".\"tag_id\") AS \"tag_count\" FROM \"posts\"" +
                     kJoinTags + " WHERE \"posts\".\"title\" = ?" + kPostGroup +
                     " HAVING COUNT(\"posts_tags\".\"tag_id\") > ?",
                 {Value("t"), Value(1)});
    REQUIRE(s.columns.size() == 7);
    CHECK(s.columns[6].kind == SelectColumn::Kind::Annotation);
    CHECK(s.columns[6].aggregate);
    CHECK(s.columns[6].function == Expr::Function::Count);
}

TEST_CASE("query compiler: an OR over an aggregate goes to HAVING whole") {
    Query q = query_of("Post");
    q.annotations.push_back({"n", Count("tags", true)});
    q.filters.push_back(Query::Filter{Q{{"n", 0}} | Q{{"title", "t"}}, false});
    check_select(
        q,
        kPostColumns + ", COUNT(DISTINCT \"posts_tags\".\"tag_id\") AS \"n\" FROM \"posts\"" +
            kJoinTags + kPostGroup +
            " HAVING (COUNT(DISTINCT \"posts_tags\".\"tag_id\") = ? OR \"posts\".\"title\" "
            "= ?)",
        {Value(0), Value("t")});
}

TEST_CASE("query compiler: an annotation after a filter shares its multi-valued join") {
    Query q = query_of("Post");
    q.annotations.push_back({"n", Count("tags")});
    q.filters.push_back(Query::Filter{Q{{"tags__name", "c"}}, false, 0});
    q.ordering_set = true;
    check_select(q,
                 kPostColumns +
                     ", COUNT(\"posts_tags\".\"tag_id\") AS \"n\" FROM \"posts\" INNER "
                     "JOIN \"posts_tags\" ON (\"posts\".\"id\" = \"posts_tags\".\"post_id\") "
                     "INNER JOIN \"tags\" ON (\"posts_tags\".\"tag_id\" = \"tags\".\"id\") "
                     "WHERE \"tags\".\"name\" = ?" +
                     kPostGroup,
                 {Value("c")});
    q.filters.back().annotations_before = 1;  // annotate() first: the filter joins anew
    const std::string sql = compiler(sqlite).select(q).sql;
    CHECK(sql.find(kJoinTags + " INNER JOIN \"posts_tags\" \"T3\"") != std::string::npos);
    CHECK(sql.find("COUNT(\"posts_tags\".\"tag_id\")") != std::string::npos);
}

TEST_CASE("query compiler: values before annotate groups by the values") {
    Query q = query_of("Post");
    q.shape = Query::Shape::Values;
    q.value_fields = {"author__name"};
    q.group_by_values = true;
    q.annotations.push_back({"n", Count("id")});
    q.annotations.push_back({"top", Max("view_count")});
    const CompiledSelect s = compiler(sqlite).select(q);
    check_select(q,
                 "SELECT \"users\".\"name\", COUNT(\"posts\".\"id\") AS \"n\", "
                 "MAX(\"posts\".\"view_count\") AS \"top\" FROM \"posts\" INNER JOIN \"users\" ON "
                 "(\"posts\".\"author_id\" = \"users\".\"id\") GROUP BY \"users\".\"name\"");
    REQUIRE(s.columns.size() == 3);
    CHECK(s.columns[2].function == Expr::Function::Max);
    CHECK(s.columns[2].field->name == "view_count");
}

TEST_CASE("query compiler: annotations with F arithmetic are not grouped by") {
    Query q = query_of("Post");
    q.annotations.push_back({"double_views", F("view_count") * 2});
    q.filters.push_back(Query::Filter{Q{{"double_views__gt", 10}}, false});
    q.ordering = {"-double_views"};
    q.ordering_set = true;
    check_select(q,
                 kPostColumns +
                     ", (\"posts\".\"view_count\" * ?) AS \"double_views\" FROM \"posts\" WHERE "
                     "(\"posts\".\"view_count\" * ?) > ? ORDER BY (\"posts\".\"view_count\" * ?) "
                     "DESC",
                 {Value(2), Value(2), Value(10), Value(2)});
}

TEST_CASE("query compiler: aggregate over a plain query and over a sliced one") {
    const CompiledSelect plain = compiler(postgres).aggregate(
        filtered("Post", {Q{{"title", "t"}}}), {Avg("view_count"), Aliased("top", Max("rating"))});
    CHECK(plain.sql ==
          "SELECT AVG(\"posts\".\"view_count\") AS \"view_count__avg\", MAX(\"posts\".\"rating\") "
          "AS \"top\" FROM \"posts\" WHERE \"posts\".\"title\" = $1");
    REQUIRE(plain.columns.size() == 2);
    CHECK(plain.columns[0].function == Expr::Function::Avg);
    CHECK(plain.columns[1].field->type == FieldType::DecimalField);
    Query sliced = query_of("Tag");
    sliced.limit = 3;
    CHECK(compiler(sqlite).aggregate(sliced, {Sum("id")}).sql ==
          "SELECT SUM(subquery.\"__col3\") AS \"id__sum\" FROM (SELECT \"tags\".\"id\" AS "
          "\"__col1\", \"tags\".\"name\" AS \"__col2\", \"tags\".\"id\" AS \"__col3\" FROM "
          "\"tags\" LIMIT 3) subquery");
}

TEST_CASE("query compiler: aggregate over an annotation reads a grouped subquery") {
    Query q = query_of("Tag");
    q.annotations.push_back({"n", Count("posts")});
    CHECK(
        compiler(sqlite).aggregate(q, {Aliased("avg_n", Avg("n"))}).sql ==
        "SELECT AVG(subquery.\"n\") AS \"avg_n\" FROM (SELECT \"tags\".\"id\" AS \"__col1\", "
        "\"tags\".\"name\" AS \"__col2\", COUNT(\"posts_tags\".\"post_id\") AS \"n\" FROM "
        "\"tags\" LEFT OUTER JOIN \"posts_tags\" ON (\"tags\".\"id\" = \"posts_tags\".\"tag_id\") "
        "GROUP BY \"tags\".\"id\", \"tags\".\"name\") subquery");
}

TEST_CASE("query compiler: count and exists, plain and over a subquery") {
    const Query q = filtered("User", {Q{{"posts__title", "t"}}});
    CHECK(compiler(sqlite).count(q).sql ==
          "SELECT COUNT(*) FROM \"users\" INNER JOIN \"posts\" ON (\"users\".\"id\" = "
          "\"posts\".\"author_id\") WHERE \"posts\".\"title\" = ?");
    CHECK(compiler(mysql).exists(q).sql ==
          "SELECT 1 AS `a` FROM `users` INNER JOIN `posts` ON (`users`.`id` = `posts`.`author_id`) "
          "WHERE `posts`.`title` = ? LIMIT 1");
    Query distinct = q;
    distinct.distinct = true;
    CHECK(
        compiler(postgres).count(distinct).sql ==
        "SELECT COUNT(*) FROM (SELECT DISTINCT \"users\".\"id\" AS \"__col1\", \"users\".\"name\" "
        "AS \"__col2\", \"users\".\"age\" AS \"__col3\", \"users\".\"profile_id\" AS \"__col4\" "
        "FROM \"users\" INNER JOIN \"posts\" ON (\"users\".\"id\" = \"posts\".\"author_id\") "
        "WHERE \"posts\".\"title\" = $1) subquery");
    CHECK(compiler(postgres).exists(distinct).sql.ends_with(") subquery LIMIT 1"));
}

TEST_CASE("query compiler: update with F, and by pk subquery when the filter joins") {
    const std::vector<std::pair<std::string, Expr>> set{{"view_count", F("view_count") + 1},
                                                        {"title", Expr("new")}};
    const CompiledSql plain = compiler(postgres).update(filtered("Post", {Q{{"id__gt", 3}}}), set);
    CHECK(plain.sql ==
          "UPDATE \"posts\" SET \"view_count\" = (\"posts\".\"view_count\" + $1), \"title\" = $2 "
          "WHERE \"posts\".\"id\" > $3");
    CHECK(plain.params == std::vector<Value>{Value(1), Value("new"), Value(3)});
    CHECK(compiler(sqlite).update(filtered("Post", {Q{{"author__name", "a"}}}), set).sql ==
          "UPDATE \"posts\" SET \"view_count\" = (\"posts\".\"view_count\" + ?), \"title\" = ? "
          "WHERE \"posts\".\"id\" IN (SELECT \"U0\".\"id\" FROM \"posts\" \"U0\" INNER JOIN "
          "\"users\" \"U1\" ON (\"U0\".\"author_id\" = \"U1\".\"id\") WHERE \"U1\".\"name\" = ?)");
    CHECK_FALSE(mysql.features().update_can_self_select);
    CHECK(sqlite.features().update_can_self_select);
    Query sliced = query_of("Post");
    sliced.limit = 1;
    CHECK_THROWS_AS(compiler(sqlite).update(sliced, set), QueryError);
    CHECK_THROWS_AS(compiler(sqlite).update(query_of("Post"), {{"view_count", F("author__age")}}),
                    QueryError);
    CHECK_THROWS_AS(compiler(sqlite).update(query_of("Post"), {{"tags", Expr(1)}}), QueryError);
}

TEST_CASE("query compiler: primary_keys keeps ordering and slicing") {
    Query q = filtered("Post", {Q{{"title", "t"}}});
    q.limit = 2;
    CHECK(compiler(sqlite).primary_keys(q).sql ==
          "SELECT \"posts\".\"id\" FROM \"posts\" WHERE \"posts\".\"title\" = ? ORDER BY "
          "\"posts\".\"published_at\" DESC LIMIT 2");
}

TEST_CASE("query compiler: annotation aliases are checked") {
    Query q = query_of("Post");
    q.annotations.push_back({"x\" FROM users; --", Count("id")});
    CHECK_THROWS_AS(compiler(sqlite).select(q), QueryError);
    Query clash = query_of("Post");
    clash.annotations.push_back({"title", Count("id")});
    CHECK_THROWS_AS(compiler(sqlite).select(clash), QueryError);
    CHECK_THROWS_AS(compiler(sqlite).aggregate(query_of("Post"), {Aliased("x", F("id"))}),
                    QueryError);
}

TEST_CASE("query compiler: excluding on an aggregate is NOT in HAVING without IS NOT NULL") {
    Query q = query_of("Post");
    q.annotations.push_back({"n", Count("tags")});
    q.filters.push_back(Query::Filter{Q{{"n__gt", 1}}, true});
    CHECK(compiler(sqlite).select(q).sql.ends_with(
        " HAVING NOT (COUNT(\"posts_tags\".\"tag_id\") > ?)"));
}

TEST_CASE("query compiler: a condition against an aggregate annotation by F is HAVING") {
    Query q = query_of("User");
    q.annotations.push_back({"n", Count("posts")});
    q.filters.push_back(Query::Filter{Q{{"age__lt", F("n")}}, false});
    CHECK(compiler(sqlite).select(q).sql.ends_with(
        " HAVING \"users\".\"age\" < COUNT(\"posts\".\"id\")"));
    CHECK_THROWS_AS(compiler(sqlite).select(filtered("User", {Q{{"age__lt", Count("posts")}}})),
                    QueryError);
}
