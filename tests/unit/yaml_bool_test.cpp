// One reader for YAML booleans: the long field form reads `null: yes` as the
// header reads `atomic: yes`, and the stored checksum is that of the bool.
#include <catch2/catch.hpp>

#include <string>

#include "covet/loader.h"
#include "covet/migration.h"
#include "covet/operation.h"
#include "yaml/yaml_bool.h"

using namespace covet;

namespace {

Migration with_long_form_options(const std::string& null_text, const std::string& unique_text) {
    return parse_migration_file("m/0001_x.yaml",
                                "operations:\n  - create_table:\n      table: t\n      fields:\n"
                                "        id: AutoField(primary_key=True)\n"
                                "        a: {type: CharField, max_length: 10, null: " +
                                    null_text + ", unique: " + unique_text + "}\n",
                                "default");
}

const Field& field_a(const Migration& m) {
    return dynamic_cast<const CreateTable&>(*m.operations.at(0)).fields.at(1);
}

}  // namespace

TEST_CASE("the YAML boolean reader takes the YAML 1.1 spellings and nothing else") {
    for (const char* text : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
        CHECK(yaml::read_bool(text) == std::optional<bool>(true));
    for (const char* text : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
        CHECK(yaml::read_bool(text) == std::optional<bool>(false));
    for (const char* text : {"", "y", "n", "yEs", "1", "0", "maybe", "tRUE"})
        CHECK_FALSE(yaml::read_bool(text).has_value());
}

TEST_CASE("the long field form reads null yes and unique off as booleans") {
    const Migration spelled = with_long_form_options("yes", "off");
    CHECK(field_a(spelled).null);
    CHECK_FALSE(field_a(spelled).unique);
    const Migration plain = with_long_form_options("true", "false");
    CHECK(field_a(plain).null);
    // The canonical text stores the parsed bool: no checksum depends on the spelling.
    CHECK(spelled.checksum() == plain.checksum());
    CHECK(with_long_form_options("no", "on").checksum() ==
          with_long_form_options("false", "true").checksum());
    CHECK(spelled.checksum() != with_long_form_options("false", "false").checksum());
}

TEST_CASE("a quoted yes in the long field form stays a string") {
    const Migration m =
        parse_migration_file("m/0001_x.yaml",
                             "operations:\n  - create_table:\n      table: t\n      fields:\n"
                             "        id: AutoField(primary_key=True)\n"
                             "        a: {type: CharField, max_length: 10, default: 'yes'}\n",
                             "default");
    REQUIRE(field_a(m).default_value.has_value());
    CHECK(field_a(m).default_value->as_text() == "yes");
}

namespace {

Migration with_long_form_field(const std::string& field) {
    return parse_migration_file("m/0001_x.yaml",
                                "operations:\n  - create_table:\n      table: t\n      fields:\n"
                                "        id: AutoField(primary_key=True)\n"
                                "        a: " +
                                    field + "\n",
                                "default");
}

}  // namespace

TEST_CASE("a plain yes or no is a boolean only where the long form takes one") {
    // A text option or a text default keeps the word, as files written before
    // the YAML 1.1 booleans did: their checksums must not change.
    const Migration no = with_long_form_field("{type: CharField, max_length: 3, default: no}");
    REQUIRE(field_a(no).default_value.has_value());
    CHECK(*field_a(no).default_value == covet::Value("no"));
    CHECK(no.checksum() ==
          with_long_form_field("{type: CharField, max_length: 3, default: 'no'}").checksum());
    const Migration help = with_long_form_field("{type: CharField, max_length: 3, help_text: on}");
    CHECK(field_a(help).help_text == "on");
    const Migration choices = with_long_form_field(
        "{type: CharField, max_length: 3, choices: [[yes, \"Yes\"], [no, \"No\"]]}");
    REQUIRE(field_a(choices).choices.size() == 2);
    CHECK(field_a(choices).choices[0].value == covet::Value("yes"));
    // A BooleanField default takes the word as the boolean it spells.
    const Migration flag = with_long_form_field("{type: BooleanField, default: yes}");
    REQUIRE(field_a(flag).default_value.has_value());
    CHECK(*field_a(flag).default_value == covet::Value(true));
    CHECK(flag.checksum() ==
          with_long_form_field("{type: BooleanField, default: true}").checksum());
}
