// What the PostgreSQL DDL tests share: the dialect, run_on, and the statements
// the blog schema of ddl_harness.h expects on it.
#pragma once

#include <string>

#include "ddl_harness.h"
#include "postgres/postgres_dialect.h"

namespace covet::ddl_test::on_postgres {

inline const PostgresDialect dialect;

inline const DdlRunner run_on{dialect};

inline const std::string kDeferred = " DEFERRABLE INITIALLY DEFERRED";
inline const std::string kPostsTable =
    "CREATE TABLE \"posts\" (\"id\" serial NOT NULL PRIMARY KEY, \"title\" varchar(200) NOT "
    "NULL, \"author_id\" integer NOT NULL)";
inline const std::string kAuthorKey =
    "ALTER TABLE \"posts\" ADD CONSTRAINT \"posts_author_id_fk_users_id\" FOREIGN KEY "
    "(\"author_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE" +
    kDeferred;
inline const std::string kAuthorIndex =
    "CREATE INDEX \"posts_author_id_idx\" ON \"posts\" (\"author_id\")";
inline const Statements kPostsTags = {
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

// The guard before title (varchar) becomes varchar(200) again.
inline const std::string kTitleGuard200 =
    std::string(kGuardMarker) +
    "\nSELECT 'cannot narrow posts.title to varchar(200): a row holds a value of ', longest, ' "
    "characters' FROM (SELECT max(char_length(CAST(\"title\" AS text))) AS longest FROM "
    "\"posts\") AS covet_longest WHERE longest > 200";

}  // namespace covet::ddl_test::on_postgres
