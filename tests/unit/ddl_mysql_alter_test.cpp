// MySQL DDL: alter_column, rename_table/rename_column, indexes and run_sql.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "ddl_mysql_expected.h"

using namespace covet;
using namespace covet::ddl_test;
using namespace covet::ddl_test::on_mysql;

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
