// Golden SQL of joins: forward, reverse and many-to-many paths, the sticky
// reuse of multi-valued joins within one filter() call, LEFT OUTER joins
// where Django promotes them, exclude() across multi-valued relations as a
// subquery, select_related and ordering across relations.
#include "query_compiler_support.h"

using namespace covet;
using namespace covet::compiler_test;

namespace {

const std::string kUserColumns =
    "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"age\", \"users\".\"profile_id\" "
    "FROM \"users\"";
const std::string kPostColumns =
    "SELECT \"posts\".\"id\", \"posts\".\"title\", \"posts\".\"author_id\", "
    "\"posts\".\"view_count\", \"posts\".\"rating\", \"posts\".\"published_at\" FROM \"posts\"";
const std::string kDefaultOrder = " ORDER BY \"posts\".\"published_at\" DESC";
const std::string kJoinPosts =
    " INNER JOIN \"posts\" ON (\"users\".\"id\" = \"posts\".\"author_id\")";

}  // namespace

TEST_CASE("query compiler: a forward ForeignKey path is an INNER JOIN") {
    check_select(filtered("Post", {Q{{"author__name", "ann"}}}),
                 kPostColumns +
                     " INNER JOIN \"users\" ON (\"posts\".\"author_id\" = \"users\".\"id\") WHERE "
                     "\"users\".\"name\" = ?" +
                     kDefaultOrder,
                 {Value("ann")});
}

TEST_CASE("query compiler: conditions of one filter call share the reverse join") {
    check_select(filtered("User", {Q{{"posts__title", "a"}, {"posts__view_count__gt", 3}}}),
                 kUserColumns + kJoinPosts +
                     " WHERE (\"posts\".\"title\" = ? AND \"posts\".\"view_count\" > ?)",
                 {Value("a"), Value(3)});
}

TEST_CASE("query compiler: separate filter calls join a multi-valued relation again") {
    check_select(
        filtered("User", {Q{{"posts__title", "a"}}, Q{{"posts__view_count__gt", 3}}}),
        kUserColumns + kJoinPosts +
            " INNER JOIN \"posts\" \"T3\" ON (\"users\".\"id\" = \"T3\".\"author_id\") WHERE "
            "(\"posts\".\"title\" = ? AND \"T3\".\"view_count\" > ?)",
        {Value("a"), Value(3)});
}

TEST_CASE("query compiler: separate filter calls reuse a single-valued join") {
    check_select(filtered("Post", {Q{{"author__name", "a"}}, Q{{"author__age", 3}}}),
                 kPostColumns +
                     " INNER JOIN \"users\" ON (\"posts\".\"author_id\" = \"users\".\"id\") WHERE "
                     "(\"users\".\"name\" = ? AND \"users\".\"age\" = ?)" +
                     kDefaultOrder,
                 {Value("a"), Value(3)});
}

TEST_CASE("query compiler: many-to-many paths go through the through table both ways") {
    check_select(
        filtered("Post", {Q{{"tags__name", "c"}}}),
        kPostColumns +
            " INNER JOIN \"posts_tags\" ON (\"posts\".\"id\" = \"posts_tags\".\"post_id\") "
            "INNER JOIN \"tags\" ON (\"posts_tags\".\"tag_id\" = \"tags\".\"id\") WHERE "
            "\"tags\".\"name\" = ?" +
            kDefaultOrder,
        {Value("c")});
    check_select(
        filtered("Post", {Q{{"tags", 7}}}),
        kPostColumns +
            " INNER JOIN \"posts_tags\" ON (\"posts\".\"id\" = \"posts_tags\".\"post_id\") "
            "WHERE \"posts_tags\".\"tag_id\" = ?" +
            kDefaultOrder,
        {Value(7)});
    check_select(
        filtered("Tag", {Q{{"posts__title", "t"}}}),
        "SELECT \"tags\".\"id\", \"tags\".\"name\" FROM \"tags\" INNER JOIN \"posts_tags\" "
        "ON (\"tags\".\"id\" = \"posts_tags\".\"tag_id\") INNER JOIN \"posts\" ON "
        "(\"posts_tags\".\"post_id\" = \"posts\".\"id\") WHERE \"posts\".\"title\" = ?",
        {Value("t")});
}

TEST_CASE("query compiler: self many-to-many from both ends") {
    check_select(
        filtered("Person", {Q{{"friends__name", "x"}, {"followers__name", "y"}}}),
        "SELECT \"people\".\"id\", \"people\".\"name\" FROM \"people\" INNER JOIN "
        "\"people_friends\" ON (\"people\".\"id\" = \"people_friends\".\"from_person_id\") "
        "INNER JOIN \"people\" \"T3\" ON (\"people_friends\".\"to_person_id\" = "
        "\"T3\".\"id\") INNER JOIN \"people_follows\" ON (\"people\".\"id\" = "
        "\"people_follows\".\"to_person_id\") INNER JOIN \"people\" \"T5\" ON "
        "(\"people_follows\".\"from_person_id\" = \"T5\".\"id\") WHERE (\"T3\".\"name\" = "
        "? AND \"T5\".\"name\" = ?)",
        {Value("x"), Value("y")});
}

TEST_CASE("query compiler: OR promotes the join only one branch needs to LEFT OUTER") {
    check_select(filtered("User", {Q{{"posts__title", "a"}} | Q{{"name", "b"}}}),
                 kUserColumns +
                     " LEFT OUTER JOIN \"posts\" ON (\"users\".\"id\" = \"posts\".\"author_id\") "
                     "WHERE (\"posts\".\"title\" = ? OR \"users\".\"name\" = ?)",
                 {Value("a"), Value("b")});
    // Every post has an author: its join stays INNER (Django's promote_joins).
    check_select(filtered("Post", {Q{{"author__name", "a"}} | Q{{"title", "b"}}}),
                 kPostColumns +
                     " INNER JOIN \"users\" ON (\"posts\".\"author_id\" = \"users\".\"id\") "
                     "WHERE (\"users\".\"name\" = ? OR \"posts\".\"title\" = ?)" +
                     kDefaultOrder,
                 {Value("a"), Value("b")});
    // The nullable join under an OR stays outer though an AND needs its parent.
    check_select(
        filtered("Post", {(Q{{"author__profile__bio", "a"}} | Q{{"title", "t"}}) &
                          Q{{"author__name", "n"}}}),
        kPostColumns +
            " INNER JOIN \"users\" ON (\"posts\".\"author_id\" = \"users\".\"id\") LEFT OUTER "
            "JOIN \"profiles\" ON (\"users\".\"profile_id\" = \"profiles\".\"id\") WHERE "
            "(\"users\".\"name\" = ? AND (\"profiles\".\"bio\" = ? OR \"posts\".\"title\" = ?))" +
            kDefaultOrder,
        {Value("n"), Value("a"), Value("t")});
    // A nullable key is LEFT OUTER until a condition needs a partner.
    check_select(filtered("User", {Q{{"profile__bio__isnull", true}}}),
                 kUserColumns +
                     " LEFT OUTER JOIN \"profiles\" ON (\"users\".\"profile_id\" = "
                     "\"profiles\".\"id\") WHERE \"profiles\".\"bio\" IS NULL");
    check_select(filtered("User", {Q{{"profile__bio", "b"}}}),
                 kUserColumns +
                     " INNER JOIN \"profiles\" ON (\"users\".\"profile_id\" = \"profiles\".\"id\") "
                     "WHERE \"profiles\".\"bio\" = ?",
                 {Value("b")});
}

TEST_CASE("query compiler: exclude across a multi-valued relation is NOT pk IN a subquery") {
    Query q = query_of("Post");
    q.filters.push_back(Query::Filter{Q{{"tags__name", "c"}}, true});
    check_select(
        q,
        kPostColumns +
            " WHERE NOT (\"posts\".\"id\" IN (SELECT \"U0\".\"id\" FROM \"posts\" \"U0\" "
            "INNER JOIN \"posts_tags\" \"U1\" ON (\"U0\".\"id\" = \"U1\".\"post_id\") INNER "
            "JOIN \"tags\" \"U2\" ON (\"U1\".\"tag_id\" = \"U2\".\"id\") WHERE "
            "\"U2\".\"name\" = ?))" +
            kDefaultOrder,
        {Value("c")});
    Query reverse = query_of("User");
    reverse.filters.push_back(Query::Filter{Q{{"age", 3}} & ~Q{{"posts__title", "t"}}, false});
    check_select(reverse,
                 kUserColumns +
                     " WHERE (\"users\".\"age\" = ? AND NOT (\"users\".\"id\" IN (SELECT "
                     "\"U0\".\"id\" FROM \"users\" \"U0\" INNER JOIN \"posts\" \"U1\" ON "
                     "(\"U0\".\"id\" = \"U1\".\"author_id\") WHERE \"U1\".\"title\" = ?)))",
                 {Value(3), Value("t")});
}

TEST_CASE("query compiler: a negated OR keeps the nullable pair in parentheses") {
    Query q = query_of("User");
    q.filters.push_back(Query::Filter{Q{{"profile__bio", "a"}} | Q{{"name", "b"}}, true});
    check_select(q,
                 kUserColumns +
                     " LEFT OUTER JOIN \"profiles\" ON (\"users\".\"profile_id\" = "
                     "\"profiles\".\"id\") WHERE NOT ((\"profiles\".\"bio\" = ? AND "
                     "\"profiles\".\"bio\" IS NOT NULL) OR \"users\".\"name\" = ?)",
                 {Value("a"), Value("b")});
}

TEST_CASE("query compiler: exclude across a single-valued relation joins") {
    Query q = query_of("Post");
    q.filters.push_back(Query::Filter{Q{{"author__age", 3}}, true});
    check_select(q,
                 kPostColumns +
                     " INNER JOIN \"users\" ON (\"posts\".\"author_id\" = \"users\".\"id\") WHERE "
                     "NOT (\"users\".\"age\" = ? AND \"users\".\"age\" IS NOT NULL)" +
                     kDefaultOrder,
                 {Value(3)});
}

TEST_CASE("query compiler: select_related joins and reads the related columns") {
    Query q = query_of("Comment");
    q.select_related = {"post__author__profile"};
    const CompiledSelect s = compiler(sqlite).select(q);
    CHECK(s.sql ==
          "SELECT \"comments\".\"id\", \"comments\".\"post_id\", \"comments\".\"author_id\", "
          "\"comments\".\"text\", \"comments\".\"day\", \"posts\".\"id\", \"posts\".\"title\", "
          "\"posts\".\"author_id\", \"posts\".\"view_count\", \"posts\".\"rating\", "
          "\"posts\".\"published_at\", \"users\".\"id\", \"users\".\"name\", \"users\".\"age\", "
          "\"users\".\"profile_id\", \"profiles\".\"id\", \"profiles\".\"bio\" FROM \"comments\" "
          "INNER JOIN \"posts\" ON (\"comments\".\"post_id\" = \"posts\".\"id\") INNER JOIN "
          "\"users\" ON (\"posts\".\"author_id\" = \"users\".\"id\") LEFT OUTER JOIN "
          "\"profiles\" ON (\"users\".\"profile_id\" = \"profiles\".\"id\")");
    REQUIRE(s.columns.size() == 17);
    CHECK(s.columns[4].relation_path.empty());
    CHECK(s.columns[5].relation_path == "post");
    CHECK(s.columns[5].model->name == "Post");
    CHECK(s.columns[11].relation_path == "post__author");
    CHECK(s.columns[16].relation_path == "post__author__profile");
    CHECK(s.columns[16].field->name == "bio");
    q.select_related = {"tags"};
    CHECK_THROWS_AS(compiler(sqlite).select(q), QueryError);
}

TEST_CASE("query compiler: ordering across a relation, reversed, random, with slicing") {
    Query q = query_of("Comment");
    q.ordering = {"post__title", "-id"};
    q.ordering_set = true;
    q.reversed = true;
    q.limit = 5;
    q.offset = 10;
    const std::string sql =
        "SELECT \"comments\".\"id\", \"comments\".\"post_id\", \"comments\".\"author_id\", "
        "\"comments\".\"text\", \"comments\".\"day\" FROM \"comments\" INNER JOIN \"posts\" ON "
        "(\"comments\".\"post_id\" = \"posts\".\"id\") ORDER BY \"posts\".\"title\" DESC, "
        "\"comments\".\"id\" ASC LIMIT 5 OFFSET 10";
    check_select(q, sql);
    q.ordering = {"?"};
    q.limit.reset();
    CHECK(compiler(sqlite).select(q).sql.ends_with(" ORDER BY RANDOM() LIMIT -1 OFFSET 10"));
    CHECK(compiler(postgres).select(q).sql.ends_with(" ORDER BY RANDOM() OFFSET 10"));
    CHECK(compiler(mysql).select(q).sql.ends_with(
        " ORDER BY RAND() LIMIT 18446744073709551615 OFFSET 10"));
    Query none = query_of("Post");
    none.ordering_set = true;
    check_select(none, kPostColumns);
}

TEST_CASE("query compiler: values across relations, only and defer keep the pk") {
    Query q = query_of("Post");
    q.shape = Query::Shape::Values;
    q.value_fields = {"title", "author__name", "author"};
    q.ordering_set = true;
    const CompiledSelect s = compiler(sqlite).select(q);
    CHECK(s.sql ==
          "SELECT \"posts\".\"title\", \"users\".\"name\", \"posts\".\"author_id\" FROM \"posts\" "
          "INNER JOIN \"users\" ON (\"posts\".\"author_id\" = \"users\".\"id\")");
    REQUIRE(s.columns.size() == 3);
    CHECK(s.columns[1].name == "author__name");
    CHECK(s.columns[1].kind == SelectColumn::Kind::Value);
    Query only = query_of("Post");
    only.only = {"title"};
    only.ordering_set = true;
    check_select(only, "SELECT \"posts\".\"id\", \"posts\".\"title\" FROM \"posts\"");
    Query defer = query_of("User");
    defer.defer = {"age", "id"};
    check_select(defer,
                 "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"profile_id\" "
                 "FROM \"users\"");
}

TEST_CASE("query compiler: an explicit through model joins through its foreign keys") {
    ProjectState state;
    apply_forwards(parse_migration_file("club/0001_initial.yaml", R"Y(operations:
  - create_table:
      table: members
      model: Member
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50)
  - create_table:
      table: clubs
      model: Club
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=50)
  - create_table:
      table: memberships
      model: Membership
      fields:
        id: AutoField(primary_key=True)
        person: ForeignKey(members, on_delete=CASCADE)
        club: ForeignKey(clubs, on_delete=CASCADE)
  - add_column:
      table: clubs
      column: members
      field: ManyToManyField(members, through=memberships, related_name=clubs)
)Y",
                                        "club"),
                   state);
    Query q;
    q.model = state.find_model("Club");
    REQUIRE(q.model);
    q.filters.push_back(Query::Filter{Q{{"members__name", "m"}}, false});
    CHECK(QueryCompiler(state, sqlite).select(q).sql ==
          "SELECT \"clubs\".\"id\", \"clubs\".\"name\" FROM \"clubs\" INNER JOIN \"memberships\" "
          "ON (\"clubs\".\"id\" = \"memberships\".\"club_id\") INNER JOIN \"members\" ON "
          "(\"memberships\".\"person_id\" = \"members\".\"id\") WHERE \"members\".\"name\" = ?");
    Query back;
    back.model = state.find_model("Member");
    back.filters.push_back(Query::Filter{Q{{"clubs", 4}}, false});
    CHECK(QueryCompiler(state, sqlite).select(back).sql ==
          "SELECT \"members\".\"id\", \"members\".\"name\" FROM \"members\" INNER JOIN "
          "\"memberships\" ON (\"members\".\"id\" = \"memberships\".\"person_id\") WHERE "
          "\"memberships\".\"club_id\" = ?");
}

TEST_CASE("query compiler: ordering by a relation uses its model's ordering") {
    Query q = query_of("Comment");
    q.ordering = {"-post", "author"};
    q.ordering_set = true;
    check_select(
        q,
        "SELECT \"comments\".\"id\", \"comments\".\"post_id\", \"comments\".\"author_id\", "
        "\"comments\".\"text\", \"comments\".\"day\" FROM \"comments\" INNER JOIN \"posts\" "
        "ON (\"comments\".\"post_id\" = \"posts\".\"id\") ORDER BY "
        "\"posts\".\"published_at\" ASC, \"comments\".\"author_id\" ASC");
}

TEST_CASE("query compiler: DISTINCT selects the terms it orders by after the columns") {
    Query q = query_of("Tag");
    q.distinct = true;
    q.ordering = {"posts__title"};
    q.ordering_set = true;
    const CompiledSelect s = compiler(postgres).select(q);
    CHECK(s.sql ==
          "SELECT DISTINCT \"tags\".\"id\", \"tags\".\"name\", \"posts\".\"title\" FROM \"tags\" "
          "LEFT OUTER JOIN \"posts_tags\" ON (\"tags\".\"id\" = \"posts_tags\".\"tag_id\") LEFT "
          "OUTER JOIN \"posts\" ON (\"posts_tags\".\"post_id\" = \"posts\".\"id\") ORDER BY "
          "\"posts\".\"title\" ASC");
    CHECK(s.columns.size() == 2);
}

TEST_CASE("query compiler: one exclude with two multi-valued conditions has a subquery each") {
    Query q = query_of("User");
    q.filters.push_back(Query::Filter{Q{{"posts__title", "a"}, {"posts__view_count", 5}}, true});
    check_select(q,
                 kUserColumns +
                     " WHERE NOT (\"users\".\"id\" IN (SELECT \"U0\".\"id\" FROM \"users\" \"U0\" "
                     "INNER JOIN \"posts\" \"U1\" ON (\"U0\".\"id\" = \"U1\".\"author_id\") WHERE "
                     "\"U1\".\"title\" = ?) AND \"users\".\"id\" IN (SELECT \"U0\".\"id\" FROM "
                     "\"users\" \"U0\" INNER JOIN \"posts\" \"U1\" ON (\"U0\".\"id\" = "
                     "\"U1\".\"author_id\") WHERE \"U1\".\"view_count\" = ?))",
                 {Value("a"), Value(5)});
}
