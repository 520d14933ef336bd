// PostgreSQL DDL: alter_column, rename_table/rename_column, indexes and run_sql.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "covet/loader.h"
#include "ddl_postgres_expected.h"
#include "sqlite/sqlite_dialect.h"

using namespace covet;
using namespace covet::ddl_test;
using namespace covet::ddl_test::on_postgres;

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
