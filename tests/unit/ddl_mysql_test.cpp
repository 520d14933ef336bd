// MySQL DDL: quoting, features, covet's own tables, create/drop table, add/drop column.
#include <catch2/catch.hpp>

#include <limits>

#include "covet/error.h"
#include "ddl_mysql_expected.h"
#include "migrate/recorder_models.h"

using namespace covet;
using namespace covet::ddl_test;
using namespace covet::ddl_test::on_mysql;

TEST_CASE("mysql dialect quotes names and values for DDL", "[ddl][mysql]") {
    CHECK(dialect.name() == "mysql");
    CHECK(dialect.quote_name("users") == "`users`");
    CHECK(dialect.quote_name("we`ird") == "`we``ird`");
    CHECK(dialect.quote_value(Value()) == "NULL");
    CHECK(dialect.quote_value(Value(42)) == "42");
    CHECK(dialect.quote_value(Value(1e20)) == "1e+20");
    CHECK(dialect.quote_value(Value(true)) == "1");
    CHECK(dialect.quote_value(Value(false)) == "0");
    CHECK(dialect.quote_value(Value("it's")) == "'it''s'");
    CHECK(dialect.quote_value(Value("back\\slash")) == "'back\\\\slash'");
    CHECK(dialect.quote_value(Value(Bytes{{0x00, 0xab, 0x10}})) == "X'00ab10'");
    CHECK(dialect.placeholder(1) == "?");
    CHECK(dialect.placeholder(2) == "?");
}

TEST_CASE("mysql dialect features: DDL commits, no partial indexes, 64-character names",
          "[ddl][mysql]") {
    CHECK_FALSE(dialect.features().can_rollback_ddl);
    CHECK_FALSE(dialect.features().supports_partial_indexes);
    CHECK_FALSE(dialect.features().supports_deferrable_foreign_keys);
    CHECK(dialect.features().max_identifier_length == 64);
}

TEST_CASE("mysql history table has the columns of SPEC section 4", "[ddl][mysql]") {
    CHECK(own_table_ddl(dialect, history_model()) ==
          Statements{"CREATE TABLE `covet_migrations` (`id` integer AUTO_INCREMENT NOT NULL "
                     "PRIMARY KEY, `name` varchar(255) NOT NULL, `app` varchar(255) NOT NULL, "
                     "`applied_at` datetime(6) NOT NULL, `checksum` varchar(32) NOT NULL, "
                     "CONSTRAINT `covet_migrations_name_app_uniq` UNIQUE (`name`, `app`))"});
}

TEST_CASE("mysql journal table takes the history table's id column", "[ddl][mysql]") {
    CHECK(own_table_ddl(dialect, journal_model()) ==
          Statements{"CREATE TABLE `covet_migrations_journal` (`id` integer AUTO_INCREMENT NOT "
                     "NULL PRIMARY KEY, `app` varchar(255) NOT NULL, `name` varchar(255) NOT NULL, "
                     "`backwards` integer NOT NULL, `operation` integer NOT NULL, `kind` integer "
                     "NOT NULL, `seq` integer NOT NULL, `statement` longtext NOT NULL, `done` "
                     "integer NOT NULL)"});
}

TEST_CASE("mysql float defaults that have no literal are refused", "[ddl][mysql]") {
    CHECK_THROWS_AS(dialect.quote_value(Value(std::numeric_limits<double>::infinity())),
                    MigrationError);
}

TEST_CASE("mysql create_table writes every field type's column type", "[ddl][mysql]") {
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
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE `everything` (`key` bigint AUTO_INCREMENT NOT NULL PRIMARY "
                     "KEY, `i` integer NOT NULL, `bi` bigint NOT NULL, `si` smallint NOT NULL, "
                     "`f` double precision NOT NULL, `dec` numeric(10, 2) NOT NULL, `c` "
                     "varchar(30) NOT NULL, `t` longtext NOT NULL, `e` varchar(254) NOT NULL, `u` "
                     "varchar(200) NOT NULL, `b` bool NOT NULL, `d` date NOT NULL, `tm` time(6) "
                     "NOT NULL, `dt` datetime(6) NULL, `uu` char(32) NOT NULL, `j` json NOT NULL, "
                     "`bin` longblob NOT NULL)"});
    CHECK(ddl.backwards == Statements{"RENAME TABLE `everything` TO `_covet_dropped_everything`",
                                      "DROP TABLE `_covet_dropped_everything`"});
}

TEST_CASE("mysql create_table writes defaults with backslashes escaped", "[ddl][mysql]") {
    ProjectState state;
    auto ddl = run_on(state, *create_table("settings", {{"flag", "BooleanField(default=True)"},
                                                        {"path",
                                                         "CharField(max_length=20, "
                                                         "default='C:\\\\temp')"}}));
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE `settings` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, "
                     "`flag` bool DEFAULT 1 NOT NULL, `path` varchar(20) DEFAULT 'C:\\\\temp' NOT "
                     "NULL)"});
}

TEST_CASE("mysql create_table adds foreign keys without DEFERRABLE and without SET DEFAULT",
          "[ddl][mysql]") {
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
        return "ALTER TABLE `audits` ADD CONSTRAINT `audits_" + column +
               "_fk_users_id` FOREIGN KEY (`" + column + "`) REFERENCES `users` (`id`)" + rule;
    };
    auto index = [](const std::string& column) {
        return "CREATE INDEX `audits_" + column + "_idx` ON `audits` (`" + column + "`)";
    };
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE `audits` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, "
                     "`a_id` integer NOT NULL, `b_id` integer NULL, `c_id` integer NOT NULL, "
                     "`r_id` integer NOT NULL, `s_id` integer DEFAULT 1 NOT NULL, `n_id` integer "
                     "NOT NULL)",
                     key("a_id", " ON DELETE CASCADE"), key("b_id", " ON DELETE SET NULL"),
                     key("c_id", " ON DELETE RESTRICT"), key("r_id", " ON DELETE RESTRICT"),
                     key("s_id", ""), key("n_id", ""), index("a_id"), index("b_id"), index("c_id"),
                     index("r_id"), index("s_id"), index("n_id")});
    CHECK(ddl.backwards == Statements{"RENAME TABLE `audits` TO `_covet_dropped_audits`",
                                      "DROP TABLE `_covet_dropped_audits`"});
}

TEST_CASE("mysql create_table with a many-to-many field, unique columns and indexes",
          "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *drop_table("posts"));
    auto ddl = run_on(
        state, *create_table("posts",
                             {{"title", "CharField(max_length=200)"},
                              {"author", "ForeignKey(users, on_delete=CASCADE)"},
                              {"tags", "ManyToManyField(tags)"},
                              {"slug", "CharField(max_length=50, unique=True)"},
                              {"views", "IntegerField(default=0, db_index=True)"}},
                             {{"title", "author"}},
                             {IndexSpec{"idx_posts_title", {"title"}, false, ""},
                              IndexSpec{"idx_posts_popular", {"views", "author_id"}, true, ""}},
                             "Post"));
    CHECK(ddl.forwards ==
          concat({"CREATE TABLE `posts` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, "
                  "`title` varchar(200) NOT NULL, `author_id` integer NOT NULL, `slug` "
                  "varchar(50) NOT NULL, `views` integer DEFAULT 0 NOT NULL, CONSTRAINT "
                  "`posts_slug_uniq` UNIQUE (`slug`), CONSTRAINT `posts_title_author_id_uniq` "
                  "UNIQUE (`title`, `author_id`))",
                  kAuthorKey, kAuthorIndex, "CREATE INDEX `posts_views_idx` ON `posts` (`views`)",
                  "CREATE INDEX `idx_posts_title` ON `posts` (`title`)",
                  "CREATE UNIQUE INDEX `idx_posts_popular` ON `posts` (`views`, `author_id`)"},
                 kPostsTags));
    CHECK(ddl.backwards == Statements{"RENAME TABLE `posts_tags` TO `_covet_dropped_posts_tags`",
                                      "RENAME TABLE `posts` TO `_covet_dropped_posts`",
                                      "DROP TABLE `_covet_dropped_posts_tags`",
                                      "DROP TABLE `_covet_dropped_posts`"});
}

TEST_CASE("mysql create_table with a partial index is refused", "[ddl][mysql]") {
    ProjectState state;
    auto op = create_table("items", {{"name", "CharField(max_length=10)"}}, {},
                           {IndexSpec{"idx_named", {"name"}, false, "name <> ''"}});
    CHECK_THROWS_WITH(run_on(state, *op),
                      "MySQL does not support partial indexes (index 'idx_named' has where:)");
}

TEST_CASE("mysql drop_table drops the through table first, and rollback re-creates both",
          "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_table("posts"));
    CHECK(ddl.forwards == Statements{"RENAME TABLE `posts_tags` TO `_covet_dropped_posts_tags`",
                                     "RENAME TABLE `posts` TO `_covet_dropped_posts`",
                                     "DROP TABLE `_covet_dropped_posts_tags`",
                                     "DROP TABLE `_covet_dropped_posts`"});
    CHECK(ddl.backwards == concat({kPostsTable, kAuthorKey, kAuthorIndex}, kPostsTags));
}

TEST_CASE("mysql add_column of a nullable column", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("users", "age", "IntegerField(null=True)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE `users` ADD COLUMN `age` integer NULL"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE `users` RENAME COLUMN `age` TO `_covet_dropped_users__age`",
                     "ALTER TABLE `users` DROP COLUMN `_covet_dropped_users__age`"});
}

TEST_CASE("mysql add_column of a NOT NULL column with a default", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("posts", "views", "IntegerField(default=0)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE `posts` ADD COLUMN `views` integer DEFAULT 0 NOT NULL"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE `posts` RENAME COLUMN `views` TO `_covet_dropped_posts__views`",
                     "ALTER TABLE `posts` DROP COLUMN `_covet_dropped_posts__views`"});
}

TEST_CASE(
    "mysql add_column of a foreign key adds its constraint and index, and rollback drops the "
    "key before the column",
    "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(
        state, *add_column("posts", "editor", "ForeignKey(users, on_delete=SET_NULL, null=True)"));
    const std::string key =
        "ALTER TABLE `posts` ADD CONSTRAINT `posts_editor_id_fk_users_id` FOREIGN KEY "
        "(`editor_id`) REFERENCES `users` (`id`) ON DELETE SET NULL";
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE `posts` ADD COLUMN `editor_id` integer NULL", key,
                     "CREATE INDEX `posts_editor_id_idx` ON `posts` (`editor_id`)"});
    CHECK(ddl.backwards ==
          Statements{
              "ALTER TABLE `posts` DROP FOREIGN KEY `posts_editor_id_fk_users_id`",
              "ALTER TABLE `posts` RENAME COLUMN `editor_id` TO `_covet_dropped_posts__editor_id`",
              "ALTER TABLE `posts` DROP COLUMN `_covet_dropped_posts__editor_id`"});
}

TEST_CASE("mysql add_column of a unique column adds a named unique constraint", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(
        state, *add_column("posts", "slug", "CharField(max_length=50, null=True, unique=True)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE `posts` ADD COLUMN `slug` varchar(50) NULL",
                     "ALTER TABLE `posts` ADD CONSTRAINT `posts_slug_uniq` UNIQUE (`slug`)"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE `posts` RENAME COLUMN `slug` TO `_covet_dropped_posts__slug`",
                     "ALTER TABLE `posts` DROP COLUMN `_covet_dropped_posts__slug`"});
}

TEST_CASE("mysql add_column of a many-to-many field creates the through table", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *add_column("users", "friends", "ManyToManyField(self)"));
    auto key = [](const std::string& column) {
        return "ALTER TABLE `users_friends` ADD CONSTRAINT `users_friends_" + column +
               "_fk_users_id` FOREIGN KEY (`" + column +
               "`) REFERENCES `users` (`id`) ON DELETE CASCADE";
    };
    CHECK(ddl.forwards ==
          Statements{"CREATE TABLE `users_friends` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY "
                     "KEY, `from_user_id` integer NOT NULL, `to_user_id` integer NOT NULL, "
                     "CONSTRAINT `users_friends_from_user_id_to_user_id_uniq` UNIQUE "
                     "(`from_user_id`, `to_user_id`))",
                     key("from_user_id"), key("to_user_id"),
                     "CREATE INDEX `users_friends_from_user_id_idx` ON `users_friends` "
                     "(`from_user_id`)",
                     "CREATE INDEX `users_friends_to_user_id_idx` ON `users_friends` "
                     "(`to_user_id`)"});
    CHECK(ddl.backwards ==
          Statements{"RENAME TABLE `users_friends` TO `_covet_dropped_users_friends`",
                     "DROP TABLE `_covet_dropped_users_friends`"});
}

TEST_CASE("mysql drop_column of a foreign key drops the key first", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_column("posts", "author"));
    CHECK(ddl.forwards ==
          Statements{
              "ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fk_users_id`",
              "ALTER TABLE `posts` RENAME COLUMN `author_id` TO `_covet_dropped_posts__author_id`",
              "ALTER TABLE `posts` DROP COLUMN `_covet_dropped_posts__author_id`"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE `posts` ADD COLUMN `author_id` integer NOT NULL",
                                      kAuthorKey, kAuthorIndex});
}

TEST_CASE("mysql drop_column of a plain column", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_column("users", "name"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE `users` RENAME COLUMN `name` TO `_covet_dropped_users__name`",
                     "ALTER TABLE `users` DROP COLUMN `_covet_dropped_users__name`"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE `users` ADD COLUMN `name` varchar(100) NOT NULL"});
}

TEST_CASE("mysql drop_column of a many-to-many field drops the through table", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *drop_column("posts", "tags"));
    CHECK(ddl.forwards == Statements{"RENAME TABLE `posts_tags` TO `_covet_dropped_posts_tags`",
                                     "DROP TABLE `_covet_dropped_posts_tags`"});
    CHECK(ddl.backwards == kPostsTags);
}
