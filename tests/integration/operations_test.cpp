// Every operation applied and rolled back on a live database.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "covet/error.h"
#include "migration_harness.h"

using covet::test::MigrationHarness;

namespace {

bool has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

bool has_index(MigrationHarness& h, const std::string& table, const std::string& name) {
    for (const auto& i : h.indexes(table))
        if (i.name == name) return true;
    return false;
}

const char* kInitial = R"Y(app: blog
operations:
  - create_table:
      table: users
      model: User
      fields:
        id: AutoField(primary_key=True)
        name: CharField(max_length=100)
        age: IntegerField(null=True)
  - create_table:
      table: tags
      model: Tag
      fields:
        name: CharField(max_length=50, unique=True)
  - create_table:
      table: posts
      model: Post
      fields:
        id: AutoField(primary_key=True)
        title: CharField(max_length=200)
        author: ForeignKey(users, on_delete=CASCADE, related_name=posts)
        tags: ManyToManyField(tags, related_name=posts)
        view_count: {type: IntegerField, default: 0}
      unique_together: [[title, view_count]]
      indexes: [{name: idx_posts_title, columns: [title]}]
)Y";

void write_initial(MigrationHarness& h) {
    h.write("blog/0001_initial.yaml", kInitial);
}

}  // namespace

COVET_BACKEND_TEST("create_table builds columns, foreign keys, indexes and the through table") {
    write_initial(h);
    h.migrate();
    auto tables = h.tables();
    CHECK(has(tables, "users"));
    CHECK(has(tables, "posts"));
    CHECK(has(tables, "posts_tags"));
    CHECK(has(tables, "covet_migrations"));

    auto id = h.column("posts", "id");
    REQUIRE(id);
    CHECK(id->primary_key);
    CHECK(id->type == "integer");
    auto author = h.column("posts", "author_id");
    REQUIRE(author);
    CHECK(author->not_null);
    CHECK(h.column("tags", "id"));  // implicit primary key
    CHECK(h.column("posts", "view_count")->default_value == "0");

    auto fks = h.foreign_keys("posts");
    REQUIRE(fks.size() == 1);
    CHECK(fks[0].column == "author_id");
    CHECK(fks[0].table == "users");
    CHECK(fks[0].on_delete == "CASCADE");

    auto through = h.foreign_keys("posts_tags");
    REQUIRE(through.size() == 2);
    CHECK(through[0].column == "post_id");
    CHECK(through[1].column == "tag_id");
    CHECK(has_index(h, "posts", "idx_posts_title"));
    bool fk_indexed = false;
    for (const auto& i : h.indexes("posts"))
        if (i.columns == std::vector<std::string>{"author_id"}) fk_indexed = true;
    CHECK(fk_indexed);
}

COVET_BACKEND_TEST("rolling back create_table drops the tables and the through table") {
    write_initial(h);
    h.migrate();
    h.rollback();
    CHECK(h.user_tables().empty());
    CHECK(h.applied().empty());
}

COVET_BACKEND_TEST("add_column and drop_column apply and roll back") {
    write_initial(h);
    h.write("blog/0002_email.yaml", R"Y(dependencies: [0001_initial]
operations:
  - add_column: {table: users, column: email, field: "CharField(max_length=254, default='')"}
  - add_column: {table: posts, column: editor, field: "ForeignKey(users, on_delete=SET_NULL, null=True)"}
)Y");
    h.migrate();
    CHECK(h.column("users", "email"));
    CHECK(h.column("posts", "editor_id"));
    h.rollback();
    CHECK_FALSE(h.column("users", "email"));
    CHECK_FALSE(h.column("posts", "editor_id"));

    h.write("blog/0002_email.yaml", R"Y(dependencies: [0001_initial]
operations:
  - drop_column: {table: users, column: age}
  - drop_column: {table: posts, column: author}
)Y");
    h.migrate();
    CHECK_FALSE(h.column("users", "age"));
    CHECK_FALSE(h.column("posts", "author_id"));
    h.rollback();
    REQUIRE(h.column("users", "age"));
    CHECK_FALSE(h.column("users", "age")->not_null);
    REQUIRE(h.column("posts", "author_id"));
    CHECK(h.foreign_keys("posts").size() == 1);
}

COVET_BACKEND_TEST("alter_column keeps rows, indexes and foreign keys and rolls back") {
    write_initial(h);
    h.migrate();
    h.db().execute("INSERT INTO users (id, name, age) VALUES (1, 'Ann', 30), (2, 'Bob', NULL)");
    h.db().execute(
        "INSERT INTO posts (id, title, author_id, view_count) VALUES (1, 'Hello', 1, 5)");
    h.write("blog/0002_alter.yaml", R"Y(dependencies: [0001_initial]
operations:
  - alter_column: {table: users, column: name, field: "CharField(max_length=300)"}
  - alter_column: {table: posts, column: title, field: "CharField(max_length=250, db_index=True)"}
)Y");
    h.migrate();
    CHECK(h.column("users", "name")->type == "varchar(300)");
    CHECK(h.count("users") == 2);
    CHECK(h.count("posts") == 1);
    CHECK(h.foreign_keys("posts").size() == 1);
    CHECK(has_index(h, "posts", "idx_posts_title"));
    auto name = h.db().query("SELECT name FROM users WHERE id = 2").rows.at(0).at(0);
    CHECK(name.to_string() == "Bob");
    h.rollback();
    CHECK(h.column("users", "name")->type == "varchar(100)");
    CHECK(h.count("users") == 2);
    CHECK(h.count("posts") == 1);
    CHECK(has_index(h, "posts", "idx_posts_title"));
}

COVET_BACKEND_TEST("rename_column and rename_table keep rows and roll back") {
    write_initial(h);
    h.migrate();
    h.db().execute("INSERT INTO users (id, name) VALUES (1, 'Ann')");
    h.db().execute("INSERT INTO posts (id, title, author_id) VALUES (7, 'T', 1)");
    h.write("blog/0002_rename.yaml", R"Y(dependencies: [0001_initial]
operations:
  - rename_column: {table: users, old: name, new: full_name}
  - rename_column: {table: posts, old: author, new: writer}
  - rename_table: {old: posts, new: articles}
)Y");
    h.migrate();
    CHECK(h.column("users", "full_name"));
    CHECK_FALSE(h.column("users", "name"));
    CHECK(has(h.tables(), "articles"));
    CHECK_FALSE(has(h.tables(), "posts"));
    CHECK(has(h.tables(), "articles_tags"));
    CHECK(h.column("articles", "writer_id"));
    CHECK(h.db().query("SELECT writer_id FROM articles WHERE id = 7").rows.at(0).at(0).as_int() ==
          1);
    h.rollback();
    CHECK(has(h.tables(), "posts"));
    CHECK(has(h.tables(), "posts_tags"));
    CHECK(h.column("users", "name"));
    CHECK(h.db().query("SELECT author_id FROM posts WHERE id = 7").rows.at(0).at(0).as_int() == 1);
}

COVET_BACKEND_TEST("create_index, drop_index and drop_table apply and roll back") {
    write_initial(h);
    // MySQL has no partial indexes.
    std::string where = h.backend() == "mysql" ? "" : ", where: \"age > 0\"";
    h.write("blog/0002_idx.yaml", R"Y(dependencies: [0001_initial]
operations:
  - create_index: {name: idx_u, table: users, columns: [name], unique: true)Y" +
                                      where + R"Y(}
  - drop_index: {name: idx_posts_title, table: posts}
)Y");
    h.migrate();
    CHECK(has_index(h, "users", "idx_u"));
    CHECK_FALSE(has_index(h, "posts", "idx_posts_title"));
    h.rollback();
    CHECK_FALSE(has_index(h, "users", "idx_u"));
    CHECK(has_index(h, "posts", "idx_posts_title"));

    h.write("blog/0002_idx.yaml", R"Y(dependencies: [0001_initial]
operations:
  - drop_table: {table: posts}
)Y");
    h.migrate();
    CHECK_FALSE(has(h.tables(), "posts"));
    CHECK_FALSE(has(h.tables(), "posts_tags"));
    h.rollback();
    CHECK(has(h.tables(), "posts"));
    CHECK(has(h.tables(), "posts_tags"));
    CHECK(h.foreign_keys("posts").size() == 1);
}

COVET_BACKEND_TEST("run_sql runs forwards and its reverse_sql backwards") {
    write_initial(h);
    // A statement for another dialect neither runs nor blocks the rollback.
    std::string other = h.backend() == "postgresql" ? "mysql" : "postgresql";
    h.write("blog/0002_sql.yaml", R"Y(dependencies: [0001_initial]
operations:
  - run_sql:
      sql: "INSERT INTO users (name) VALUES ('seed'); INSERT INTO users (name) VALUES ('two')"
      reverse_sql: "DELETE FROM users WHERE name IN ('seed', 'two')"
  - run_sql: {sql: "INSERT INTO users (name) VALUES ('elsewhere')", dialect: )Y" +
                                      other +
                                      R"Y(}
)Y");
    h.migrate();
    CHECK(h.count("users") == 2);
    h.rollback();
    CHECK(h.count("users") == 0);
}

COVET_BACKEND_TEST("rolling back run_sql without reverse_sql fails and changes nothing") {
    write_initial(h);
    h.write("blog/0002_sql.yaml", R"Y(dependencies: [0001_initial]
operations:
  - add_column: {table: users, column: nick, field: "CharField(max_length=10, null=True)"}
  - run_sql: {sql: "UPDATE users SET nick = 'x'"}
)Y");
    h.migrate();
    REQUIRE_THROWS_AS(h.rollback(), covet::IrreversibleError);
    REQUIRE_THROWS_WITH(h.rollback(),
                        Catch::Contains("blog.0002_sql") && Catch::Contains("operation 2"));
    CHECK(h.column("users", "nick"));
    CHECK(h.applied().size() == 2);
}

COVET_BACKEND_TEST("ON DELETE CASCADE, SET_NULL and PROTECT act on real rows") {
    h.write("0001_fk.yaml", R"Y(operations:
  - create_table:
      table: owners
      fields: {name: "CharField(max_length=20)"}
  - create_table:
      table: pets
      fields:
        owner: ForeignKey(owners, on_delete=CASCADE)
        sitter: "ForeignKey(owners, on_delete=SET_NULL, null=True, related_name=sat)"
  - create_table:
      table: deeds
      fields:
        owner: ForeignKey(owners, on_delete=PROTECT)
)Y");
    h.migrate();
    h.db().execute("INSERT INTO owners (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    h.db().execute("INSERT INTO pets (id, owner_id, sitter_id) VALUES (1, 1, 2), (2, 2, 1)");
    h.db().execute("INSERT INTO deeds (id, owner_id) VALUES (1, 3)");
    h.db().execute("DELETE FROM owners WHERE id = 1");
    // Pet 1 (owned by 1) went with its owner; pet 2 (sat by 1) stays, its sitter cleared.
    CHECK(h.db().query("SELECT id FROM pets WHERE id = 1").rows.empty());
    auto pet2 = h.db().query("SELECT owner_id, sitter_id FROM pets WHERE id = 2");
    REQUIRE(pet2.rows.size() == 1);
    CHECK(pet2.rows[0][0].as_int() == 2);
    CHECK(pet2.rows[0][1].is_null());
    h.db().execute("DELETE FROM owners WHERE id = 2");
    CHECK(h.count("pets") == 0);
    REQUIRE_THROWS_AS(h.db().execute("DELETE FROM owners WHERE id = 3"), covet::IntegrityError);
    CHECK(h.count("owners") == 1);

    h.db().execute("INSERT INTO owners (id, name) VALUES (4, 'd'), (5, 'e')");
    h.db().execute("INSERT INTO pets (id, owner_id, sitter_id) VALUES (3, 4, 5)");
    h.db().execute("DELETE FROM owners WHERE id = 5");
    CHECK(h.db().query("SELECT sitter_id FROM pets WHERE id = 3").rows.at(0).at(0).is_null());
}

COVET_BACKEND_TEST("a migration failing in its third operation leaves nothing behind") {
    write_initial(h);
    h.migrate();
    h.db().execute("INSERT INTO users (id, name) VALUES (1, 'Ann')");
    h.write("blog/0002_bad.yaml", R"Y(dependencies: [0001_initial]
operations:
  - add_column: {table: users, column: nick, field: "CharField(max_length=10, null=True)"}
  - create_table: {table: extra, fields: {n: IntegerField()}}
  - run_sql: {sql: "INSERT INTO no_such_table VALUES (1)"}
)Y");
    try {
        h.migrate();
        FAIL("migration did not fail");
    } catch (const covet::MigrationError& e) {
        std::string msg = e.what();
        CHECK(msg.find("blog.0002_bad") != std::string::npos);
        CHECK(msg.find("operation 3") != std::string::npos);
        CHECK(msg.find("no_such_table") != std::string::npos);
    }
    CHECK_FALSE(h.column("users", "nick"));
    CHECK_FALSE(has(h.tables(), "extra"));
    CHECK(h.applied().size() == 1);
    CHECK(h.count("users") == 1);
}

COVET_BACKEND_TEST("the blog example migrates, rolls back fully and migrates again without drift") {
    namespace fs = std::filesystem;
    for (const auto& entry :
         fs::directory_iterator(fs::path(COVET_SOURCE_DIR) / "migrations-examples/blog"))
        fs::copy_file(entry.path(), h.root() / "migrations" / entry.path().filename());
    h.migrate();
    CHECK(h.applied().size() == 3);
    CHECK(h.drift().empty());
    h.rollback(3);
    CHECK(h.applied().empty());
    CHECK(h.user_tables().empty());
    CHECK(h.drift().empty());
    h.migrate();
    CHECK(h.drift().empty());
    h.migrate("0001");
    CHECK(h.applied().size() == 1);
    CHECK(h.drift().empty());
}

COVET_BACKEND_TEST("drift is found when the live schema differs from the state") {
    write_initial(h);
    h.migrate();
    h.db().execute("ALTER TABLE users ADD COLUMN extra integer");
    auto drift = h.drift();
    REQUIRE(drift.size() == 1);
    CHECK(drift[0].find("users.extra") != std::string::npos);
}

// Drift compares each column's written type with what the database reports,
// which differs by back end (serial reads back as integer, MariaDB keeps json
// as longtext and bool as tinyint(1), MySQL's auto_increment rides in the type).
COVET_BACKEND_TEST("a table of types each back end reports its own way shows no drift") {
    h.write("kinds/0001_initial.yaml", R"Y(app: kinds
operations:
  - create_table:
      table: kinds
      model: Kind
      fields:
        id: BigAutoField(primary_key=True)
        payload: JSONField(null=True)
        flag: BooleanField(default=False)
        count: IntegerField(default=0)
)Y");
    h.migrate();
    CHECK(h.drift().empty());
}
