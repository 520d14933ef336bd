// SQLite DDL: alter_column, rename_table/rename_column, indexes and run_sql.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "ddl_sqlite_expected.h"

using namespace covet;
using namespace covet::ddl_test;
using namespace covet::ddl_test::on_sqlite;

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
