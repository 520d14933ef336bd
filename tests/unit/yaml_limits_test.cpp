// Hostile YAML: deep nesting, alias bombs, cycles, huge texts and huge
// mappings end quickly with a located error instead of hanging the loader.
#include <catch2/catch.hpp>

#include <string>

#include "covet/error.h"
#include "covet/loader.h"
#include "yaml/yaml_document.h"

using covet::LoadError;
using covet::yaml::Document;

namespace {

LoadError parse_error(const std::string& text) {
    try {
        Document::parse(text, "deep.yaml");
    } catch (const LoadError& e) {
        return e;
    }
    FAIL("no LoadError for a text of " << text.size() << " bytes");
    throw;
}

std::string nested_lists(std::size_t levels) {
    return std::string(levels, '[') + std::string(levels, ']') + "\n";
}

}  // namespace

TEST_CASE("yaml: 200000 nested brackets are refused at the first level too deep", "[yaml]") {
    LoadError e = parse_error(std::string(200000, '['));
    CHECK(e.line() == 1);
    CHECK(e.column() == 101);
    CHECK(std::string(e.what()).find("nesting deeper than 100 levels") != std::string::npos);
    LoadError in_block = parse_error("a:\n  b: " + std::string(150000, '{') + "\n");
    CHECK(in_block.line() == 2);
    CHECK(in_block.column() == 5 + 99);  // levels 1 and 2 are the two mappings
}

TEST_CASE("yaml: nesting up to the limit is read, one level more is not", "[yaml]") {
    Document doc = Document::parse(nested_lists(100), "ok.yaml");
    CHECK(doc.root().is_sequence());
    CHECK(parse_error(nested_lists(101)).column() == 101);
}

TEST_CASE("yaml: an alias counts the depth of the node it names", "[yaml]") {
    std::string text = "base: &b " + nested_lists(60) + "use: " + std::string(50, '[') + "*b" +
                       std::string(50, ']') + "\n";
    LoadError e = parse_error(text);
    CHECK(std::string(e.what()).find("nesting deeper than 100 levels") != std::string::npos);
    CHECK(e.line() == 2);
    CHECK(e.column() == 56);  // the alias
}

TEST_CASE("yaml: aliases that expand to a billion nodes are refused", "[yaml]") {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        std::string prev = "*a" + std::to_string(i - 1);
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int j = 0; j < 10; ++j)
            text += (j ? ", " : "") + prev;
        text += "]\n";
    }
    LoadError e = parse_error(text);
    CHECK(std::string(e.what()).find("expands to more than 1000000 nodes") != std::string::npos);
    CHECK(e.line() == 6);  // a5: 10^6 x plus its lists
}

TEST_CASE("yaml: an alias inside the node it names is refused, not a cycle", "[yaml]") {
    LoadError e = parse_error("a: &loop [x, {b: *loop}]\n");
    CHECK(e.line() == 1);
    CHECK(e.column() == 18);
    CHECK(std::string(e.what()).find("refers to a node that contains it") != std::string::npos);
}

TEST_CASE("yaml: a text over the size limit is refused before parsing", "[yaml]") {
    std::string line = "# " + std::string(1000, 'c') + "\n";
    std::string text;
    while (text.size() <= Document::kMaxBytes)
        text += line;
    LoadError e = parse_error(text);
    CHECK(std::string(e.what()).find("larger than 16 MiB") != std::string::npos);
    CHECK(e.line() == static_cast<int>(Document::kMaxBytes / line.size()) + 1);
}

TEST_CASE("yaml: a mapping with many keys still finds a duplicate, in linear time", "[yaml]") {
    std::string text;
    // Comparing each key with every earlier one took minutes at this size.
    for (int i = 0; i < 100000; ++i)
        text += "k" + std::to_string(i) + ": v\n";
    CHECK(Document::parse(text, "wide.yaml").root().size() == 100000);
    text += "k77: again\n";
    LoadError e = parse_error(text);
    CHECK(e.line() == 100001);
    CHECK(std::string(e.what()).find("duplicate key 'k77'") != std::string::npos);
}

TEST_CASE("yaml: merging a wide mapping keeps the merged keys once", "[yaml]") {
    std::string text = "base: &b {";
    for (int i = 0; i < 50000; ++i)
        text += (i ? ", k" : "k") + std::to_string(i) + ": " + std::to_string(i);
    text += "}\nm: {<<: *b, k7: own}\n";
    Document doc = Document::parse(text, "merge.yaml");
    CHECK(doc.root()["m"].size() == 50000);
    CHECK(doc.root()["m"]["k7"].scalar() == "own");
    CHECK(doc.root()["m"]["k49999"].scalar() == "49999");
}

TEST_CASE("loader: deep nesting in a migration file is a located load error", "[yaml]") {
    std::string text = "operations:\n  - run_sql: {sql: " + std::string(200000, '[') + "\n";
    try {
        covet::parse_migration_file("m/0001_deep.yaml", text, "default");
        FAIL("no LoadError");
    } catch (const LoadError& e) {
        CHECK(e.file() == "m/0001_deep.yaml");
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("nesting deeper than 100 levels") != std::string::npos);
    }
}
