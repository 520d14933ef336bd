// PostgreSQL DDL: quoting, features, covet's own tables, create/drop table, add/drop column.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "ddl_postgres_expected.h"
#include "migrate/recorder_models.h"
#include "schema/identifier_names.h"

using namespace covet;
using namespace covet::ddl_test;
using namespace covet::ddl_test::on_postgres;

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
