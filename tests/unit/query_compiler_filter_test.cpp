// Golden SQL of filters: fields, lookups, Q trees, F, NULL negation.
#include "query_compiler_support.h"

using namespace covet;
using namespace covet::compiler_test;

namespace {

const std::string kPostColumns =
    "SELECT \"posts\".\"id\", \"posts\".\"title\", \"posts\".\"author_id\", "
    "\"posts\".\"view_count\", \"posts\".\"rating\", \"posts\".\"published_at\" FROM \"posts\"";
const std::string kDefaultOrder = " ORDER BY \"posts\".\"published_at\" DESC";

}  // namespace

TEST_CASE("query compiler: all records in the model's default ordering") {
    check_select(query_of("Post"), kPostColumns + kDefaultOrder);
}

TEST_CASE("query compiler: one filter call of field lookups is one parenthesised AND") {
    check_select(filtered("Post", {Q{{"title", "a"}, {"view_count__gte", 3}}}),
                 kPostColumns +
                     " WHERE (\"posts\".\"title\" = ? AND \"posts\".\"view_count\" >= ?)" +
                     kDefaultOrder,
                 {Value("a"), Value(3)});
}

TEST_CASE("query compiler: pk, in, range, gt, lt, lte and isnull lookups") {
    const Query q = filtered("Post", {Q{{"pk__in", {1, 2}},
                                        {"view_count__range", {5, 9}},
                                        {"id__gt", 0},
                                        {"id__lt", 100},
                                        {"id__lte", 99},
                                        {"rating__isnull", false}}});
    check_select(q,
                 kPostColumns +
                     " WHERE (\"posts\".\"id\" IN (?, ?) AND \"posts\".\"view_count\" BETWEEN ? "
                     "AND ? AND \"posts\".\"id\" > ? AND \"posts\".\"id\" < ? AND "
                     "\"posts\".\"id\" <= ? AND \"posts\".\"rating\" IS NOT NULL)" +
                     kDefaultOrder,
                 {Value(1), Value(2), Value(5), Value(9), Value(0), Value(100), Value(99)});
}

TEST_CASE("query compiler: exact None is IS NULL and an empty in matches nothing") {
    check_select(filtered("Post", {Q{{"rating", nullptr}}}),
                 kPostColumns + " WHERE \"posts\".\"rating\" IS NULL" + kDefaultOrder);
    check_select(filtered("Post", {Q{{"id__in", std::vector<Value>{}}}}),
                 kPostColumns + " WHERE 0 = 1" + kDefaultOrder);
}

TEST_CASE("query compiler: a relation compares its key without a join") {
    check_select(filtered("Post", {Q{{"author", 5}}}),
                 kPostColumns + " WHERE \"posts\".\"author_id\" = ?" + kDefaultOrder, {Value(5)});
    check_select(filtered("Post", {Q{{"author__in", {1, 2}}}}),
                 kPostColumns + " WHERE \"posts\".\"author_id\" IN (?, ?)" + kDefaultOrder,
                 {Value(1), Value(2)});
    check_select(filtered("Post", {Q{{"author_id", 5}}}),
                 kPostColumns + " WHERE \"posts\".\"author_id\" = ?" + kDefaultOrder, {Value(5)});
    check_select(filtered("Post", {Q{{"author__id", 5}}}),
                 kPostColumns + " WHERE \"posts\".\"author_id\" = ?" + kDefaultOrder, {Value(5)});
}

TEST_CASE("query compiler: Q trees with OR, NOT and nesting") {
    const Q tree = (Q{{"title", "a"}} | Q{{"title", "b"}}) & ~Q{{"view_count__lt", 3}};
    check_select(filtered("Post", {tree}),
                 kPostColumns +
                     " WHERE ((\"posts\".\"title\" = ? OR \"posts\".\"title\" = ?) AND NOT "
                     "(\"posts\".\"view_count\" < ?))" +
                     kDefaultOrder,
                 {Value("a"), Value("b"), Value(3)});
}

TEST_CASE("query compiler: negation over a nullable column keeps the NULL rows") {
    Query q = query_of("Post");
    q.filters.push_back(Query::Filter{Q{{"rating__gt", 2}}, true});
    check_select(q,
                 kPostColumns +
                     " WHERE NOT (\"posts\".\"rating\" > ? AND \"posts\".\"rating\" IS NOT "
                     "NULL)" +
                     kDefaultOrder,
                 {Value(Decimal(2))});  // a DecimalField's value, as Django's get_prep_value
    Query not_null = query_of("Post");
    not_null.filters.push_back(Query::Filter{Q{{"view_count__gt", 2}}, true});
    check_select(not_null,
                 kPostColumns + " WHERE NOT (\"posts\".\"view_count\" > ?)" + kDefaultOrder,
                 {Value(2)});
}

TEST_CASE("query compiler: F expressions and arithmetic on the right-hand side") {
    check_select(filtered("Post", {Q{{"view_count__gt", F("id") * 2 + 1}}}),
                 kPostColumns + " WHERE \"posts\".\"view_count\" > ((\"posts\".\"id\" * ?) + ?)" +
                     kDefaultOrder,
                 {Value(2), Value(1)});
}

TEST_CASE("query compiler: date transforms chain with lookups") {
    const Query q = filtered("Comment", {Q{{"day__year__gte", 2020}, {"day__month", 2}}});
    const std::string where_sqlite =
        " WHERE (CAST(strftime('%Y', \"comments\".\"day\") AS INTEGER) >= ? AND "
        "CAST(strftime('%m', \"comments\".\"day\") AS INTEGER) = ?)";
    CHECK(compiler(sqlite).select(q).sql.ends_with(where_sqlite));
    CHECK(compiler(postgres).select(q).sql.ends_with(
        " WHERE (EXTRACT(YEAR FROM \"comments\".\"day\") >= $1 AND EXTRACT(MONTH FROM "
        "\"comments\".\"day\") = $2)"));
    const Query by_date = filtered("Post", {Q{{"published_at__date", "2024-01-02"}}});
    CHECK(compiler(postgres).select(by_date).sql.find(
              "WHERE (\"posts\".\"published_at\")::date = $1") != std::string::npos);
    CHECK(compiler(mysql).select(by_date).sql.find("WHERE DATE(`posts`.`published_at`) = ?") !=
          std::string::npos);
    CHECK(compiler(sqlite).select(by_date).sql.find("WHERE date(\"posts\".\"published_at\") = ?") !=
          std::string::npos);
}

TEST_CASE("query compiler: an unknown field names the valid choices") {
    const auto c = compiler(sqlite);
    CHECK_THROWS_WITH(c.select(filtered("Post", {Q{{"titel", "a"}}})),
                      "Cannot resolve keyword 'titel' into field. Choices are: author, author_id, "
                      "comment, id, published_at, rating, tags, title, view_count (did you mean "
                      "'title'?)");
    CHECK_THROWS_WITH(c.select(filtered("Post", {Q{{"author__nme", "a"}}})),
                      "Cannot resolve keyword 'nme' into field. Choices are: age, comments, id, "
                      "name, posts, profile, profile_id (did you mean 'name'?)");
    CHECK_THROWS_WITH(c.select(filtered("Post", {Q{{"title__foo", "a"}}})),
                      "Unsupported lookup 'foo' for CharField 'title'. Choices are: contains, "
                      "endswith, exact, gt, gte, icontains, iendswith, iexact, in, iregex, "
                      "isnull, istartswith, lt, lte, range, regex, startswith");
    CHECK_THROWS_WITH(c.select(filtered("Post", {Q{{"author__foo", 1}}})),
                      "Cannot resolve keyword 'foo' into field. Choices are: age, comments, id, "
                      "name, posts, profile, profile_id");
    CHECK_THROWS_WITH(c.select(filtered("Post", {Q{{"published_at__yaer", 1}}})),
                      Catch::Contains("Choices are: contains, date, day, endswith") &&
                          Catch::EndsWith("(did you mean 'year'?)"));
    Query annotated = query_of("Post");
    annotated.annotations.push_back({"n", Count("id")});
    annotated.filters.push_back(Query::Filter{Q{{"zz", 1}}, false});
    CHECK_THROWS_WITH(c.select(annotated), Catch::Contains("id, n, published_at"));
    CHECK_THROWS_AS(c.select(filtered("Post", {Q{{"title__year", 1}}})), QueryError);
    CHECK_THROWS_AS(c.select(filtered("Post", {Q{{"title__gt", nullptr}}})), QueryError);
}
