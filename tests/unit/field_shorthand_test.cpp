// The field shorthand `Type(args)`: what the syntax leaf reads becomes a
// FieldSpec, and its errors keep their messages and columns.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/field.h"
#include "field_arg_builders.h"

using namespace covet;
using namespace covet_test;

namespace {

struct ErrorSeen {
    std::string message;
    int column = -1;
};

template <typename Fn>
ErrorSeen field_error_of(Fn&& fn) {
    try {
        fn();
    } catch (const FieldError& e) {
        return {e.what(), e.column()};
    }
    FAIL("expected a FieldError");
    return {};
}

ErrorSeen shorthand_error(const std::string& text) {
    INFO(text);
    return field_error_of([&] { field("f", text); });
}

struct OptionErrorCase {
    const char* text;
    const char* message;  // a message ending in a space is a prefix
    int column;
};

void check_option_errors(std::initializer_list<OptionErrorCase> cases) {
    for (const auto& c : cases) {
        const auto error = shorthand_error(c.text);
        INFO(c.text);
        if (std::string(c.message).back() == ' ') {
            CHECK(error.message.rfind(c.message, 0) == 0);
        } else {
            CHECK(error.message == c.message);
        }
        CHECK(error.column == c.column);
    }
}

}  // namespace

TEST_CASE("the shorthand reads positional and keyword arguments with their columns",
          "[shorthand]") {
    const FieldSpec spec = parse_field_shorthand("ForeignKey(users, on_delete=CASCADE, null=True)");
    CHECK(spec.type_name == "ForeignKey");
    CHECK(spec.type_column == 1);
    REQUIRE(spec.positional.size() == 1);
    CHECK(spec.positional[0].value == Value("users"));
    CHECK(spec.positional[0].is_bare_word);
    CHECK(spec.positional[0].column == 12);
    REQUIRE(spec.keywords.size() == 2);
    CHECK(spec.keywords[0].first == "on_delete");
    CHECK(spec.keywords[0].second.value == Value("CASCADE"));
    CHECK(spec.keywords[0].second.column == 19);
    CHECK(spec.keywords[1].first == "null");
    CHECK(spec.keywords[1].second.value == Value(true));
    CHECK_FALSE(spec.keywords[1].second.is_bare_word);
}

TEST_CASE("the shorthand reads literals of every kind", "[shorthand]") {
    const FieldSpec spec = parse_field_shorthand(
        "T(1, -2, +3, 1.5, -0.25, 'a', \"b\", True, False, None, word, models.CASCADE)");
    const std::vector<Value> expected = {Value(1),       Value(-2),     Value(3),
                                         Value(1.5),     Value(-0.25),  Value("a"),
                                         Value("b"),     Value(true),   Value(false),
                                         Value(nullptr), Value("word"), Value("models.CASCADE")};
    REQUIRE(spec.positional.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(i);
        CHECK(spec.positional[i].value == expected[i]);
        CHECK_FALSE(spec.positional[i].is_list);
    }
    CHECK(spec.positional[1].column == 6);
    CHECK_FALSE(spec.positional[5].is_bare_word);
    CHECK(spec.positional[10].is_bare_word);
}

TEST_CASE("the shorthand reads lists, tuples and dicts, nested", "[shorthand]") {
    const FieldSpec spec = parse_field_shorthand(
        "T(choices=[(1, 'One'), (2, 'Two'),], v={min_value: 0, 'regex': '^a'}, e=[], t=(5,), "
        "p=(5))");
    REQUIRE(spec.keywords.size() == 5);
    const FieldArg& choices = spec.keywords[0].second;
    REQUIRE(choices.is_list);
    REQUIRE(choices.items.size() == 2);
    CHECK(choices.items[0].is_list);
    CHECK(choices.items[0].column == 12);
    CHECK(choices.items[1].items[1].value == Value("Two"));
    CHECK(choices.items[1].items[1].column == 28);

    const FieldArg& validators = spec.keywords[1].second;
    REQUIRE(validators.is_dict);
    CHECK(validators.dict_keys == std::vector<std::string>{"min_value", "regex"});
    CHECK(validators.items[0].value == Value(0));
    CHECK(validators.items[1].value == Value("^a"));

    CHECK(spec.keywords[2].second.is_list);
    CHECK(spec.keywords[2].second.items.empty());
    // (5,) is a one-element tuple; (5) is just 5, as in Python.
    CHECK(spec.keywords[3].second.is_list);
    CHECK(spec.keywords[3].second.items.size() == 1);
    CHECK_FALSE(spec.keywords[4].second.is_list);
    CHECK(spec.keywords[4].second.value == Value(5));
}

TEST_CASE("the shorthand accepts a bare name and a dotted name", "[shorthand]") {
    FieldSpec spec = parse_field_shorthand("  TextField  ");
    CHECK(spec.type_name == "TextField");
    CHECK(spec.type_column == 3);
    CHECK(spec.positional.empty());
    spec = parse_field_shorthand("models.CharField(max_length=3)");
    CHECK(spec.type_name == "models.CharField");
}

TEST_CASE("the shorthand reports syntax errors with the column of the offending token",
          "[shorthand]") {
    struct Case {
        const char* text;
        const char* message;
        int column;
    };
    const Case cases[] = {
        {"CharField(max_length=200", "expected ')', found end of text", 25},
        {"CharField(max_length=200 null=True)", "expected ',' or ')', found name 'null'", 26},
        {"CharField max_length=3", "expected '(', found name 'max_length'", 11},
        {"CharField(max_length=3) x", "unexpected name 'x' after ')'", 25},
        {"(1)", "expected a name, found '('", 1},
        {"'x'", "expected a name, found string 'x'", 1},
        {"T(a=1, 2)", "positional argument follows keyword argument", 8},
        {"T(a=1, a=2)", "keyword argument 'a' repeated", 8},
        {"T(a=)", "expected a value, found ')'", 5},
        {"T(a=[1, 2)", "expected ',' or ']', found ')'", 10},
        {"T(a=[1, 2", "expected ']', found end of text", 10},
        {"T(a={x 1})", "expected ':', found number 1", 8},
        {"T(a={1: 2})", "expected a dict key, found number 1", 6},
        {"T(a={x: 1, x: 2})", "duplicate key 'x'", 12},
        {"T(a={x: 1", "expected '}', found end of text", 10},
        {"T(a=-x)", "expected a number after '-', found name 'x'", 6},
        {"T(a='x)", "unterminated string", 5},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto error = field_error_of([&] { parse_field_shorthand(c.text); });
        CHECK(error.message == c.message);
        CHECK(error.column == c.column);
    }
}

TEST_CASE("a shorthand written over several lines reads as on one line", "[shorthand]") {
    const FieldSpec spec = parse_field_shorthand("CharField(\n    max_length=3,\n    null=True)\n");
    CHECK(spec.type_name == "CharField");
    REQUIRE(spec.keywords.size() == 2);
    CHECK(spec.keywords[1].first == "null");
    // Columns count from the definition's first character, line breaks
    // included, as the loader maps them onto a one-line YAML scalar
    // ("CharField(" and its line break are 11 characters, the next line 18).
    CHECK(spec.keywords[1].second.column == 34);
    const auto error = field_error_of([] { parse_field_shorthand("CharField(\n  max_length=)"); });
    CHECK(error.message == "expected a value, found ')'");
    CHECK(error.column == 25);
}

TEST_CASE("the shorthand refuses absurdly deep nesting instead of overflowing the stack",
          "[shorthand]") {
    const std::string text = "T(" + std::string(1000, '[') + std::string(1000, ']') + ")";
    const auto error = field_error_of([&] { parse_field_shorthand(text); });
    CHECK(error.message == "nesting deeper than 64 levels");
    // The first bracket past the limit: "T(" then 65 accepted levels.
    CHECK(error.column == 3 + 65);
    const std::string deepest_allowed = "T(" + std::string(65, '[') + std::string(65, ']') + ")";
    CHECK(parse_field_shorthand(deepest_allowed).positional.size() == 1);
    const std::string unclosed = "IntegerField(default=" + std::string(200000, '(');
    CHECK(field_error_of([&] { parse_field_shorthand(unclosed); }).message ==
          "nesting deeper than 64 levels");
}

TEST_CASE("the shorthand refuses a definition over a megabyte before reading it", "[shorthand]") {
    const std::string text =
        "CharField(max_length=5, help_text='" + std::string(1 << 20, 'x') + "')";
    const auto error = field_error_of([&] { parse_field_shorthand(text); });
    CHECK(error.message == "the definition is longer than 1024 KiB");
    CHECK(error.column == 1);
}

TEST_CASE("parse_field_shorthand keeps the type, its column and the arguments", "[shorthand]") {
    const FieldSpec spec = parse_field_shorthand(" DecimalField(5, 2, null=True)");
    CHECK(spec.type_name == "DecimalField");
    CHECK(spec.type_column == 2);
    CHECK(spec.positional.size() == 2);
    CHECK(spec.keywords.size() == 1);
    const auto error = field_error_of([] { parse_field_shorthand("   "); });
    CHECK(error.message == "empty field definition");
}

TEST_CASE("unknown field types are reported at the type's column with a suggestion", "[errors]") {
    auto error = shorthand_error("  Charfeild(max_length=3)");
    CHECK(error.message == "unknown field type 'Charfeild'; did you mean 'CharField'?");
    CHECK(error.column == 3);
    error = shorthand_error("integerfield()");
    CHECK(error.message == "unknown field type 'integerfield'; did you mean 'IntegerField'?");
    error = shorthand_error("Foo()");
    CHECK(error.message == "unknown field type 'Foo'");
    CHECK(error.column == 1);

    FieldSpec spec;
    spec.type_name = "Strng";
    spec.type_column = 0;
    error = field_error_of([&] { make_field("f", spec); });
    CHECK(error.message == "unknown field type 'Strng'");
}

TEST_CASE("unknown and misplaced options point at the option's column", "[errors]") {
    check_option_errors({
        {"CharField(max_length=3, foo=1)", "unknown option 'foo' for CharField", 25},
        {"CharField(max_length=3, nul=True)",
         "unknown option 'nul' for CharField; did you mean 'null'?", 25},
        {"IntegerField(max_digits=3)", "option 'max_digits' does not apply to IntegerField", 14},
        {"IntegerField(to=users)", "option 'to' does not apply to IntegerField", 14},
        {"ManyToManyField(tags, on_delete=CASCADE)",
         "option 'on_delete' does not apply to ManyToManyField", 23},
        {"ForeignKey(users, through=x)", "option 'through' does not apply to ForeignKey", 19},
        {"CharField(max_length=3, auto_now=True)",
         "option 'auto_now' applies only to DateField, TimeField and DateTimeField", 25},
    });
}

TEST_CASE("bad option values point at the option's column", "[errors]") {
    check_option_errors({
        {"CharField(max_length=3, null='x')", "option 'null' must be True or False", 25},
        {"CharField(max_length=3, unique=1)", "option 'unique' must be True or False", 25},
        {"CharField(max_length=-1)", "option 'max_length' must be a positive integer", 11},
        {"CharField(max_length=0)", "option 'max_length' must be a positive integer", 11},
        {"CharField(max_length='10')", "option 'max_length' must be a positive integer", 11},
        {"CharField(10.5)", "option 'max_length' must be a positive integer", 11},
        {"DecimalField(max_digits=0, decimal_places=0)",
         "option 'max_digits' must be a positive integer", 14},
        {"DecimalField(5, -1)", "option 'decimal_places' must be a non-negative integer", 17},
        {"TextField(min_length=-1)", "option 'min_length' must be a non-negative integer", 11},
        {"CharField(max_length=3, db_column=5)", "option 'db_column' must be a string", 25},
        {"CharField(max_length=3, db_column='')", "option 'db_column' must not be empty", 25},
        {"ForeignKey(5)", "option 'to' must be a string", 12},
        {"IntegerField(min_value='a')", "option 'min_value' must be a number", 14},
        {"IntegerField(max_value=[1])", "option 'max_value' must be a number", 14},
        {"IntegerField(validators=[1])",
         "option 'validators' must be a dict such as {min_value: 0, max_length: 20}", 14},
        {"IntegerField(validators={min_valu: 1})",
         "unknown validator 'min_valu' (expected min_value, max_value, min_length, max_length or "
         "regex); did you mean 'min_value'?",
         36},
        {"IntegerField(min_value=1, validators={min_value: 2})",
         "validator 'min_value' given twice", 50},
        {"CharField(max_length=3, regex='(')",
         "option 'regex' is not a valid regular expression: ", 25},
        {"ForeignKey(users, on_delete=cascade)",
         "unknown on_delete rule 'cascade' (expected CASCADE, SET_NULL, PROTECT, RESTRICT, "
         "SET_DEFAULT or DO_NOTHING); did you mean 'CASCADE'?",
         19},
        {"ForeignKey(users, on_delete=True)", "option 'on_delete' must be a string", 19},
        {"IntegerField(choices=5)",
         "option 'choices' must be a list of values or [value, label] pairs", 14},
        {"IntegerField(choices=[(1, 2, 3)])",
         "each choice must be a value or a [value, label] pair", 23},
        {"CharField(max_length=3, default=[1])",
         "option 'default' must be a single value (a number, string, True, False or None)", 25},
        {"IntegerField(5)", "IntegerField takes no positional arguments", 14},
        {"DecimalField(5, 2, 1)",
         "too many positional arguments for DecimalField (it takes max_digits, decimal_places)",
         20},
        {"CharField(3, max_length=4)", "option 'max_length' given twice", 14},
        {"ForeignKey(users, to=people)", "option 'to' given twice", 19},
    });
}

TEST_CASE("required options and inconsistent combinations are errors", "[errors]") {
    struct Case {
        const char* text;
        const char* message;
        int column;
    };
    const Case cases[] = {
        {"CharField()", "CharField requires max_length", 1},
        {" CharField", "CharField requires max_length", 2},
        {"DecimalField(decimal_places=2)", "DecimalField requires max_digits", 1},
        {"DecimalField(max_digits=5)", "DecimalField requires decimal_places", 1},
        {"DecimalField(2, 3)", "decimal_places (3) must not be greater than max_digits (2)", 17},
        {"ForeignKey(on_delete=CASCADE)", "ForeignKey requires 'to' (the target model or table)",
         1},
        {"ManyToManyField()", "ManyToManyField requires 'to' (the target model or table)", 1},
        {"ForeignKey(users, on_delete=SET_NULL)", "on_delete=SET_NULL requires null=True", 19},
        {"ForeignKey(users, on_delete=SET_DEFAULT)", "on_delete=SET_DEFAULT requires a default",
         19},
        {"AutoField(primary_key=False)", "AutoField must be the primary key", 11},
        {"IntegerField(primary_key=True, null=True)", "a primary key cannot have null=True", 32},
        {"DateTimeField(auto_now=True, auto_now_add=True)",
         "auto_now and auto_now_add are mutually exclusive", 30},
        {"DateField(auto_now_add=True, default='2024-01-01')",
         "auto_now and auto_now_add cannot be combined with a default", 30},
        {"IntegerField(min_value=5, max_value=1)", "min_value must not be greater than max_value",
         27},
        {"TextField(min_length=5, max_length=1)", "min_length must not be greater than max_length",
         25},
    };
    for (const auto& c : cases) {
        const auto error = shorthand_error(c.text);
        INFO(c.text);
        CHECK(error.message == c.message);
        CHECK(error.column == c.column);
    }
}

TEST_CASE("long-form errors have no column but the same message", "[errors]") {
    const auto error = field_error_of([] {
        long_form("CharField", {{"max_length", scalar(3)}, {"colour", word("red")}});
    });
    CHECK(error.message == "unknown option 'colour' for CharField");
    CHECK(error.column == 0);
}

TEST_CASE("a definition over several lines counts its columns from its first character",
          "[shorthand]") {
    // "CharField(max_length=10," is 24 characters and the line break the 25th.
    const ErrorSeen option = shorthand_error("CharField(max_length=10,\n  nul=True)");
    CHECK(option.column == 28);
    CHECK(option.message.find("unknown option 'nul'") != std::string::npos);
    // The end of the text: just after its last character.
    const ErrorSeen syntax = shorthand_error("CharField(max_length=10,\n  null=True");
    CHECK(syntax.column == 37);
    // A multi-byte character counts once.
    const ErrorSeen wide = shorthand_error("CharField(help_text='\xc3\xa9',\nnul=True)");
    CHECK(wide.column == 26);
}
