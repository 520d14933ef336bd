// One test per load error kind, asserting file, line, column and message.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "covet/error.h"
#include "covet/executor.h"
#include "covet/graph.h"
#include "covet/loader.h"

using namespace covet;

namespace {

LoadError load_error(const std::string& text, const std::string& file = "m/0001_x.yaml") {
    try {
        parse_migration_file(file, text, "default");
    } catch (const LoadError& e) {
        return e;
    }
    FAIL("no LoadError for: " << text);
    throw;
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string p = (std::filesystem::temp_directory_path() / "covet-ut-XXXXXX").string();
        REQUIRE(mkdtemp(p.data()));
        path = p;
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    void write(const std::string& rel, const std::string& text) {
        std::filesystem::create_directories((path / rel).parent_path());
        std::ofstream(path / rel) << text;
    }
};

}  // namespace

TEST_CASE("malformed YAML is located") {
    LoadError e = load_error("operations:\n  - create_table: {table: x\n");
    CHECK(e.file() == "m/0001_x.yaml");
    CHECK(e.line() == 3);
    CHECK(std::string(e.what()).find("malformed YAML") != std::string::npos);
}

TEST_CASE("an unknown operation is located at its key") {
    LoadError e = load_error("operations:\n  - create_tabel: {table: x}\n");
    CHECK(e.line() == 2);
    CHECK(e.column() == 5);
    CHECK(e.bare_message().find("unknown operation 'create_tabel'") != std::string::npos);
}

TEST_CASE("an unknown field type is located inside the shorthand") {
    LoadError e = load_error(
        "operations:\n  - create_table:\n      table: t\n      fields:\n        a: "
        "CharFeld(max_length=3)\n");
    CHECK(e.line() == 5);
    CHECK(e.column() == 12);
    CHECK(e.bare_message().find("CharFeld") != std::string::npos);
}

TEST_CASE("an unknown field option is located at the option") {
    LoadError e = load_error(
        "operations:\n  - create_table:\n      table: t\n      fields:\n        a: "
        "CharField(max_length=3, colour=1)\n");
    CHECK(e.line() == 5);
    CHECK(e.column() == 36);
    CHECK(e.bare_message().find("colour") != std::string::npos);
}

TEST_CASE("an unknown option in the long form is located at its key") {
    LoadError e = load_error(
        "operations:\n  - create_table:\n      table: t\n      fields:\n        a: {type: "
        "IntegerField, colour: 1}\n");
    CHECK(e.line() == 5);
    CHECK(e.column() == 33);
}

TEST_CASE("an unknown key in an operation is located") {
    LoadError e = load_error("operations:\n  - drop_table: {table: x, cascade: true}\n");
    CHECK(e.line() == 2);
    CHECK(e.column() == 28);
    CHECK(e.bare_message().find("cascade") != std::string::npos);
}

TEST_CASE("a duplicate migration name across files is reported") {
    TempDir dir;
    dir.write("0001_a.yaml", "operations: []\n");
    dir.write("0001_a.yml", "operations: []\n");
    try {
        load_migration_directory(dir.path.string());
        FAIL("no error");
    } catch (const LoadError& e) {
        CHECK(e.bare_message().find("duplicate migration name 'default.0001_a'") !=
              std::string::npos);
        CHECK(e.line() == 1);
    }
}

TEST_CASE("a dependency cycle in files lists the cycle") {
    TempDir dir;
    dir.write("app/0001_a.yaml", "dependencies: [0002_b]\noperations: []\n");
    dir.write("app/0002_b.yaml", "dependencies: [0001_a]\noperations: []\n");
    try {
        MigrationGraph g(load_migration_directory(dir.path.string()));
        FAIL("no error");
    } catch (const LoadError& e) {
        CHECK(e.bare_message().find("dependency cycle: ") != std::string::npos);
        CHECK(e.bare_message().find("app.0001_a") != std::string::npos);
        CHECK(e.bare_message().find("app.0002_b") != std::string::npos);
        CHECK(e.line() >= 1);
    }
}

TEST_CASE("apps come from subdirectories or app:, names from file stems") {
    TempDir dir;
    dir.write("0001_top.yaml", "operations: []\n");
    dir.write("0001_named.yaml", "app: shop\noperations: []\n");
    dir.write("blog/0001_initial.yaml", "operations: []\n");
    auto ms = load_migration_directory(dir.path.string());
    REQUIRE(ms.size() == 3);
    std::set<std::string> keys;
    for (const auto& m : ms)
        keys.insert(m.key().to_string());
    CHECK(keys ==
          std::set<std::string>{"default.0001_top", "shop.0001_named", "blog.0001_initial"});
}

TEST_CASE("an operation the state forbids is a load error at the operation") {
    TempDir dir;
    dir.write("0001_a.yaml", "operations:\n  - drop_column: {table: ghosts, column: x}\n");
    MigrationGraph g(load_migration_directory(dir.path.string()));
    try {
        replay_all(g);
        FAIL("no error");
    } catch (const LoadError& e) {
        CHECK(e.line() == 2);
        CHECK(e.column() == 5);
        CHECK(e.bare_message().find("ghosts") != std::string::npos);
    }
}

TEST_CASE("checksums ignore comments and formatting but see every change") {
    const std::string a =
        "app: blog\noperations:\n  - create_table:\n      table: t\n      fields:\n"
        "        name: CharField(max_length=20)\n";
    const std::string b =
        "# a comment\napp: blog\noperations:\n- create_table: {table: t, fields: {name: "
        "{type: CharField, max_length: 20}}}   # trailing\n";
    const std::string c =
        "app: blog\noperations:\n  - create_table:\n      table: t\n      fields:\n"
        "        name: CharField(max_length=21)\n";
    auto ma = parse_migration_file("0001_x.yaml", a, "default");
    auto mb = parse_migration_file("0001_x.yaml", b, "default");
    auto mc = parse_migration_file("0001_x.yaml", c, "default");
    auto md = parse_migration_file("0001_y.yaml", a, "default");
    CHECK(ma.checksum().size() == 32);
    CHECK(ma.checksum() == mb.checksum());
    CHECK(ma.checksum() != mc.checksum());
    CHECK(ma.checksum() != md.checksum());
    auto dep = parse_migration_file("0001_x.yaml", "dependencies: [blog.0000]\n" + a, "default");
    CHECK(dep.checksum() != ma.checksum());
}

TEST_CASE("md5 matches the known digest") {
    CHECK(md5_hex("") == "d41d8cd98f00b204e9800998ecf8427e");
    CHECK(md5_hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
}

TEST_CASE("atomic and index flags take YAML 1.1 booleans and refuse anything else") {
    for (const char* text : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"}) {
        INFO(text);
        Migration m = parse_migration_file(
            "m/0001_x.yaml", std::string("atomic: ") + text + "\noperations:\n", "default");
        CHECK_FALSE(m.atomic);
    }
    for (const char* text : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"}) {
        INFO(text);
        Migration m = parse_migration_file(
            "m/0001_x.yaml", std::string("atomic: ") + text + "\noperations:\n", "default");
        CHECK(m.atomic);
    }
    LoadError e = load_error("atomic: maybe\noperations:\n");
    CHECK(e.line() == 1);
    CHECK(e.column() == 9);
    CHECK(e.bare_message() == "'atomic' must be true or false");
}

TEST_CASE("the long form takes null and blank options like the shorthand") {
    Migration m = parse_migration_file(
        "m/0001_x.yaml",
        "operations:\n  - create_table:\n      table: t\n      fields:\n"
        "        id: AutoField(primary_key=True)\n"
        "        a: {type: CharField, max_length: 10, null: true, blank: True}\n"
        "        b: \"CharField(max_length=10, null=True, blank=True)\"\n",
        "default");
    REQUIRE(m.operations.size() == 1);
    const auto& table = dynamic_cast<const CreateTable&>(*m.operations[0]);
    REQUIRE(table.fields.size() == 3);
    CHECK(table.fields[1].null);
    CHECK(table.fields[1].blank);
    CHECK(table.fields[2].null);
    CHECK(table.fields[2].blank);
    CHECK(table.fields[1].max_length == table.fields[2].max_length);
}

TEST_CASE("an app label that is empty or holds blanks, dots or slashes is located") {
    for (const std::string label : {"\"\"", "\"my app\"", "\"a.b\"", "\"a/b\"", "\" \""}) {
        INFO(label);
        LoadError e = load_error("app: " + label + "\noperations: []\n");
        CHECK(e.line() == 1);
        CHECK(e.column() == 6);
        CHECK(e.bare_message().find("app") != std::string::npos);
    }
    CHECK(parse_migration_file("m/0001_x.yaml", "app: blog_2\noperations: []\n", "default").app ==
          "blog_2");
}
