// MysqlConnection introspection against the live test server: tables, column
// types and defaults, foreign keys, indexes.
#include <catch2/catch.hpp>

#include <optional>

#include "connection_test_support.h"
#include "covet/error.h"
#include "mysql_test_connection.h"

using covet::IntrospectedTable;
using covet::MysqlConnection;
using covet::test::column_types;
using covet::test::find_index;
using namespace covet::test::on_mysql;

namespace {

void create_library(MysqlConnection& db) {
    db.execute(
        "CREATE TABLE authors (id integer AUTO_INCREMENT NOT NULL PRIMARY KEY, name varchar(200) "
        "NOT NULL DEFAULT 'anon', score double precision NULL, active bool NOT NULL DEFAULT 1, "
        "price numeric(10, 2) NULL DEFAULT 0.00, born date NULL, wakes time(6) NULL, created "
        "datetime(6) NOT NULL, token char(32) NULL, bio longtext NULL, photo longblob NULL, "
        "big bigint NULL, small smallint NULL, UNIQUE (name))");
    db.execute(
        "CREATE TABLE books (id bigint AUTO_INCREMENT NOT NULL PRIMARY KEY, author_id integer NOT "
        "NULL, editor_id integer NULL, title varchar(100) NOT NULL, CONSTRAINT books_author_fk "
        "FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE CASCADE, CONSTRAINT "
        "books_editor_fk FOREIGN KEY (editor_id) REFERENCES authors (id) ON DELETE SET NULL)");
    db.execute("CREATE INDEX books_title_author_idx ON books (title, author_id)");
}

void check_authors_columns(const IntrospectedTable& authors) {
    CHECK(column_types(authors) ==
          std::vector<std::pair<std::string, std::string>>{{"id", "integer"},
                                                           {"name", "varchar(200)"},
                                                           {"score", "double precision"},
                                                           {"active", "bool"},
                                                           {"price", "numeric(10,2)"},
                                                           {"born", "date"},
                                                           {"wakes", "time(6)"},
                                                           {"created", "datetime(6)"},
                                                           {"token", "char(32)"},
                                                           {"bio", "longtext"},
                                                           {"photo", "longblob"},
                                                           {"big", "bigint"},
                                                           {"small", "smallint"}});
    const auto* id = authors.column("id");
    REQUIRE(id);
    CHECK(id->primary_key);
    CHECK(id->auto_increment);
    CHECK_FALSE(id->nullable);
    CHECK(authors.column("name")->default_value == std::optional<std::string>("'anon'"));
    CHECK_FALSE(authors.column("name")->nullable);
    CHECK(authors.column("active")->default_value == std::optional<std::string>("1"));
    CHECK(authors.column("price")->default_value == std::optional<std::string>("0.00"));
    CHECK(authors.column("score")->nullable);
    CHECK_FALSE(authors.column("score")->default_value.has_value());
    CHECK_FALSE(authors.column("created")->default_value.has_value());
    CHECK_FALSE(authors.column("name")->primary_key);
    CHECK_FALSE(authors.column("name")->auto_increment);
}

void check_authors_indexes(const IntrospectedTable& authors) {
    const auto* primary = find_index(authors, "PRIMARY");
    REQUIRE(primary);
    CHECK(primary->primary);
    CHECK(primary->unique);
    CHECK(primary->columns == std::vector<std::string>{"id"});
    const auto* unique_name = find_index(authors, "name");
    REQUIRE(unique_name);
    CHECK(unique_name->unique);
    CHECK_FALSE(unique_name->primary);
}

void check_books(const IntrospectedTable& books) {
    CHECK(books.column("id")->type == "bigint");
    REQUIRE(books.foreign_keys.size() == 2);
    CHECK(books.foreign_keys[0].name == "books_author_fk");
    CHECK(books.foreign_keys[0].column == "author_id");
    CHECK(books.foreign_keys[0].target_table == "authors");
    CHECK(books.foreign_keys[0].target_column == "id");
    CHECK(books.foreign_keys[0].on_delete == "CASCADE");
    CHECK(books.foreign_keys[1].name == "books_editor_fk");
    CHECK(books.foreign_keys[1].on_delete == "SET NULL");
    const auto* composite = find_index(books, "books_title_author_idx");
    REQUIRE(composite);
    CHECK(composite->columns == std::vector<std::string>{"title", "author_id"});
    CHECK_FALSE(composite->unique);
    // InnoDB indexes every foreign key column that no other index leads with.
    CHECK(find_index(books, "books_editor_fk") != nullptr);
    for (std::size_t i = 1; i < books.indexes.size(); ++i)
        CHECK(books.indexes[i - 1].name < books.indexes[i].name);
}

}  // namespace

TEST_CASE("MySQL introspection reports columns, defaults, keys and indexes", "[mysql]") {
    auto db = fresh();
    create_library(*db);

    CHECK(db->table_names() == std::vector<std::string>{"authors", "books"});
    CHECK(db->table_exists("books"));
    CHECK_FALSE(db->table_exists("nope"));
    CHECK_THROWS_AS(db->describe_table("nope"), covet::DatabaseError);

    const IntrospectedTable authors = db->describe_table("authors");
    check_authors_columns(authors);
    check_authors_indexes(authors);
    check_books(db->describe_table("books"));
}
