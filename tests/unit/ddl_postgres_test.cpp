#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/loader.h"
#include "ddl_harness.h"
#include "migrate/recorder_models.h"
#include "postgres/postgres_dialect.h"
#include "schema/identifier_names.h"
#include "sqlite/sqlite_dialect.h"

using namespace covet;
using namespace covet::ddl_test;

namespace {

const PostgresDialect dialect;

Ddl run_on(ProjectState& state, const Operation& op) {
    return run(dialect, op, state);
}

const std::string kDeferred = " DEFERRABLE INITIALLY DEFERRED";
const std::string kPostsTable =
    "CREATE TABLE \"posts\" (\"id\" serial NOT NULL PRIMARY KEY, \"title\" varchar(200) NOT "
    "NULL, \"author_id\" integer NOT NULL)";
const std::string kAuthorKey =
    "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_fk_users_id\" FOREIGN KEY "
    "(\"author_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE" +
    kDeferred;
const std::string kAuthorIndex =
    "CREATE INDEX \"posts_author_id_idx\" ON \"posts\" (\"author_id\")";
const Statements kPostsTags = {
    "CREATE TABLE \"posts_tags\" (\"id\" serial NOT NULL PRIMARY KEY, \"post_id\" integer NOT "
    "NULL, \"tag_id\" integer NOT NULL, CONSTRAINT \"posts_tags_post_id_tag_id_uniq\" UNIQUE "
    "(\"post_id\", \"tag_id\"))",
    "ALTER TABLE \"posts_tags\" ADD CONSTRAINT \"posts_tags_post_id_fk_posts_id\" FOREIGN KEY "
    "(\"post_id\") REFERENCES \"posts\" (\"id\") ON DELETE CASCADE" +
        kDeferred,
    "ALTER TABLE \"posts_tags\" ADD CONSTRAINT \"posts_tags_tag_id_fk_tags_id\" FOREIGN KEY "
    "(\"tag_id\") REFERENCES \"tags\" (\"id\") ON DELETE CASCADE" +
        kDeferred,
    "CREATE INDEX \"posts_tags_post_id_idx\" ON \"posts_tags\" (\"post_id\")",
    "CREATE INDEX \"posts_tags_tag_id_idx\" ON \"posts_tags\" (\"tag_id\")"};

Statements concat(Statements a, const Statements& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// The guard before title (varchar) becomes varchar(200) again.
const std::string kTitleGuard200 =
    std::string(kGuardMarker) +
    "\nSELECT 'cannot narrow posts.title to varchar(200): a row holds a value of ', longest, ' "
    "characters' FROM (SELECT max(char_length(CAST(\"title\" AS text))) AS longest FROM "
    "\"posts\") AS covet_longest WHERE longest > 200";

}  // namespace

TEST_CASE("postgres dialect quotes names and values for DDL", "[ddl][postgres]") {
    CHECK(dialect.name() == "postgresql");
    CHECK(dialect.quote_name("users") == "\"users\"");
    CHECK(dialect.quote_name("we\"ird") == "\"we\"\"ird\"");
    CHECK(dialect.quote_value(Value()) == "NULL");
    CHECK(dialect.quote_value(Value(42)) == "42");
    CHECK(dialect.quote_value(Value(0.25)) == "0.25");
    CHECK(dialect.quote_value(Value(true)) == "TRUE");
    CHECK(dialect.quote_value(Value(false)) == "FALSE");
    CHECK(dialect.quote_value(Value("it's")) == "'it''s'");
    CHECK(dialect.quote_value(Value("back\\slash")) == "'back\\slash'");
    CHECK(dialect.quote_value(Value(Bytes{{0x00, 0xab, 0x10}})) == "'\\x00ab10'::bytea");
    CHECK(dialect.placeholder(1) == "$1");
    CHECK(dialect.placeholder(12) == "$12");
}

TEST_CASE("postgres dialect features allow transactional DDL and deferrable keys",
          "[ddl][postgres]") {
    CHECK(dialect.features().can_rollback_ddl);
    CHECK(dialect.features().supports_partial_indexes);
    CHECK(dialect.features().supports_deferrable_foreign_keys);
    CHECK(dialect.features().max_identifier_length == 63);
}

TEST_CASE("postgres history table has the columns of SPEC section 4", "[ddl][postgres]") {
    CHECK(own_table_ddl(dialect, history_model()) ==
          Statements{"CREATE TABLE \"covet_migrations\" (\"id\" serial NOT NULL PRIMARY KEY, "
                     "\"name\" varchar(255) NOT NULL, \"app\" varchar(255) NOT NULL, "
                     "\"applied_at\" timestamp with time zone NOT NULL, \"checksum\" "
                     "varchar(32) NOT NULL, CONSTRAINT \"covet_migrations_name_app_uniq\" UNIQUE "
                     "(\"name\", \"app\"))"});
}

TEST_CASE("postgres journal table takes the history table's id column", "[ddl][postgres]") {
    CHECK(own_table_ddl(dialect, journal_model()) ==
          Statements{"CREATE TABLE \"covet_migrations_journal\" (\"id\" serial NOT NULL "
                     "PRIMARY KEY, \"app\" varchar(255) NOT NULL, \"name\" varchar(255) NOT "
                     "NULL, \"backwards\" integer NOT NULL, \"operation\" integer NOT NULL, "
                     "\"kind\" integer NOT NULL, \"seq\" integer NOT NULL, \"statement\" text "
                     "NOT NULL, \"done\" integer NOT NULL)"});
}

TEST_CASE("generated names longer than the identifier limit are cut and hashed",
          "[ddl][postgres]") {
    const std::string table = "a_really_long_table_name_for_testing_identifier_limits";
    // md5("<table>_author_id_fk_users_id") starts with 12e4a4e1.
    CHECK(foreign_key_name(table, "author_id", "users", "id", 63) == table + "_12e4a4e1");
    CHECK(foreign_key_name(table, "author_id", "users", "id", 64) == table + "__12e4a4e1");
    CHECK(index_name(table, {"author_id"}, 63) == table + "_bb82fa9d");
    CHECK(index_name(table, {"author_id"}, 63).size() == 63);
    CHECK(index_name("posts", {"a", "b"}, 63) == "posts_a_b_idx");
    CHECK(unique_name("posts", {"title", "author_id"}, 63) == "posts_title_author_id_uniq");
    CHECK(foreign_key_name("posts", "author_id", "users", "id", 63) ==
          "posts_author_id_fk_users_id");
    const std::string exactly_63(63, 'x');
    CHECK(fit_identifier(exactly_63, 63) == exactly_63);
    CHECK(fit_identifier(exactly_63 + "y", 63).size() == 63);
    CHECK(fit_identifier(exactly_63 + "y", 63) != fit_identifier(exactly_63 + "z", 63));
}

TEST_CASE("postgres create_table uses hashed names for long tables", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    const std::string table = "a_really_long_table_name_for_testing_identifier_limits";
    auto ddl = run_on(state, *create_table(table, {{"author",
                                                    "ForeignKey(users, "
                                                    "on_delete=CASCADE)"}}));
    CHECK(
        ddl.forwards ==
        Statements{"CREATE TABLE \"" + table +
                       "\" (\"id\" serial NOT NULL PRIMARY KEY, \"author_id\" integer NOT NULL)",
                   "ALTER TABLE \"" + table + "\" ADD CONSTRAINT \"" + table +
                       "_12e4a4e1\" FOREIGN KEY (\"author_id\") REFERENCES \"users\" (\"id\") "
                       "ON DELETE CASCADE" +
                       kDeferred,
                   "CREATE INDEX \"" + table + "_bb82fa9d\" ON \"" + table + "\" (\"author_id\")"});
}

TEST_CASE("postgres create_table writes every field type's column type", "[ddl][postgres]") {
    ProjectState state;
    auto ddl = run_on(
        state,
        *create_table("everything", {{"key", "BigAutoField(primary_key=True)"},
                                     {"i", "IntegerField()"},
                                     {"bi", "BigIntegerField()"},
                                     {"si", "SmallIntegerField()"},
                                     {"f", "FloatField()"},
                                     {"dec", "DecimalField(max_digits=10, decimal_places=2)"},
                                     {"c", "CharField(max_length=30)"},
                                     {"t", "TextField()"},
                                     {"e", "EmailField()"},
                                     {"u", "URLField(max_length=500)"},
                                     {"b", "BooleanField()"},
                                     {"d", "DateField()"},
                                     {"tm", "TimeField()"},
                                     {"dt", "DateTimeField(null=True)"},
                                     {"uu", "UUIDField()"},
                                     {"j", "JSONField()"},
                                     {"bin", "BinaryField()"}}));
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"everything\" (\"key\" bigserial NOT NULL PRIMARY KEY, \"i\" "
                     "integer NOT NULL, \"bi\" bigint NOT NULL, \"si\" smallint NOT NULL, \"f\" "
                     "double precision NOT NULL, \"dec\" numeric(10, 2) NOT NULL, \"c\" "
                     "varchar(30) NOT NULL, \"t\" text NOT NULL, \"e\" varchar(254) NOT NULL, "
                     "\"u\" varchar(500) NOT NULL, \"b\" boolean NOT NULL, \"d\" date NOT NULL, "
                     "\"tm\" time NOT NULL, \"dt\" timestamp with time zone NULL, \"uu\" uuid NOT "
                     "NULL, \"j\" jsonb NOT NULL, \"bin\" bytea NOT NULL)"});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"everything\""});
}

TEST_CASE("postgres create_table writes defaults as literals", "[ddl][postgres]") {
    ProjectState state;
    auto ddl = run_on(state, *create_table("settings", {{"flag", "BooleanField(default=True)"},
                                                        {"off", "BooleanField(default=0)"},
                                                        {"label",
                                                         "CharField(max_length=10, "
                                                         "default=\"it's\")"},
                                                        {"code",
                                                         "CharField(max_length=8, "
                                                         "primary_key=True)"}}));
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"settings\" (\"flag\" boolean DEFAULT TRUE NOT NULL, \"off\" "
                     "boolean DEFAULT FALSE NOT NULL, \"label\" varchar(10) DEFAULT 'it''s' NOT "
                     "NULL, \"code\" varchar(8) NOT NULL PRIMARY KEY)"});
}

TEST_CASE(
    "postgres create_table adds foreign keys as deferrable constraints with each "
    "on_delete rule",
    "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl =
        run_on(state, *create_table("audits", {{"a", "ForeignKey(users, on_delete=CASCADE)"},
                                               {"b",
                                                "ForeignKey(users, on_delete=SET_NULL, "
                                                "null=True)"},
                                               {"c", "ForeignKey(users, on_delete=PROTECT)"},
                                               {"r", "ForeignKey(users, on_delete=RESTRICT)"},
                                               {"s",
                                                "ForeignKey(users, on_delete=SET_DEFAULT, "
                                                "default=1)"},
                                               {"n", "ForeignKey(users, on_delete=DO_NOTHING)"}}));
    auto key = [](const std::string& column, const std::string& rule) {
        return "ALTER TABLE \"audits\" ADD CONSTRAINT \"audits_" + column +
               "_fk_users_id\" FOREIGN KEY (\"" + column + "\") REFERENCES \"users\" (\"id\")" +
               rule + kDeferred;
    };
    auto index = [](const std::string& column) {
        return "CREATE INDEX \"audits_" + column + "_idx\" ON \"audits\" (\"" + column + "\")";
    };
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"audits\" (\"id\" serial NOT NULL PRIMARY KEY, \"a_id\" "
                     "integer NOT NULL, \"b_id\" integer NULL, \"c_id\" integer NOT NULL, "
                     "\"r_id\" integer NOT NULL, \"s_id\" integer DEFAULT 1 NOT NULL, \"n_id\" "
                     "integer NOT NULL)",
                     key("a_id", " ON DELETE CASCADE"), key("b_id", " ON DELETE SET NULL"),
                     key("c_id", " ON DELETE RESTRICT"), key("r_id", " ON DELETE RESTRICT"),
                     key("s_id", " ON DELETE SET DEFAULT"), key("n_id", ""), index("a_id"),
                     index("b_id"), index("c_id"), index("r_id"), index("s_id"), index("n_id")});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"audits\""});
}

TEST_CASE("postgres create_table with a many-to-many field, unique_together and indexes",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *drop_table("posts"));
    auto ddl = run_on(
        state,
        *create_table("posts",
                      {{"title", "CharField(max_length=200)"},
                       {"author", "ForeignKey(users, on_delete=CASCADE)"},
                       {"tags", "ManyToManyField(tags)"},
                       {"slug", "CharField(max_length=50, unique=True)"},
                       {"views", "IntegerField(default=0, db_index=True)"}},
                      {{"title", "author"}},
                      {IndexSpec{"idx_posts_title", {"title"}, false, ""},
                       IndexSpec{"idx_posts_popular", {"views", "author_id"}, true, "views > 10"}},
                      "Post"));
    CHECK(ddl.forwards ==
          concat({"CREATE TABLE \"posts\" (\"id\" serial NOT NULL PRIMARY KEY, \"title\" "
                  "varchar(200) NOT NULL, \"author_id\" integer NOT NULL, \"slug\" varchar(50) "
                  "NOT NULL CONSTRAINT \"posts_slug_uniq\" UNIQUE, \"views\" integer DEFAULT 0 "
                  "NOT NULL, CONSTRAINT \"posts_title_author_id_uniq\" UNIQUE (\"title\", "
                  "\"author_id\"))",
                  kAuthorKey, kAuthorIndex,
                  "CREATE INDEX \"posts_views_idx\" ON \"posts\" (\"views\")",
                  "CREATE INDEX \"idx_posts_title\" ON \"posts\" (\"title\")",
                  "CREATE UNIQUE INDEX \"idx_posts_popular\" ON \"posts\" (\"views\", "
                  "\"author_id\") WHERE \"views\" > 10"},
                 kPostsTags));
    CHECK(ddl.backwards == Statements{"DROP TABLE \"posts_tags\"", "DROP TABLE \"posts\""});
}

TEST_CASE("postgres drop_table drops the through table first, and rollback re-creates both",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_table("posts"));
    CHECK(ddl.forwards == Statements{"DROP TABLE \"posts_tags\"", "DROP TABLE \"posts\""});
    CHECK(ddl.backwards == concat({kPostsTable, kAuthorKey, kAuthorIndex}, kPostsTags));
}

TEST_CASE("postgres add_column of a nullable column", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("users", "age", "IntegerField(null=True)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"users\" ADD COLUMN \"age\" integer NULL"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"users\" DROP COLUMN \"age\" CASCADE"});
}

TEST_CASE("postgres add_column of a NOT NULL column with a default", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("posts", "views", "IntegerField(default=0)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" ADD COLUMN \"views\" integer DEFAULT 0 NOT NULL"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"posts\" DROP COLUMN \"views\" CASCADE"});
}

TEST_CASE("postgres add_column of a foreign key adds its constraint and index", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(
        state, *add_column("posts", "editor", "ForeignKey(users, on_delete=SET_NULL, null=True)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" ADD COLUMN \"editor_id\" integer NULL",
                     "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_editor_id_fk_users_id\" "
                     "FOREIGN KEY (\"editor_id\") REFERENCES \"users\" (\"id\") ON DELETE SET "
                     "NULL" +
                         kDeferred,
                     "CREATE INDEX \"posts_editor_id_idx\" ON \"posts\" (\"editor_id\")"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"posts\" DROP COLUMN \"editor_id\" CASCADE"});
}

TEST_CASE("postgres add_column of a unique column names its constraint", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(
        state, *add_column("posts", "slug", "CharField(max_length=50, null=True, unique=True)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"posts\" ADD COLUMN \"slug\" varchar(50) NULL "
                                     "CONSTRAINT \"posts_slug_uniq\" UNIQUE"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"posts\" DROP COLUMN \"slug\" CASCADE"});
}

TEST_CASE("postgres add_column of a many-to-many field creates the through table",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("users", "friends", "ManyToManyField(self)"));
    auto key = [](const std::string& column) {
        return "ALTER TABLE \"users_friends\" ADD CONSTRAINT \"users_friends_" + column +
               "_fk_users_id\" FOREIGN KEY (\"" + column +
               "\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE" + kDeferred;
    };
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"users_friends\" (\"id\" serial NOT NULL PRIMARY KEY, "
                     "\"from_user_id\" integer NOT NULL, \"to_user_id\" integer NOT NULL, "
                     "CONSTRAINT \"users_friends_from_user_id_to_user_id_uniq\" UNIQUE "
                     "(\"from_user_id\", \"to_user_id\"))",
                     key("from_user_id"), key("to_user_id"),
                     "CREATE INDEX \"users_friends_from_user_id_idx\" ON \"users_friends\" "
                     "(\"from_user_id\")",
                     "CREATE INDEX \"users_friends_to_user_id_idx\" ON \"users_friends\" "
                     "(\"to_user_id\")"});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"users_friends\""});
}

TEST_CASE("postgres drop_column cascades to the column's constraints", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_column("posts", "author"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"posts\" DROP COLUMN \"author_id\" CASCADE"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" ADD COLUMN \"author_id\" integer NOT NULL", kAuthorKey,
                     kAuthorIndex});
}

TEST_CASE("postgres drop_column of a plain column", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_column("users", "name"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"users\" DROP COLUMN \"name\" CASCADE"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"users\" ADD COLUMN \"name\" varchar(100) NOT NULL"});
}

TEST_CASE("postgres drop_column of a many-to-many field drops the through table",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_column("posts", "tags"));
    CHECK(ddl.forwards == Statements{"DROP TABLE \"posts_tags\""});
    CHECK(ddl.backwards == kPostsTags);
}

TEST_CASE("postgres alter_column within a type family converts without USING, guarded",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title", "CharField(max_length=300)"));
    // No explicit cast: it would cut the text to the new length silently.
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" ALTER COLUMN \"title\" TYPE varchar(300)"});
    CHECK(ddl.backwards ==
          Statements{kTitleGuard200,
                     "ALTER TABLE \"posts\" ALTER COLUMN \"title\" TYPE varchar(200)"});
}

TEST_CASE("postgres alter_column across type families converts with USING", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "rank", "CharField(max_length=5, null=True)"));
    auto ddl = run_on(state, *alter_column("posts", "rank", "IntegerField(null=True)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"posts\" ALTER COLUMN \"rank\" TYPE integer "
                                     "USING \"rank\"::integer"});
    // Numbers printed may be longer than five characters: guarded.
    CHECK(ddl.backwards ==
          Statements{std::string(kGuardMarker) +
                         "\nSELECT 'cannot narrow posts.rank to varchar(5): a row holds a value "
                         "of ', longest, ' characters' FROM (SELECT max(char_length(CAST(\"rank\" "
                         "AS text))) AS longest FROM \"posts\") AS covet_longest WHERE longest > 5",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"rank\" TYPE varchar(5) USING "
                     "\"rank\"::varchar(5)"});
}

TEST_CASE("postgres alter_column of a decimal's places guards the rounding", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "score", "DecimalField(max_digits=7, decimal_places=3)"));
    auto ddl = run_on(
        state, *alter_column("posts", "score", "DecimalField(max_digits=7, decimal_places=1)"));
    CHECK(ddl.forwards ==
          Statements{std::string(kGuardMarker) +
                         "\nSELECT 'cannot narrow posts.score to numeric(7, 1): a row holds the "
                         "value ', CASE WHEN position('.' IN CAST(\"score\" AS text)) > 0 THEN "
                         "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(\"score\" AS text))) "
                         "ELSE CAST(\"score\" AS text) END FROM \"posts\" WHERE "
                         "abs(round(CAST(\"score\" AS numeric), 1)) >= 1000000 OR \"score\" <> "
                         "round(CAST(\"score\" AS numeric), 1) LIMIT 1",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"score\" TYPE numeric(7, 1)"});
    // Two more places leave two digits fewer before the point: guarded too.
    CHECK(ddl.backwards ==
          Statements{std::string(kGuardMarker) +
                         "\nSELECT 'cannot narrow posts.score to numeric(7, 3): a row holds the "
                         "value ', CASE WHEN position('.' IN CAST(\"score\" AS text)) > 0 THEN "
                         "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(\"score\" AS text))) "
                         "ELSE CAST(\"score\" AS text) END FROM \"posts\" WHERE "
                         "abs(round(CAST(\"score\" AS numeric), 3)) >= 10000 LIMIT 1",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"score\" TYPE numeric(7, 3)"});
}

TEST_CASE("postgres alter_column of NULL fills NULLs with the default before SET NOT NULL",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "views", "IntegerField(null=True)"));
    auto ddl = run_on(state, *alter_column("posts", "views", "IntegerField(default=0)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"posts\" ALTER COLUMN \"views\" SET DEFAULT 0",
                                     "UPDATE \"posts\" SET \"views\" = 0 WHERE \"views\" IS NULL",
                                     "ALTER TABLE \"posts\" ALTER COLUMN \"views\" SET NOT NULL"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" ALTER COLUMN \"views\" DROP DEFAULT",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"views\" DROP NOT NULL"});
}

TEST_CASE("postgres alter_column of the default only sets the default", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "views", "IntegerField(default=0)"));
    auto ddl = run_on(state, *alter_column("posts", "views", "IntegerField(default=5)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"posts\" ALTER COLUMN \"views\" SET DEFAULT 5"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" ALTER COLUMN \"views\" SET DEFAULT 0"});
}

TEST_CASE("postgres alter_column of unique adds and drops a named constraint", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "unique=True)"));
    CHECK(
        ddl.forwards ==
        Statements{"ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_title_uniq\" UNIQUE (\"title\")"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_title_uniq\""});
}

TEST_CASE("postgres alter_column of a unique column created unique drops it by the same name",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("users", "email", "EmailField()"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"users\" DROP CONSTRAINT \"users_email_uniq\""});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"users\" ADD CONSTRAINT \"users_email_uniq\" "
                                      "UNIQUE (\"email\")"});
}

TEST_CASE("postgres alter_column making a foreign key unique replaces its index",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "author",
                                           "ForeignKey(users, "
                                           "on_delete=CASCADE, unique=True)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_uniq\" UNIQUE "
                     "(\"author_id\")",
                     "DROP INDEX \"posts_author_id_idx\""});
    CHECK(ddl.backwards == Statements{kAuthorIndex,
                                      "ALTER TABLE \"posts\" DROP CONSTRAINT "
                                      "\"posts_author_id_uniq\""});
}

TEST_CASE("postgres alter_column of the on_delete rule replaces the constraint",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "author",
                                           "ForeignKey(users, "
                                           "on_delete=PROTECT)"));
    const std::string drop =
        "ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_author_id_fk_users_id\"";
    CHECK(ddl.forwards ==
          Statements{drop,
                     "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_fk_users_id\" "
                     "FOREIGN KEY (\"author_id\") REFERENCES \"users\" (\"id\") ON DELETE "
                     "RESTRICT" +
                         kDeferred});
    CHECK(ddl.backwards == Statements{drop, kAuthorKey});
}

TEST_CASE("postgres alter_column of several parts changes only those parts", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "TextField(null=True, "
                                           "default='untitled')"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" ALTER COLUMN \"title\" TYPE text",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"title\" SET DEFAULT 'untitled'",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"title\" DROP NOT NULL"});
    CHECK(ddl.backwards ==
          Statements{kTitleGuard200,
                     "ALTER TABLE \"posts\" ALTER COLUMN \"title\" TYPE varchar(200)",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"title\" DROP DEFAULT",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"title\" SET NOT NULL"});
}

TEST_CASE(
    "postgres alter_column of a primary key's type converts the foreign keys pointing at "
    "it",
    "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("users", "id", "BigAutoField(primary_key=True)"));
    const std::string drop =
        "ALTER TABLE \"posts\" DROP CONSTRAINT \"posts_author_id_fk_users_id\"";
    CHECK(ddl.forwards == Statements{drop, "ALTER TABLE \"users\" ALTER COLUMN \"id\" TYPE bigint",
                                     "ALTER SEQUENCE IF EXISTS \"users_id_seq\" AS bigint",
                                     "ALTER TABLE \"posts\" ALTER COLUMN \"author_id\" TYPE bigint",
                                     kAuthorKey});
    CHECK(ddl.backwards ==
          Statements{std::string(kGuardMarker) +
                         "\nSELECT 'cannot narrow users.id to integer: a row holds the value ', "
                         "CAST(\"id\" AS text) FROM \"users\" WHERE \"id\" < -2147483647 - 1 OR "
                         "\"id\" > 2147483647 LIMIT 1",
                     drop, "ALTER TABLE \"users\" ALTER COLUMN \"id\" TYPE integer",
                     "ALTER SEQUENCE IF EXISTS \"users_id_seq\" AS integer",
                     "ALTER TABLE \"posts\" ALTER COLUMN \"author_id\" TYPE integer", kAuthorKey});
}

TEST_CASE("postgres alter_column between an auto field and a plain column is refused",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    CHECK_THROWS_AS(run_on(state, *alter_column("tags", "id", "IntegerField(primary_key=True)")),
                    MigrationError);
}

TEST_CASE("postgres alter_column that changes nothing in the database writes nothing",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "help_text='Shown in lists')"));
    CHECK(ddl.forwards.empty());
    CHECK(ddl.backwards.empty());
}

TEST_CASE("postgres rename_table renames the through table and every derived name",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_table("posts", "articles"));
    CHECK(ddl.forwards ==
          Statements{
              "ALTER TABLE \"posts\" RENAME TO \"articles\"",
              "ALTER TABLE \"articles\" RENAME CONSTRAINT \"posts_author_id_fk_users_id\" TO "
              "\"articles_author_id_fk_users_id\"",
              "ALTER INDEX \"posts_author_id_idx\" RENAME TO \"articles_author_id_idx\"",
              "ALTER TABLE \"posts_tags\" RENAME TO \"articles_tags\"",
              "ALTER TABLE \"articles_tags\" RENAME CONSTRAINT \"posts_tags_post_id_fk_posts_id\" "
              "TO \"articles_tags_post_id_fk_articles_id\"",
              "ALTER INDEX \"posts_tags_post_id_idx\" RENAME TO \"articles_tags_post_id_idx\"",
              "ALTER TABLE \"articles_tags\" RENAME CONSTRAINT \"posts_tags_tag_id_fk_tags_id\" "
              "TO \"articles_tags_tag_id_fk_tags_id\"",
              "ALTER INDEX \"posts_tags_tag_id_idx\" RENAME TO \"articles_tags_tag_id_idx\"",
              "ALTER TABLE \"articles_tags\" RENAME CONSTRAINT "
              "\"posts_tags_post_id_tag_id_uniq\" TO \"articles_tags_post_id_tag_id_uniq\""});
    CHECK(
        ddl.backwards ==
        Statements{
            "ALTER TABLE \"articles\" RENAME TO \"posts\"",
            "ALTER TABLE \"posts\" RENAME CONSTRAINT \"articles_author_id_fk_users_id\" TO "
            "\"posts_author_id_fk_users_id\"",
            "ALTER INDEX \"articles_author_id_idx\" RENAME TO \"posts_author_id_idx\"",
            "ALTER TABLE \"articles_tags\" RENAME TO \"posts_tags\"",
            "ALTER TABLE \"posts_tags\" RENAME CONSTRAINT \"articles_tags_post_id_fk_articles_id\" "
            "TO \"posts_tags_post_id_fk_posts_id\"",
            "ALTER INDEX \"articles_tags_post_id_idx\" RENAME TO \"posts_tags_post_id_idx\"",
            "ALTER TABLE \"posts_tags\" RENAME CONSTRAINT \"articles_tags_tag_id_fk_tags_id\" "
            "TO \"posts_tags_tag_id_fk_tags_id\"",
            "ALTER INDEX \"articles_tags_tag_id_idx\" RENAME TO \"posts_tags_tag_id_idx\"",
            "ALTER TABLE \"posts_tags\" RENAME CONSTRAINT "
            "\"articles_tags_post_id_tag_id_uniq\" TO \"posts_tags_post_id_tag_id_uniq\""});
}

TEST_CASE("postgres rename_table of a referenced table renames the referencing keys",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_table("users", "members"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"users\" RENAME TO \"members\"",
                     "ALTER TABLE \"members\" RENAME CONSTRAINT \"users_email_uniq\" TO "
                     "\"members_email_uniq\"",
                     "ALTER TABLE \"posts\" RENAME CONSTRAINT \"posts_author_id_fk_users_id\" TO "
                     "\"posts_author_id_fk_members_id\""});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"members\" RENAME TO \"users\"",
                     "ALTER TABLE \"users\" RENAME CONSTRAINT \"members_email_uniq\" TO "
                     "\"users_email_uniq\"",
                     "ALTER TABLE \"posts\" RENAME CONSTRAINT \"posts_author_id_fk_members_id\" "
                     "TO \"posts_author_id_fk_users_id\""});
}

TEST_CASE("postgres rename_column renames a plain column", "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_column("posts", "title", "headline"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"headline\""});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"headline\" TO \"title\""});
}

TEST_CASE(
    "postgres rename_column of a foreign key renames author_id to writer_id with its "
    "constraint and index",
    "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_column("posts", "author_id", "writer_id"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"author_id\" TO \"writer_id\"",
                     "ALTER TABLE \"posts\" RENAME CONSTRAINT \"posts_author_id_fk_users_id\" TO "
                     "\"posts_writer_id_fk_users_id\"",
                     "ALTER INDEX \"posts_author_id_idx\" RENAME TO \"posts_writer_id_idx\""});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"writer_id\" TO \"author_id\"",
                     "ALTER TABLE \"posts\" RENAME CONSTRAINT \"posts_writer_id_fk_users_id\" TO "
                     "\"posts_author_id_fk_users_id\"",
                     "ALTER INDEX \"posts_writer_id_idx\" RENAME TO \"posts_author_id_idx\""});
}

TEST_CASE("postgres rename_column of a unique_together member renames the constraint",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *drop_table("posts"));
    run_on(state, *create_table("posts",
                                {{"title", "CharField(max_length=200)"},
                                 {"author", "ForeignKey(users, on_delete=CASCADE)"}},
                                {{"title", "author"}}, {}, "Post"));
    auto ddl = run_on(state, *rename_column("posts", "title", "headline"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"headline\"",
                     "ALTER TABLE \"posts\" RENAME CONSTRAINT \"posts_title_author_id_uniq\" TO "
                     "\"posts_headline_author_id_uniq\""});
}

TEST_CASE("postgres create_index writes unique and partial indexes, and drop_index drops them",
          "[ddl][postgres]") {
    ProjectState state = blog_state(dialect);
    auto unique = run_on(
        state,
        *create_index("posts", IndexSpec{"idx_title_author", {"title", "author"}, true, ""}));
    CHECK(unique.forwards == Statements{"CREATE UNIQUE INDEX \"idx_title_author\" ON \"posts\" "
                                        "(\"title\", \"author_id\")"});
    CHECK(unique.backwards == Statements{"DROP INDEX \"idx_title_author\""});

    auto partial = run_on(
        state, *create_index("users", IndexSpec{"idx_named", {"name"}, false, "name <> ''"}));
    CHECK(partial.forwards ==
          Statements{"CREATE INDEX \"idx_named\" ON \"users\" (\"name\") WHERE \"name\" <> ''"});
    CHECK(partial.backwards == Statements{"DROP INDEX \"idx_named\""});

    auto dropped = run_on(state, *drop_index("posts", "idx_title_author"));
    CHECK(dropped.forwards == Statements{"DROP INDEX \"idx_title_author\""});
    CHECK(dropped.backwards == unique.forwards);
}

TEST_CASE("postgres run_sql runs for its own dialect or for every dialect", "[ddl][postgres]") {
    ProjectState state;
    auto any = run_on(state, *run_sql("UPDATE t SET x = 1", "UPDATE t SET x = 0"));
    CHECK(any.forwards == Statements{"UPDATE t SET x = 1"});
    CHECK(any.backwards == Statements{"UPDATE t SET x = 0"});
    auto own = run_on(state, *run_sql("VACUUM ANALYZE", "SELECT 1", "postgresql"));
    CHECK(own.forwards == Statements{"VACUUM ANALYZE"});
    CHECK(own.backwards == Statements{"SELECT 1"});
    auto other = run_on(state, *run_sql("PRAGMA optimize", "", "sqlite"));
    CHECK(other.forwards.empty());
    CHECK(other.backwards.empty());
}

TEST_CASE("postgres create_index with concurrently builds without blocking writes") {
    covet::PostgresDialect postgres;
    covet::SqliteDialect sqlite;
    covet::Migration m = covet::parse_migration_file(
        "0001_x.yaml",
        "atomic: false\noperations:\n  - create_table: {table: t, fields: {a: IntegerField()}}\n"
        "  - create_index: {name: idx_a, table: t, columns: [a], concurrently: true}\n",
        "default");
    covet::ProjectState state;
    m.operations[0]->state_forwards("default", state);
    covet::ProjectState after = state;
    m.operations[1]->state_forwards("default", after);
    auto pg = postgres.schema_editor();
    m.operations[1]->database_forwards(*pg, state, after);
    REQUIRE(pg->statements() ==
            std::vector<std::string>{"CREATE INDEX CONCURRENTLY \"idx_a\" ON \"t\" (\"a\")"});
    auto lite = sqlite.schema_editor();
    m.operations[1]->database_forwards(*lite, state, after);
    REQUIRE(lite->statements() ==
            std::vector<std::string>{"CREATE INDEX \"idx_a\" ON \"t\" (\"a\")"});
}
