#include <catch2/catch.hpp>

#include "covet/error.h"
#include "ddl_harness.h"
#include "migrate/recorder_models.h"
#include "sqlite/sqlite_dialect.h"

using namespace covet;
using namespace covet::ddl_test;

namespace {

const SqliteDialect dialect;

Ddl run_on(ProjectState& state, const Operation& op) {
    return run(dialect, op, state);
}

const std::string kPostsTable =
    "CREATE TABLE \"posts\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"title\" "
    "varchar(200) NOT NULL, \"author_id\" integer NOT NULL REFERENCES \"users\" (\"id\") ON "
    "DELETE CASCADE DEFERRABLE INITIALLY DEFERRED)";
const std::string kPostsTagsTable =
    "CREATE TABLE \"posts_tags\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"post_id\" "
    "integer NOT NULL REFERENCES \"posts\" (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY "
    "DEFERRED, \"tag_id\" integer NOT NULL REFERENCES \"tags\" (\"id\") ON DELETE CASCADE "
    "DEFERRABLE INITIALLY DEFERRED, CONSTRAINT \"posts_tags_post_id_tag_id_uniq\" UNIQUE "
    "(\"post_id\", \"tag_id\"))";

// The statements of a rebuild of `table`: the copy, the swap that keeps
// views working, the indexes, and the triggers kept across the drop.
Statements rebuild(const std::string& table, const std::string& new_columns,
                   const std::string& insert_columns, const std::string& select_values,
                   const Statements& indexes = {}) {
    const std::string name = "\"" + table + "\"";
    const std::string temporary = "\"new__" + table + "\"";
    Statements out{
        "CREATE TABLE " + temporary + " (" + new_columns + ")",
        "INSERT INTO " + temporary + " (" + insert_columns + ") SELECT " + select_values +
            " FROM " + name,
        "CREATE TEMP TABLE temp.\"covet_saved_triggers\" AS SELECT sql FROM sqlite_master WHERE "
        "type = 'trigger' AND tbl_name = '" +
            table + "' COLLATE NOCASE",
        "DROP TABLE " + name,
        "PRAGMA legacy_alter_table = ON",
        "ALTER TABLE " + temporary + " RENAME TO " + name,
        "PRAGMA legacy_alter_table = OFF"};
    out.insert(out.end(), indexes.begin(), indexes.end());
    out.push_back(std::string(kRunEachMarker) +
                  "\nSELECT sql FROM temp.\"covet_saved_triggers\" ORDER BY rowid");
    out.push_back("DROP TABLE temp.\"covet_saved_triggers\"");
    out.push_back(std::string(kRunEachMarker) + "\nSELECT 'ALTER TABLE " + name +
                  " RENAME COLUMN \"id\" TO \"id\"' WHERE EXISTS (SELECT 1 FROM sqlite_master "
                  "WHERE type IN ('trigger', 'view') AND instr(lower(sql), lower('" +
                  table + "')) > 0)");
    return out;
}

Statements rebuild_posts(const std::string& new_columns, const std::string& insert_columns,
                         const std::string& select_values, const Statements& indexes = {}) {
    return rebuild("posts", new_columns, insert_columns, select_values, indexes);
}

Statements concat(Statements a, const Statements& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

const std::string kId = "\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT";
const std::string kTitle = "\"title\" varchar(200) NOT NULL";
const std::string kAuthor =
    "\"author_id\" integer NOT NULL REFERENCES \"users\" (\"id\") ON DELETE CASCADE DEFERRABLE "
    "INITIALLY DEFERRED";
const std::string kAuthorIndex =
    "CREATE INDEX \"posts_author_id_idx\" ON \"posts\" (\"author_id\")";

}  // namespace

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

TEST_CASE("sqlite alter_column of the type rebuilds the table and keeps the rows",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title", "CharField(max_length=300)"));
    const std::string copy = "\"id\", \"title\", \"author_id\"";
    CHECK(ddl.forwards == rebuild_posts(kId + ", \"title\" varchar(300) NOT NULL, " + kAuthor, copy,
                                        copy, {kAuthorIndex}));
    // Going back to 200 characters checks the longest title first.
    CHECK(ddl.backwards ==
          concat({std::string(kGuardMarker) +
                  "\nSELECT 'cannot narrow posts.title to varchar(200): a row holds a value of ', "
                  "longest, ' characters' FROM (SELECT max(length(CAST(\"title\" AS text))) AS "
                  "longest FROM \"posts\") AS covet_longest WHERE longest > 200"},
                 rebuild_posts(kId + ", " + kTitle + ", " + kAuthor, copy, copy, {kAuthorIndex})));
}

TEST_CASE("sqlite alter_column to NOT NULL copies NULLs as the default", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "views", "IntegerField(null=True)"));
    auto ddl = run_on(state, *alter_column("posts", "views", "IntegerField(default=0)"));
    const std::string columns = "\"id\", \"title\", \"author_id\", \"views\"";
    CHECK(ddl.forwards ==
          rebuild_posts(
              kId + ", " + kTitle + ", " + kAuthor + ", \"views\" integer DEFAULT 0 NOT NULL",
              columns, "\"id\", \"title\", \"author_id\", coalesce(\"views\", 0)", {kAuthorIndex}));
    CHECK(ddl.backwards ==
          rebuild_posts(kId + ", " + kTitle + ", " + kAuthor + ", \"views\" integer NULL", columns,
                        columns, {kAuthorIndex}));
}

TEST_CASE("sqlite alter_column of the default rebuilds the table", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "views", "IntegerField(default=0)"));
    auto ddl = run_on(state, *alter_column("posts", "views", "IntegerField(default=5)"));
    const std::string columns = "\"id\", \"title\", \"author_id\", \"views\"";
    auto table = [&](const std::string& views) {
        return kId + ", " + kTitle + ", " + kAuthor + ", " + views;
    };
    CHECK(ddl.forwards == rebuild_posts(table("\"views\" integer DEFAULT 5 NOT NULL"), columns,
                                        columns, {kAuthorIndex}));
    CHECK(ddl.backwards == rebuild_posts(table("\"views\" integer DEFAULT 0 NOT NULL"), columns,
                                         columns, {kAuthorIndex}));
}

TEST_CASE("sqlite alter_column to unique rebuilds with the constraint and keeps indexes",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *create_index("posts", IndexSpec{"idx_title", {"title"}, false, ""}));
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "unique=True)"));
    const std::string copy = "\"id\", \"title\", \"author_id\"";
    const std::string explicit_index = "CREATE INDEX \"idx_title\" ON \"posts\" (\"title\")";
    CHECK(ddl.forwards ==
          rebuild_posts(kId + ", \"title\" varchar(200) NOT NULL UNIQUE, " + kAuthor, copy, copy,
                        {kAuthorIndex, explicit_index}));
    CHECK(ddl.backwards == rebuild_posts(kId + ", " + kTitle + ", " + kAuthor, copy, copy,
                                         {kAuthorIndex, explicit_index}));
}

TEST_CASE("sqlite alter_column of the on_delete rule rebuilds the table", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "author",
                                           "ForeignKey(users, "
                                           "on_delete=PROTECT)"));
    const std::string copy = "\"id\", \"title\", \"author_id\"";
    CHECK(ddl.forwards ==
          rebuild_posts(kId + ", " + kTitle +
                            ", \"author_id\" integer NOT NULL REFERENCES \"users\" "
                            "(\"id\") ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED",
                        copy, copy, {kAuthorIndex}));
    CHECK(ddl.backwards ==
          rebuild_posts(kId + ", " + kTitle + ", " + kAuthor, copy, copy, {kAuthorIndex}));
}

TEST_CASE("sqlite alter_column that changes nothing in the database writes nothing",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "help_text='Shown in lists')"));
    CHECK(ddl.forwards.empty());
    CHECK(ddl.backwards.empty());
}

TEST_CASE("sqlite alter_column of db_index only creates or drops the index", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "db_index=True)"));
    CHECK(ddl.forwards == Statements{"CREATE INDEX \"posts_title_idx\" ON \"posts\" (\"title\")"});
    CHECK(ddl.backwards == Statements{"DROP INDEX \"posts_title_idx\""});
}

TEST_CASE("sqlite alter_column of db_column only renames the column", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "db_column=headline)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"headline\""});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"headline\" TO \"title\""});
}

TEST_CASE("sqlite rename_table renames the through table and derived index names",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_table("posts", "articles"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" RENAME TO \"articles\"",
                     "DROP INDEX \"posts_author_id_idx\"",
                     "CREATE INDEX \"articles_author_id_idx\" ON \"articles\" (\"author_id\")",
                     "ALTER TABLE \"posts_tags\" RENAME TO \"articles_tags\"",
                     "DROP INDEX \"posts_tags_post_id_idx\"",
                     "CREATE INDEX \"articles_tags_post_id_idx\" ON \"articles_tags\" "
                     "(\"post_id\")",
                     "DROP INDEX \"posts_tags_tag_id_idx\"",
                     "CREATE INDEX \"articles_tags_tag_id_idx\" ON \"articles_tags\" "
                     "(\"tag_id\")"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"articles\" RENAME TO \"posts\"",
                     "DROP INDEX \"articles_author_id_idx\"", kAuthorIndex,
                     "ALTER TABLE \"articles_tags\" RENAME TO \"posts_tags\"",
                     "DROP INDEX \"articles_tags_post_id_idx\"",
                     "CREATE INDEX \"posts_tags_post_id_idx\" ON \"posts_tags\" (\"post_id\")",
                     "DROP INDEX \"articles_tags_tag_id_idx\"",
                     "CREATE INDEX \"posts_tags_tag_id_idx\" ON \"posts_tags\" (\"tag_id\")"});
}

TEST_CASE("sqlite rename_table of a referenced table needs no more than the rename",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_table("users", "members"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE \"users\" RENAME TO \"members\""});
    CHECK(ddl.backwards == Statements{"ALTER TABLE \"members\" RENAME TO \"users\""});
}

TEST_CASE("sqlite rename_column renames a plain column", "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_column("posts", "title", "headline"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"title\" TO \"headline\""});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"headline\" TO \"title\""});
}

TEST_CASE("sqlite rename_column of a foreign key renames author_id to writer_id and its index",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_column("posts", "author_id", "writer_id"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"author_id\" TO \"writer_id\"",
                     "DROP INDEX \"posts_author_id_idx\"",
                     "CREATE INDEX \"posts_writer_id_idx\" ON \"posts\" (\"writer_id\")"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts\" RENAME COLUMN \"writer_id\" TO \"author_id\"",
                     "DROP INDEX \"posts_writer_id_idx\"", kAuthorIndex});
}

TEST_CASE("sqlite rename_column of a many-to-many field renames its through table",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_column("posts", "tags", "labels"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE \"posts_tags\" RENAME TO \"posts_labels\"",
                     "DROP INDEX \"posts_tags_post_id_idx\"",
                     "CREATE INDEX \"posts_labels_post_id_idx\" ON \"posts_labels\" "
                     "(\"post_id\")",
                     "DROP INDEX \"posts_tags_tag_id_idx\"",
                     "CREATE INDEX \"posts_labels_tag_id_idx\" ON \"posts_labels\" "
                     "(\"tag_id\")"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE \"posts_labels\" RENAME TO \"posts_tags\"",
                     "DROP INDEX \"posts_labels_post_id_idx\"",
                     "CREATE INDEX \"posts_tags_post_id_idx\" ON \"posts_tags\" (\"post_id\")",
                     "DROP INDEX \"posts_labels_tag_id_idx\"",
                     "CREATE INDEX \"posts_tags_tag_id_idx\" ON \"posts_tags\" (\"tag_id\")"});
}

TEST_CASE("sqlite create_index writes unique and partial indexes, and drop_index drops them",
          "[ddl][sqlite]") {
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

TEST_CASE("sqlite run_sql runs for its own dialect or for every dialect", "[ddl][sqlite]") {
    ProjectState state;
    auto any = run_on(state, *run_sql("UPDATE t SET x = 1", "UPDATE t SET x = 0"));
    CHECK(any.forwards == Statements{"UPDATE t SET x = 1"});
    CHECK(any.backwards == Statements{"UPDATE t SET x = 0"});
    auto own = run_on(state, *run_sql("PRAGMA optimize", "", "sqlite"));
    CHECK(own.forwards == Statements{"PRAGMA optimize"});
    CHECK(own.backwards.empty());
    auto other = run_on(state, *run_sql("VACUUM ANALYZE", "SELECT 1", "postgresql"));
    CHECK(other.forwards.empty());
    CHECK(other.backwards.empty());
}

TEST_CASE("sqlite alter_column of a primary key's type rebuilds the tables referencing it",
          "[ddl][sqlite]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("users", "id", "BigAutoField(primary_key=True)"));
    const std::string copy = "\"id\", \"title\", \"author_id\"";
    // users.id stays "integer PRIMARY KEY": only the foreign key's type changes.
    CHECK(ddl.forwards ==
          rebuild_posts(kId + ", " + kTitle +
                            ", \"author_id\" bigint NOT NULL REFERENCES \"users\" (\"id\") ON "
                            "DELETE CASCADE DEFERRABLE INITIALLY DEFERRED",
                        copy, copy, {kAuthorIndex}));
    CHECK(ddl.backwards.front().rfind(std::string(kGuardMarker), 0) == 0);
    CHECK(Statements(ddl.backwards.begin() + 1, ddl.backwards.end()) ==
          rebuild_posts(kId + ", " + kTitle + ", " + kAuthor, copy, copy, {kAuthorIndex}));
}
