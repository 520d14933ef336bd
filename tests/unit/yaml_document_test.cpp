// The YAML document tree under the loader: core-schema nulls, string
// literals, positions, aliases and merge keys, and located syntax errors.
#include <catch2/catch.hpp>

#include "covet/error.h"
#include "yaml/yaml_document.h"

using covet::LoadError;
using covet::yaml::Document;
using covet::yaml::Node;
using covet::yaml::ScalarStyle;

namespace {

LoadError parse_error(const std::string& text) {
    try {
        Document::parse(text, "f.yaml");
    } catch (const LoadError& e) {
        return e;
    }
    FAIL("no LoadError for: " << text);
    throw;
}

}  // namespace

TEST_CASE("yaml: plain nulls are null, quoted ones are strings") {
    Document doc =
        Document::parse("a:\nb: ~\nc: null\nd: NULL\ne: ''\nf: 'null'\ng: !!null x\n", "f.yaml");
    Node root = doc.root();
    for (const char* key : {"a", "b", "c", "d", "g"}) {
        INFO(key);
        CHECK(root[key].is_null());
        CHECK_FALSE(root[key].is_scalar());
    }
    for (const char* key : {"e", "f"}) {
        INFO(key);
        CHECK(root[key].is_scalar());
        CHECK(root[key].is_string_literal());
    }
    CHECK(root["f"].scalar() == "null");
    CHECK_FALSE(root["missing"]);
    CHECK(root["missing"].mark().line == 0);
}

TEST_CASE("yaml: mapping keys are names, never null") {
    Document doc = Document::parse("{type: CharField, null: true, ~: x, Null: 1}\n", "f.yaml");
    Node root = doc.root();
    REQUIRE(root.size() == 4);
    CHECK(root.key(1).is_scalar());
    CHECK(root.key(1).scalar() == "null");
    CHECK(root["null"].scalar() == "true");
    CHECK(root["~"].scalar() == "x");
    CHECK(root["Null"].scalar() == "1");
    // A value spelled null is still null.
    CHECK(Document::parse("a: null\n", "f.yaml").root()["a"].is_null());
}

TEST_CASE("yaml: scalar styles and explicit string tags") {
    Document doc = Document::parse(
        "plain: 5\nsingle: '5'\ndouble: \"5\"\ntagged: !!str 5\nblock: |\n  line one\n  line two\n",
        "f.yaml");
    Node root = doc.root();
    CHECK(root["plain"].style() == ScalarStyle::plain);
    CHECK_FALSE(root["plain"].is_string_literal());
    CHECK(root["single"].style() == ScalarStyle::single_quoted);
    CHECK(root["double"].style() == ScalarStyle::double_quoted);
    CHECK(root["tagged"].is_string_literal());
    CHECK(root["tagged"].scalar() == "5");
    CHECK(root["block"].style() == ScalarStyle::literal);
    CHECK(root["block"].scalar() == "line one\nline two\n");
}

TEST_CASE("yaml: marks are 1-based lines and columns of each node") {
    Document doc = Document::parse("ops:\n  - {table: t, cols: [a, b]}\n", "f.yaml");
    Node ops = doc.root()["ops"];
    REQUIRE(ops.is_sequence());
    REQUIRE(ops.size() == 1);
    Node op = ops.item(0);
    CHECK(op.mark().line == 2);
    CHECK(op.mark().column == 5);
    CHECK(op.key(0).scalar() == "table");
    CHECK(op.key(0).mark().column == 6);
    Node cols = op["cols"];
    REQUIRE(cols.size() == 2);
    CHECK(cols.item(1).scalar() == "b");
    CHECK(cols.item(1).mark().column == 26);
    std::vector<std::string> keys;
    for (auto [k, v] : op.entries())
        keys.push_back(k.scalar());
    CHECK(keys == std::vector<std::string>{"table", "cols"});
}

TEST_CASE("yaml: aliases share their anchor's node and merge keys fill in entries") {
    Document doc = Document::parse(
        "base: &base {type: CharField, max_length: 10}\n"
        "same: *base\n"
        "merged:\n  <<: *base\n  max_length: 20\n  unique: yes\n",
        "f.yaml");
    Node root = doc.root();
    CHECK(root["same"]["max_length"].scalar() == "10");
    Node merged = root["merged"];
    CHECK(merged.size() == 3);
    CHECK(merged["max_length"].scalar() == "20");
    CHECK(merged["type"].scalar() == "CharField");
    CHECK_FALSE(merged["<<"]);
}

TEST_CASE("yaml: an empty text is a null document") {
    CHECK(Document::parse("", "f.yaml").root().is_null());
    CHECK(Document::parse("# only a comment\n", "f.yaml").root().is_null());
}

TEST_CASE("yaml: syntax errors are located and name the construct") {
    LoadError e = parse_error("a:\n  b: {x: 1\nc: 2\n");
    CHECK(e.file() == "f.yaml");
    CHECK(e.line() == 3);
    CHECK(e.bare_message().find("malformed YAML") == 0);
    CHECK(e.bare_message().find("flow mapping that starts at 2:6") != std::string::npos);
}

TEST_CASE("yaml: a repeated key is an error at the second one") {
    LoadError e = parse_error("operations:\n  - add_column:\n      table: a\n      table: b\n");
    CHECK(e.line() == 4);
    CHECK(e.column() == 7);
    CHECK(e.bare_message() == "malformed YAML: duplicate key 'table'");
}

TEST_CASE("yaml: a second document and an unknown alias are errors") {
    LoadError second = parse_error("a: 1\n---\nb: 2\n");
    CHECK(second.line() == 2);
    CHECK(second.bare_message().find("second") != std::string::npos);
    LoadError alias = parse_error("a: *nowhere\n");
    CHECK(alias.line() == 1);
    CHECK(alias.column() == 4);
}

TEST_CASE("yaml: invalid UTF-8 is located by line and column") {
    LoadError e = parse_error("a: 1\nb: x\xff\n");
    CHECK(e.line() == 2);
    CHECK(e.column() == 5);
}
