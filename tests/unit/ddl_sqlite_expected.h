// What the SQLite DDL tests share: the dialect, run_on, and the statements
// the blog schema of ddl_harness.h expects on it.
#pragma once

#include <string>

#include "ddl_harness.h"
#include "sqlite/sqlite_dialect.h"

namespace covet::ddl_test::on_sqlite {

inline const SqliteDialect dialect;

inline const DdlRunner run_on{dialect};

inline const std::string kPostsTable =
    "CREATE TABLE \"posts\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"title\" "
    "varchar(200) NOT NULL, \"author_id\" integer NOT NULL REFERENCES \"users\" (\"id\") ON "
    "DELETE CASCADE DEFERRABLE INITIALLY DEFERRED)";
inline const std::string kPostsTagsTable =
    "CREATE TABLE \"posts_tags\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"post_id\" "
    "integer NOT NULL REFERENCES \"posts\" (\"id\") ON DELETE CASCADE DEFERRABLE INITIALLY "
    "DEFERRED, \"tag_id\" integer NOT NULL REFERENCES \"tags\" (\"id\") ON DELETE CASCADE "
    "DEFERRABLE INITIALLY DEFERRED, CONSTRAINT \"posts_tags_post_id_tag_id_uniq\" UNIQUE "
    "(\"post_id\", \"tag_id\"))";

// The statements of a rebuild of `table`: the copy, the swap that keeps
// views working, the indexes, and the triggers kept across the drop.
inline Statements rebuild(const std::string& table, const std::string& new_columns,
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

inline Statements rebuild_posts(const std::string& new_columns, const std::string& insert_columns,
                                const std::string& select_values, const Statements& indexes = {}) {
    return rebuild("posts", new_columns, insert_columns, select_values, indexes);
}

inline const std::string kId = "\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT";
inline const std::string kTitle = "\"title\" varchar(200) NOT NULL";
inline const std::string kAuthor =
    "\"author_id\" integer NOT NULL REFERENCES \"users\" (\"id\") ON DELETE CASCADE DEFERRABLE "
    "INITIALLY DEFERRED";
inline const std::string kAuthorIndex =
    "CREATE INDEX \"posts_author_id_idx\" ON \"posts\" (\"author_id\")";

}  // namespace covet::ddl_test::on_sqlite
