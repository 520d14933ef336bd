// SQLite DDL: quoting, features, covet's own tables, create/drop table, add/drop column.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "ddl_sqlite_expected.h"
#include "migrate/recorder_models.h"

using namespace covet;
using namespace covet::ddl_test;
using namespace covet::ddl_test::on_sqlite;

TEST_CASE("sqlite dialect quotes names and values for DDL", "[ddl][sqlite]") {
    CHECK(dialect.name() == "sqlite");
    CHECK(dialect.quote_name("users") == "\"users\"");
    CHECK(dialect.quote_name("we\"ird") == "\"we\"\"ird\"");
    CHECK(dialect.quote_value(Value()) == "NULL");
    CHECK(dialect.quote_value(Value(42)) == "42");
    CHECK(dialect.quote_value(Value(-7)) == "-7");
    CHECK(dialect.quote_value(Value(1.5)) == "1.5");
    CHECK(dialect.quote_value(Value(2.0)) == "2.0");
    CHECK(dialect.quote_value(Value(true)) == "1");
    CHECK(dialect.quote_value(Value(false)) == "0");
    CHECK(dialect.quote_value(Value("it's")) == "'it''s'");
    CHECK(dialect.quote_value(Value("back\\slash")) == "'back\\slash'");
    CHECK(dialect.quote_value(Value(Bytes{{0x00, 0xab, 0x10}})) == "X'00ab10'");
    CHECK(dialect.placeholder(1) == "?");
    CHECK(dialect.placeholder(3) == "?");
}

TEST_CASE("sqlite dialect features allow transactional DDL and partial indexes", "[ddl][sqlite]") {
    CHECK(dialect.features().can_rollback_ddl);
    CHECK(dialect.features().supports_partial_indexes);
    CHECK(dialect.features().supports_deferrable_foreign_keys);
    CHECK(dialect.features().max_identifier_length == 63);
}

TEST_CASE("sqlite history table has the columns of SPEC section 4", "[ddl][sqlite]") {
    CHECK(own_table_ddl(dialect, history_model()) ==
          Statements{"CREATE TABLE \"covet_migrations\" (\"id\" integer NOT NULL PRIMARY KEY "
                     "AUTOINCREMENT, \"name\" varchar(255) NOT NULL, \"app\" varchar(255) NOT "
                     "NULL, \"applied_at\" datetime NOT NULL, \"checksum\" varchar(32) NOT NULL, "
                     "CONSTRAINT \"covet_migrations_name_app_uniq\" UNIQUE (\"name\", \"app\"))"});
}

TEST_CASE("sqlite journal table takes the history table's id column", "[ddl][sqlite]") {
    CHECK(own_table_ddl(dialect, journal_model()) ==
          Statements{"CREATE TABLE \"covet_migrations_journal\" (\"id\" integer NOT NULL "
                     "PRIMARY KEY AUTOINCREMENT, \"app\" varchar(255) NOT NULL, \"name\" "
                     "varchar(255) NOT NULL, \"backwards\" integer NOT NULL, \"operation\" "
                     "integer NOT NULL, \"kind\" integer NOT NULL, \"seq\" integer NOT NULL, "
                     "\"statement\" text NOT NULL, \"done\" integer NOT NULL)"});
}

TEST_CASE("sqlite create_table writes every field type's column type", "[ddl][sqlite]") {
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
                                     {"u", "URLField()"},
                                     {"b", "BooleanField()"},
                                     {"d", "DateField()"},
                                     {"tm", "TimeField()"},
                                     {"dt", "DateTimeField(null=True)"},
                                     {"uu", "UUIDField()"},
                                     {"j", "JSONField()"},
                                     {"bin", "BinaryField()"}}));
    CHECK(
        ddl.forwards ==
        Statements{"CREATE TABLE \"everything\" (\"key\" integer NOT NULL PRIMARY KEY "
                   "AUTOINCREMENT, \"i\" integer NOT NULL, \"bi\" bigint NOT NULL, \"si\" "
                   "smallint NOT NULL, \"f\" real NOT NULL, \"dec\" decimal NOT NULL, \"c\" "
                   "varchar(30) NOT NULL, \"t\" text NOT NULL, \"e\" varchar(254) NOT NULL, \"u\" "
                   "varchar(200) NOT NULL, \"b\" bool NOT NULL, \"d\" date NOT NULL, \"tm\" time "
                   "NOT NULL, \"dt\" datetime NULL, \"uu\" char(32) NOT NULL, \"j\" text NOT "
                   "NULL CHECK ((JSON_VALID(\"j\") OR \"j\" IS NULL)), \"bin\" BLOB NOT NULL)"});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"everything\""});
}

TEST_CASE("sqlite create_table writes defaults as literals and adds an implicit id",
          "[ddl][sqlite]") {
    ProjectState state;
    auto ddl = run_on(state, *create_table("settings", {{"flag", "BooleanField(default=True)"},
                                                        {"off", "BooleanField(default=0)"},
                                                        {"ratio", "FloatField(default=0.5)"},
                                                        {"label",
                                                         "CharField(max_length=10, "
                                                         "default=\"it's\")"},
                                                        {"count", "IntegerField(default=3)"},
                                                        {"note",
                                                         "TextField(null=True, "
                                                         "default=None)"}}));
    CHECK(
        ddl.forwards ==
        Statements{"CREATE TABLE \"settings\" (\"id\" integer NOT NULL PRIMARY KEY "
                   "AUTOINCREMENT, \"flag\" bool DEFAULT 1 NOT NULL, \"off\" bool DEFAULT 0 NOT "
                   "NULL, \"ratio\" real DEFAULT 0.5 NOT NULL, \"label\" varchar(10) DEFAULT "
                   "'it''s' NOT NULL, \"count\" integer DEFAULT 3 NOT NULL, \"note\" text NULL)"});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"settings\""});
}

TEST_CASE("sqlite create_table writes foreign keys inline with each on_delete rule",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl =
        run_on(state, *create_table("audits", {{"a", "ForeignKey(users, on_delete=CASCADE)"},
                                               {"b",
                                                "ForeignKey(users, on_delete=SET_NULL, "
                                                "null=True)"},
                                               {"c", "ForeignKey(users, on_delete=PROTECT)"},
                                               {"r", "ForeignKey(users, on_delete=RESTRICT)"},
                                               {"s",
                                                "ForeignKey(User, on_delete=SET_DEFAULT, "
                                                "default=1)"},
                                               {"n", "ForeignKey(users, on_delete=DO_NOTHING)"}}));
    const std::string refs = "REFERENCES \"users\" (\"id\")";
    const std::string deferred = " DEFERRABLE INITIALLY DEFERRED";
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"audits\" (" + kId + ", \"a_id\" integer NOT NULL " + refs +
                         " ON DELETE CASCADE" + deferred + ", \"b_id\" integer NULL " + refs +
                         " ON DELETE SET NULL" + deferred + ", \"c_id\" integer NOT NULL " + refs +
                         " ON DELETE RESTRICT" + deferred + ", \"r_id\" integer NOT NULL " + refs +
                         " ON DELETE RESTRICT" + deferred +
                         ", \"s_id\" integer DEFAULT 1 NOT NULL " + refs +
                         " ON DELETE SET DEFAULT" + deferred + ", \"n_id\" integer NOT NULL " +
                         refs + deferred + ")",
                     "CREATE INDEX \"audits_a_id_idx\" ON \"audits\" (\"a_id\")",
                     "CREATE INDEX \"audits_b_id_idx\" ON \"audits\" (\"b_id\")",
                     "CREATE INDEX \"audits_c_id_idx\" ON \"audits\" (\"c_id\")",
                     "CREATE INDEX \"audits_r_id_idx\" ON \"audits\" (\"r_id\")",
                     "CREATE INDEX \"audits_s_id_idx\" ON \"audits\" (\"s_id\")",
                     "CREATE INDEX \"audits_n_id_idx\" ON \"audits\" (\"n_id\")"});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"audits\""});
}

TEST_CASE("sqlite foreign key columns take the type of the target's primary key", "[ddl][sqlite]") {
    ProjectState state;
    apply(dialect, state,
          {create_table("codes", {{"code", "CharField(max_length=8, primary_key=True)"}}),
           create_table("big", {{"id", "BigAutoField(primary_key=True)"}})});
    auto ddl = run_on(state, *create_table("refs", {{"code",
                                                     "ForeignKey(codes, "
                                                     "on_delete=CASCADE)"},
                                                    {"big",
                                                     "ForeignKey(big, on_delete=CASCADE, "
                                                     "unique=True)"}}));
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"refs\" (" + kId +
                         ", \"code_id\" varchar(8) NOT NULL REFERENCES \"codes\" (\"code\") ON "
                         "DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, \"big_id\" bigint NOT "
                         "NULL UNIQUE REFERENCES \"big\" (\"id\") ON DELETE CASCADE DEFERRABLE "
                         "INITIALLY DEFERRED)",
                     "CREATE INDEX \"refs_code_id_idx\" ON \"refs\" (\"code_id\")"});
}

TEST_CASE("sqlite create_table with a many-to-many field, unique_together and indexes",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *drop_table("posts"));
    auto ddl = run_on(
        state,
        *create_table("posts",
                      {{"title", "CharField(max_length=200)"},
                       {"author", "ForeignKey(users, on_delete=CASCADE)"},
                       {"tags", "ManyToManyField(tags)"},
                       {"views", "IntegerField(default=0, db_index=True)"}},
                      {{"title", "author"}},
                      {IndexSpec{"idx_posts_title", {"title"}, false, ""},
                       IndexSpec{"idx_posts_popular", {"views", "author_id"}, true, "views > 10"}},
                      "Post"));
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"posts\" (" + kId + ", " + kTitle + ", " + kAuthor +
                         ", \"views\" integer DEFAULT 0 NOT NULL, CONSTRAINT "
                         "\"posts_title_author_id_uniq\" UNIQUE (\"title\", \"author_id\"))",
                     kAuthorIndex, "CREATE INDEX \"posts_views_idx\" ON \"posts\" (\"views\")",
                     "CREATE INDEX \"idx_posts_title\" ON \"posts\" (\"title\")",
                     "CREATE UNIQUE INDEX \"idx_posts_popular\" ON \"posts\" (\"views\", "
                     "\"author_id\") WHERE \"views\" > 10",
                     kPostsTagsTable,
                     "CREATE INDEX \"posts_tags_post_id_idx\" ON \"posts_tags\" (\"post_id\")",
                     "CREATE INDEX \"posts_tags_tag_id_idx\" ON \"posts_tags\" (\"tag_id\")"});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"posts_tags\"", "DROP TABLE \"posts\""});
}

TEST_CASE("sqlite drop_table drops the through table first, and rollback re-creates both",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_table("posts"));
    CHECK(ddl.forwards == Statements{"DROP TABLE \"posts_tags\"", "DROP TABLE \"posts\""});
    CHECK(ddl.backwards ==
          Statements{kPostsTable, kAuthorIndex, kPostsTagsTable,
                     "CREATE INDEX \"posts_tags_post_id_idx\" ON \"posts_tags\" (\"post_id\")",
                     "CREATE INDEX \"posts_tags_tag_id_idx\" ON \"posts_tags\" (\"tag_id\")"});
}

TEST_CASE("sqlite add_column of a nullable column alters the table in place", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("users", "age", "IntegerField(null=True)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"users\" ADD COLUMN \"age\" integer NULL"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"users\" DROP COLUMN \"age\""});
}

TEST_CASE("sqlite add_column of a NOT NULL column with a default alters in place",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("posts", "views", "IntegerField(default=0)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" ADD COLUMN \"views\" integer DEFAULT 0 NOT NULL"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"posts\" DROP COLUMN \"views\""});
}

TEST_CASE(
    "sqlite add_column of a nullable foreign key adds it inline with its index, "
    "and rollback rebuilds",
    "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(
        state, *add_column("posts", "editor", "ForeignKey(users, on_delete=SET_NULL, null=True)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" ADD COLUMN \"editor_id\" integer NULL REFERENCES "
                     "\"users\" (\"id\") ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED",
                     "CREATE INDEX \"posts_editor_id_idx\" ON \"posts\" (\"editor_id\")"});
    // Dropping a foreign key column needs the rebuild.
    CHECK(ddl.backwards == rebuild_posts(kId + ", " + kTitle + ", " + kAuthor,
                                         "\"id\", \"title\", \"author_id\"",
                                         "\"id\", \"title\", \"author_id\"", {kAuthorIndex}));
}

TEST_CASE("sqlite add_column of a NOT NULL column without a default rebuilds the table",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("posts", "slug", "CharField(max_length=50)"));
    CHECK(ddl.forwards ==
          rebuild_posts(kId + ", " + kTitle + ", " + kAuthor + ", \"slug\" varchar(50) NOT NULL",
                        "\"id\", \"title\", \"author_id\"", "\"id\", \"title\", \"author_id\"",
                        {kAuthorIndex}));
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"posts\" DROP COLUMN \"slug\""});
}

TEST_CASE("sqlite add_column of a unique column rebuilds the table", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(
        state, *add_column("posts", "slug", "CharField(max_length=50, null=True, unique=True)"));
    CHECK(ddl.forwards ==
          rebuild_posts(kId + ", " + kTitle + ", " + kAuthor + ", \"slug\" varchar(50) NULL UNIQUE",
                        "\"id\", \"title\", \"author_id\"", "\"id\", \"title\", \"author_id\"",
                        {kAuthorIndex}));
    CHECK(ddl.backwards == rebuild_posts(kId + ", " + kTitle + ", " + kAuthor,
                                         "\"id\", \"title\", \"author_id\"",
                                         "\"id\", \"title\", \"author_id\"", {kAuthorIndex}));
}

TEST_CASE("sqlite add_column of a foreign key with a default rebuilds and copies the default",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("posts", "editor",
                                         "ForeignKey(users, on_delete=SET_DEFAULT, default=1)"));
    CHECK(ddl.forwards ==
          rebuild_posts(
              kId + ", " + kTitle + ", " + kAuthor +
                  ", \"editor_id\" integer DEFAULT 1 NOT NULL REFERENCES "
                  "\"users\" (\"id\") ON DELETE SET DEFAULT DEFERRABLE "
                  "INITIALLY DEFERRED",
              "\"id\", \"title\", \"author_id\", \"editor_id\"",
              "\"id\", \"title\", \"author_id\", 1",
              {kAuthorIndex, "CREATE INDEX \"posts_editor_id_idx\" ON \"posts\" (\"editor_id\")"}));
}

TEST_CASE("sqlite add_column of a many-to-many field creates the through table", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("users", "friends", "ManyToManyField(self)"));
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE \"users_friends\" (" + kId +
                         ", \"from_user_id\" integer NOT NULL REFERENCES \"users\" (\"id\") ON "
                         "DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, \"to_user_id\" integer "
                         "NOT NULL REFERENCES \"users\" (\"id\") ON DELETE CASCADE DEFERRABLE "
                         "INITIALLY DEFERRED, CONSTRAINT "
                         "\"users_friends_from_user_id_to_user_id_uniq\" UNIQUE "
                         "(\"from_user_id\", \"to_user_id\"))",
                     "CREATE INDEX \"users_friends_from_user_id_idx\" ON \"users_friends\" "
                     "(\"from_user_id\")",
                     "CREATE INDEX \"users_friends_to_user_id_idx\" ON \"users_friends\" "
                     "(\"to_user_id\")"});
    CHECK(ddl.backwards == Statements{"DROP TABLE \"users_friends\""});
}

TEST_CASE("sqlite drop_column of a plain column drops it in place", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "views", "IntegerField(default=0)"));
    auto ddl = run_on(state, *drop_column("posts", "views"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"posts\" DROP COLUMN \"views\""});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" ADD COLUMN \"views\" integer DEFAULT 0 NOT NULL"});
}

TEST_CASE("sqlite drop_column of a foreign key rebuilds the table", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "title2", "CharField(max_length=10, null=True)"));
    auto ddl = run_on(state, *drop_column("posts", "author"));
    CHECK(ddl.forwards == rebuild_posts(kId + ", " + kTitle + ", \"title2\" varchar(10) NULL",
                                        "\"id\", \"title\", \"title2\"",
                                        "\"id\", \"title\", \"title2\""));
    // Re-adding a NOT NULL foreign key without a default needs the rebuild too.
    CHECK(ddl.backwards ==
          rebuild_posts(kId + ", " + kTitle + ", " + kAuthor + ", \"title2\" varchar(10) NULL",
                        "\"id\", \"title\", \"title2\"", "\"id\", \"title\", \"title2\"",
                        {kAuthorIndex}));
}

TEST_CASE("sqlite drop_column of an indexed column rebuilds the table", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("users", "age", "IntegerField(null=True, db_index=True)"));
    auto ddl = run_on(state, *drop_column("users", "age"));
    CHECK(ddl.forwards ==
          rebuild("users",
                  kId + ", \"name\" varchar(100) NOT NULL, \"email\" varchar(254) NOT NULL UNIQUE",
                  "\"id\", \"name\", \"email\"", "\"id\", \"name\", \"email\""));
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"users\" ADD COLUMN \"age\" integer NULL",
                                      "CREATE INDEX \"users_age_idx\" ON \"users\" (\"age\")"});
}

TEST_CASE("sqlite drop_column of a many-to-many field drops the through table", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_column("posts", "tags"));
    CHECK(ddl.forwards == Statements{"DROP TABLE \"posts_tags\""});
    CHECK(ddl.backwards ==
          Statements{kPostsTagsTable,
                     "CREATE INDEX \"posts_tags_post_id_idx\" ON \"posts_tags\" (\"post_id\")",
                     "CREATE INDEX \"posts_tags_tag_id_idx\" ON \"posts_tags\" (\"tag_id\")"});
}
