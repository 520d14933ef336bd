#include <catch2/catch.hpp>

#include <limits>

#include "covet/error.h"
#include "ddl_harness.h"
#include "migrate/recorder_models.h"
#include "mysql/mysql_dialect.h"

using namespace covet;
using namespace covet::ddl_test;

namespace {

const MysqlDialect dialect;

Ddl run_on(ProjectState& state, const Operation& op) {
    return run(dialect, op, state);
}

const std::string kPostsTable =
    "CREATE TABLE `posts` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `title` "
    "varchar(200) NOT NULL, `author_id` integer NOT NULL)";
const std::string kAuthorKey =
    "ALTER TABLE `posts` ADD CONSTRAINT `posts_author_id_fk_users_id` FOREIGN KEY (`author_id`) "
    "REFERENCES `users` (`id`) ON DELETE CASCADE";
const std::string kAuthorIndex = "CREATE INDEX `posts_author_id_idx` ON `posts` (`author_id`)";
const Statements kPostsTags = {
    "CREATE TABLE `posts_tags` (`id` integer AUTO_INCREMENT NOT NULL PRIMARY KEY, `post_id` "
    "integer NOT NULL, `tag_id` integer NOT NULL, CONSTRAINT `posts_tags_post_id_tag_id_uniq` "
    "UNIQUE (`post_id`, `tag_id`))",
    "ALTER TABLE `posts_tags` ADD CONSTRAINT `posts_tags_post_id_fk_posts_id` FOREIGN KEY "
    "(`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE",
    "ALTER TABLE `posts_tags` ADD CONSTRAINT `posts_tags_tag_id_fk_tags_id` FOREIGN KEY "
    "(`tag_id`) REFERENCES `tags` (`id`) ON DELETE CASCADE",
    "CREATE INDEX `posts_tags_post_id_idx` ON `posts_tags` (`post_id`)",
    "CREATE INDEX `posts_tags_tag_id_idx` ON `posts_tags` (`tag_id`)"};

Statements concat(Statements a, const Statements& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

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

TEST_CASE("mysql alter_column of the type modifies the column with its whole definition",
          "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title", "CharField(max_length=300)"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE `posts` MODIFY `title` varchar(300) NOT NULL"});
    CHECK(
        ddl.backwards ==
        Statements{std::string(kGuardMarker) +
                       "\nSELECT 'cannot narrow posts.title to varchar(200): a row holds a value "
                       "of ', longest, ' characters' FROM (SELECT max(char_length(CAST(`title` AS "
                       "char))) AS longest FROM `posts`) AS covet_longest WHERE longest > 200",
                   "ALTER TABLE `posts` MODIFY `title` varchar(200) NOT NULL"});
}

TEST_CASE("mysql alter_column to NOT NULL fills NULLs with the default first", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "views", "IntegerField(null=True)"));
    auto ddl = run_on(state, *alter_column("posts", "views", "IntegerField(default=0)"));
    CHECK(ddl.forwards ==
          Statements{"UPDATE `posts` SET `views` = 0 WHERE `views` IS NULL",
                     "ALTER TABLE `posts` MODIFY `views` integer DEFAULT 0 NOT NULL"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE `posts` MODIFY `views` integer NULL"});
}

TEST_CASE("mysql alter_column of the default modifies the column", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    run_on(state, *add_column("posts", "views", "IntegerField(default=0)"));
    auto ddl = run_on(state, *alter_column("posts", "views", "IntegerField(default=5)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE `posts` MODIFY `views` integer DEFAULT 5 NOT NULL"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE `posts` MODIFY `views` integer DEFAULT 0 NOT NULL"});
}

TEST_CASE("mysql alter_column of unique adds and drops a named unique index", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "unique=True)"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE `posts` ADD CONSTRAINT `posts_title_uniq` UNIQUE (`title`)"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE `posts` DROP INDEX `posts_title_uniq`"});
}

TEST_CASE(
    "mysql alter_column of an auto primary key's type keeps the key out of MODIFY and "
    "converts the foreign keys pointing at it",
    "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("tags", "id", "BigAutoField(primary_key=True)"));
    const std::string drop =
        "ALTER TABLE `posts_tags` DROP FOREIGN KEY `posts_tags_tag_id_fk_tags_id`";
    const std::string add = kPostsTags[2];
    CHECK(ddl.forwards ==
          Statements{drop, "ALTER TABLE `tags` MODIFY `id` bigint AUTO_INCREMENT NOT NULL",
                     "ALTER TABLE `posts_tags` MODIFY `tag_id` bigint NOT NULL", add});
    CHECK(ddl.backwards ==
          Statements{std::string(kGuardMarker) +
                         "\nSELECT 'cannot narrow tags.id to integer: a row holds the value ', "
                         "CAST(`id` AS char) FROM `tags` WHERE `id` < -2147483647 - 1 OR `id` > "
                         "2147483647 LIMIT 1",
                     drop, "ALTER TABLE `tags` MODIFY `id` integer AUTO_INCREMENT NOT NULL",
                     "ALTER TABLE `posts_tags` MODIFY `tag_id` integer NOT NULL", add});
}

TEST_CASE(
    "mysql alter_column of a foreign key's null modifies it in place, of its on_delete "
    "rule replaces the key",
    "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "author",
                                           "ForeignKey(users, "
                                           "on_delete=CASCADE, null=True)"));
    const std::string drop = "ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fk_users_id`";
    CHECK(ddl.forwards == Statements{"ALTER TABLE `posts` MODIFY `author_id` integer NULL"});
    auto on_delete = run_on(state, *alter_column("posts", "author",
                                                 "ForeignKey(users, "
                                                 "on_delete=PROTECT, "
                                                 "null=True)"));
    CHECK(on_delete.forwards ==
          Statements{drop,
                     "ALTER TABLE `posts` ADD CONSTRAINT `posts_author_id_fk_users_id` FOREIGN "
                     "KEY (`author_id`) REFERENCES `users` (`id`) ON DELETE RESTRICT"});
    CHECK(on_delete.backwards == Statements{drop, kAuthorKey});
}

TEST_CASE("mysql alter_column that changes nothing in the database writes nothing",
          "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *alter_column("posts", "title",
                                           "CharField(max_length=200, "
                                           "help_text='Shown in lists')"));
    CHECK(ddl.forwards.empty());
    CHECK(ddl.backwards.empty());
}

TEST_CASE(
    "mysql rename_table renames the through table, and foreign keys are re-added under their "
    "new names",
    "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_table("posts", "articles"));
    CHECK(ddl.forwards ==
          Statements{
              "RENAME TABLE `posts` TO `articles`",
              "ALTER TABLE `articles` DROP FOREIGN KEY `posts_author_id_fk_users_id`",
              "ALTER TABLE `articles` ADD CONSTRAINT `articles_author_id_fk_users_id` FOREIGN KEY "
              "(`author_id`) REFERENCES `users` (`id`) ON DELETE CASCADE",
              "ALTER TABLE `articles` RENAME INDEX `posts_author_id_idx` TO "
              "`articles_author_id_idx`",
              "RENAME TABLE `posts_tags` TO `articles_tags`",
              "ALTER TABLE `articles_tags` DROP FOREIGN KEY `posts_tags_post_id_fk_posts_id`",
              "ALTER TABLE `articles_tags` ADD CONSTRAINT `articles_tags_post_id_fk_articles_id` "
              "FOREIGN KEY (`post_id`) REFERENCES `articles` (`id`) ON DELETE CASCADE",
              "ALTER TABLE `articles_tags` RENAME INDEX `posts_tags_post_id_idx` TO "
              "`articles_tags_post_id_idx`",
              "ALTER TABLE `articles_tags` DROP FOREIGN KEY `posts_tags_tag_id_fk_tags_id`",
              "ALTER TABLE `articles_tags` ADD CONSTRAINT `articles_tags_tag_id_fk_tags_id` "
              "FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON DELETE CASCADE",
              "ALTER TABLE `articles_tags` RENAME INDEX `posts_tags_tag_id_idx` TO "
              "`articles_tags_tag_id_idx`",
              "ALTER TABLE `articles_tags` RENAME INDEX `posts_tags_post_id_tag_id_uniq` TO "
              "`articles_tags_post_id_tag_id_uniq`"});
    CHECK(ddl.backwards ==
          Statements{
              "RENAME TABLE `articles` TO `posts`",
              "ALTER TABLE `posts` DROP FOREIGN KEY `articles_author_id_fk_users_id`",
              "ALTER TABLE `posts` ADD CONSTRAINT `posts_author_id_fk_users_id` FOREIGN KEY "
              "(`author_id`) REFERENCES `users` (`id`) ON DELETE CASCADE",
              "ALTER TABLE `posts` RENAME INDEX `articles_author_id_idx` TO `posts_author_id_idx`",
              "RENAME TABLE `articles_tags` TO `posts_tags`",
              "ALTER TABLE `posts_tags` DROP FOREIGN KEY `articles_tags_post_id_fk_articles_id`",
              "ALTER TABLE `posts_tags` ADD CONSTRAINT `posts_tags_post_id_fk_posts_id` "
              "FOREIGN KEY (`post_id`) REFERENCES `posts` (`id`) ON DELETE CASCADE",
              "ALTER TABLE `posts_tags` RENAME INDEX `articles_tags_post_id_idx` TO "
              "`posts_tags_post_id_idx`",
              "ALTER TABLE `posts_tags` DROP FOREIGN KEY `articles_tags_tag_id_fk_tags_id`",
              "ALTER TABLE `posts_tags` ADD CONSTRAINT `posts_tags_tag_id_fk_tags_id` "
              "FOREIGN KEY (`tag_id`) REFERENCES `tags` (`id`) ON DELETE CASCADE",
              "ALTER TABLE `posts_tags` RENAME INDEX `articles_tags_tag_id_idx` TO "
              "`posts_tags_tag_id_idx`",
              "ALTER TABLE `posts_tags` RENAME INDEX `articles_tags_post_id_tag_id_uniq` TO "
              "`posts_tags_post_id_tag_id_uniq`"});
}

TEST_CASE("mysql rename_table of a referenced table re-adds the referencing keys", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_table("users", "members"));
    CHECK(ddl.forwards ==
          Statements{"RENAME TABLE `users` TO `members`",
                     "ALTER TABLE `members` RENAME INDEX `users_email_uniq` TO "
                     "`members_email_uniq`",
                     "ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fk_users_id`",
                     "ALTER TABLE `posts` ADD CONSTRAINT `posts_author_id_fk_members_id` FOREIGN "
                     "KEY (`author_id`) REFERENCES `members` (`id`) ON DELETE CASCADE"});
    CHECK(ddl.backwards ==
          Statements{"RENAME TABLE `members` TO `users`",
                     "ALTER TABLE `users` RENAME INDEX `members_email_uniq` TO `users_email_uniq`",
                     "ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fk_members_id`",
                     kAuthorKey});
}

TEST_CASE("mysql rename_column renames a plain column", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_column("posts", "title", "headline"));
    CHECK(ddl.forwards == Statements{"ALTER TABLE `posts` RENAME COLUMN `title` TO `headline`"});
    CHECK(ddl.backwards == Statements{"ALTER TABLE `posts` RENAME COLUMN `headline` TO `title`"});
}

TEST_CASE(
    "mysql rename_column of a foreign key renames author_id to writer_id, its key and "
    "its index",
    "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto ddl = run_on(state, *rename_column("posts", "author_id", "writer_id"));
    CHECK(ddl.forwards ==
          Statements{"ALTER TABLE `posts` RENAME COLUMN `author_id` TO `writer_id`",
                     "ALTER TABLE `posts` DROP FOREIGN KEY `posts_author_id_fk_users_id`",
                     "ALTER TABLE `posts` ADD CONSTRAINT `posts_writer_id_fk_users_id` FOREIGN "
                     "KEY (`writer_id`) REFERENCES `users` (`id`) ON DELETE CASCADE",
                     "ALTER TABLE `posts` RENAME INDEX `posts_author_id_idx` TO "
                     "`posts_writer_id_idx`"});
    CHECK(ddl.backwards ==
          Statements{"ALTER TABLE `posts` RENAME COLUMN `writer_id` TO `author_id`",
                     "ALTER TABLE `posts` DROP FOREIGN KEY `posts_writer_id_fk_users_id`",
                     kAuthorKey,
                     "ALTER TABLE `posts` RENAME INDEX `posts_writer_id_idx` TO "
                     "`posts_author_id_idx`"});
}

TEST_CASE("mysql create_index writes unique indexes, and drop_index names the table",
          "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    auto unique = run_on(
        state,
        *create_index("posts", IndexSpec{"idx_title_author", {"title", "author"}, true, ""}));
    CHECK(unique.forwards ==
          Statements{"CREATE UNIQUE INDEX `idx_title_author` ON `posts` (`title`, `author_id`)"});
    CHECK(unique.backwards == Statements{"DROP INDEX `idx_title_author` ON `posts`"});

    auto dropped = run_on(state, *drop_index("posts", "idx_title_author"));
    CHECK(dropped.forwards == Statements{"DROP INDEX `idx_title_author` ON `posts`"});
    CHECK(dropped.backwards == unique.forwards);
}

TEST_CASE("mysql create_index with where: is refused", "[ddl][mysql]") {
    ProjectState state = blog_state(dialect);
    CHECK_THROWS_WITH(
        run_on(state,
               *create_index("users", IndexSpec{"idx_named", {"name"}, false, "name <> ''"})),
        "MySQL does not support partial indexes (index 'idx_named' has where:)");
}

TEST_CASE("mysql run_sql runs for its own dialect or for every dialect", "[ddl][mysql]") {
    ProjectState state;
    auto any = run_on(state, *run_sql("UPDATE t SET x = 1", "UPDATE t SET x = 0"));
    CHECK(any.forwards == Statements{"UPDATE t SET x = 1"});
    CHECK(any.backwards == Statements{"UPDATE t SET x = 0"});
    auto own = run_on(state, *run_sql("OPTIMIZE TABLE t", "SELECT 1", "mysql"));
    CHECK(own.forwards == Statements{"OPTIMIZE TABLE t"});
    CHECK(own.backwards == Statements{"SELECT 1"});
    auto other = run_on(state, *run_sql("VACUUM ANALYZE", "SELECT 1", "postgresql"));
    CHECK(other.forwards.empty());
    CHECK(other.backwards.empty());
}
