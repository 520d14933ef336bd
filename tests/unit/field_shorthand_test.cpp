#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "covet/error.h"
#include "covet/field.h"
#include "covet/loader.h"
#include "covet/migration.h"
#include "covet/operation.h"
#include "schema/field_args.h"
#include "shell/call_parser.h"
#include "shell/lexer.h"

using namespace covet;

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

// The field of `add_column: {..., field: <definition>}` as a migration file gives it.
Field field_of_migration(const std::string& definition) {
    const Migration m = parse_migration_file(
        "m/0001_x.yaml",
        "operations:\n  - add_column: {table: t, column: f, field: " + definition + "}\n",
        "default");
    REQUIRE(m.operations.size() == 1);
    const auto* add = dynamic_cast<const AddColumn*>(m.operations[0].get());
    REQUIRE(add != nullptr);
    return add->field;
}

ErrorSeen shorthand_error(const std::string& text) {
    INFO(text);
    return field_error_of([&] { field("f", text); });
}

FieldArg scalar(Value value) {
    FieldArg arg;
    arg.value = std::move(value);
    return arg;
}

FieldArg word(const std::string& text) {
    FieldArg arg = scalar(text);
    arg.is_bare_word = true;
    return arg;
}

FieldArg list(std::vector<FieldArg> items) {
    FieldArg arg;
    arg.is_list = true;
    arg.items = std::move(items);
    return arg;
}

FieldArg dict(std::vector<std::pair<std::string, FieldArg>> entries) {
    FieldArg arg;
    arg.is_dict = true;
    for (auto& [key, value] : entries) {
        arg.dict_keys.push_back(key);
        arg.items.push_back(std::move(value));
    }
    return arg;
}

// The long form `{type: ..., key: value}` as the YAML loader builds it.
Field long_form(const std::string& type,
                std::vector<std::pair<std::string, FieldArg>> keywords = {}) {
    FieldSpec spec;
    spec.type_name = type;
    spec.keywords = std::move(keywords);
    return make_field("f", spec);
}

std::vector<TokenKind> kinds_of(const std::vector<Token>& tokens) {
    std::vector<TokenKind> kinds;
    for (const auto& token : tokens)
        kinds.push_back(token.kind);
    return kinds;
}

}  // namespace

TEST_CASE("lexer reads every token kind of the shell with 1-based columns", "[lexer]") {
    const auto tokens =
        tokenize("Q(a__gte=18) & ~Q(b=1.5) | F('x') + 1 - 2 * 3 / 4; u.name[0:2] {}");
    using K = TokenKind;
    const std::vector<K> expected = {
        K::Identifier, K::LeftParen,   K::Identifier, K::Equals,     K::Integer,    K::RightParen,
        K::Ampersand,  K::Tilde,       K::Identifier, K::LeftParen,  K::Identifier, K::Equals,
        K::Float,      K::RightParen,  K::Pipe,       K::Identifier, K::LeftParen,  K::String,
        K::RightParen, K::Plus,        K::Integer,    K::Minus,      K::Integer,    K::Star,
        K::Integer,    K::Slash,       K::Integer,    K::Semicolon,  K::Identifier, K::Dot,
        K::Identifier, K::LeftBracket, K::Integer,    K::Colon,      K::Integer,    K::RightBracket,
        K::LeftBrace,  K::RightBrace,  K::End};
    CHECK(kinds_of(tokens) == expected);
    CHECK(tokens[0].column == 1);
    CHECK(tokens[2].text == "a__gte");
    CHECK(tokens[2].column == 3);
    CHECK(tokens[4].text == "18");
    CHECK(tokens[4].column == 10);
    CHECK(tokens[6].column == 14);
    CHECK(tokens[17].text == "x");
    CHECK(tokens[17].column == 30);
    CHECK(tokens.back().column == 66);
}

TEST_CASE("lexer reads True, False and None as keywords, other words as names", "[lexer]") {
    const auto tokens = tokenize("True False None true none_ x1");
    using K = TokenKind;
    CHECK(kinds_of(tokens) == std::vector<K>{K::True, K::False, K::None, K::Identifier,
                                             K::Identifier, K::Identifier, K::End});
}

TEST_CASE("lexer reads integers and floats in their Python spellings", "[lexer]") {
    const auto tokens = tokenize("42 1.5 .5 3. 1e3 2.5E-2 7e+1");
    using K = TokenKind;
    CHECK(kinds_of(tokens) == std::vector<K>{K::Integer, K::Float, K::Float, K::Float, K::Float,
                                             K::Float, K::Float, K::End});
    CHECK(integer_token_value(tokens[0], false) == 42);
    CHECK(float_token_value(tokens[2], false) == 0.5);
    CHECK(float_token_value(tokens[3], false) == 3.0);
    CHECK(float_token_value(tokens[4], false) == 1000.0);
    CHECK(float_token_value(tokens[5], true) == -0.025);
}

TEST_CASE("lexer leaves the sign of a number to the parser, so '-' stays an operator", "[lexer]") {
    const auto tokens = tokenize("-5");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].kind == TokenKind::Minus);
    CHECK(integer_token_value(tokens[1], true) == -5);
}

TEST_CASE("integer values reach the whole int64 range and no further", "[lexer]") {
    const auto tokens = tokenize("9223372036854775808 9223372036854775807");
    CHECK(integer_token_value(tokens[0], true) == INT64_MIN);
    CHECK(integer_token_value(tokens[1], false) == INT64_MAX);
    const auto error = field_error_of([&] { integer_token_value(tokens[0], false); });
    CHECK(error.message == "integer 9223372036854775808 is out of range");
    CHECK(error.column == 1);
}

TEST_CASE("lexer decodes string escapes in single and double quotes", "[lexer]") {
    const auto tokens = tokenize(R"('it\'s' "say \"hi\"" 'a\nb\tc\\d' '\x41\u00e9\101' '\d+')");
    REQUIRE(tokens.size() == 6);
    CHECK(tokens[0].text == "it's");
    CHECK(tokens[1].text == "say \"hi\"");
    CHECK(tokens[2].text == "a\nb\tc\\d");
    CHECK(tokens[3].text ==
          "A\xc3\xa9"
          "A");
    // Unknown escapes stay as written, as in Python, so regexes survive.
    CHECK(tokens[4].text == "\\d+");
}

TEST_CASE("lexer keeps backslashes in raw strings", "[lexer]") {
    const auto tokens = tokenize(R"(r'^\d+\'$' R"\w")");
    CHECK(tokens[0].kind == TokenKind::String);
    CHECK(tokens[0].text == "^\\d+\\'$");
    CHECK(tokens[1].text == "\\w");
}

TEST_CASE("lexer counts columns in characters, not bytes", "[lexer]") {
    const auto tokens = tokenize("'\xc3\xa9\xc3\xa9' x");
    CHECK(tokens[1].column == 6);
    const auto error = field_error_of([] { tokenize("'\xc3\xa9' @"); });
    CHECK(error.message == "unexpected character '@'");
    CHECK(error.column == 5);
}

TEST_CASE("lexer errors name the problem and its column", "[lexer]") {
    auto error = field_error_of([] { tokenize("abc 'open"); });
    CHECK(error.message == "unterminated string");
    CHECK(error.column == 5);

    error = field_error_of([] { tokenize("x = \"ends with backslash\\"); });
    CHECK(error.message == "unterminated string");
    CHECK(error.column == 5);

    error = field_error_of([] { tokenize("a $"); });
    CHECK(error.message == "unexpected character '$'");
    CHECK(error.column == 3);

    error = field_error_of([] { tokenize("  12abc"); });
    CHECK(error.message == "invalid number '12abc'");
    CHECK(error.column == 3);

    error = field_error_of([] { tokenize("1e+"); });
    CHECK(error.message == "invalid number '1e'");

    error = field_error_of([] { tokenize("'ab\\x4'"); });
    CHECK(error.message == "truncated \\x escape");
    CHECK(error.column == 4);
}

TEST_CASE("call parser reads positional and keyword arguments with their columns", "[parser]") {
    const auto call = parse_call_expression("ForeignKey(users, on_delete=CASCADE, null=True)");
    CHECK(call.callee == "ForeignKey");
    CHECK(call.callee_column == 1);
    REQUIRE(call.positional.size() == 1);
    CHECK(call.positional[0].value == Value("users"));
    CHECK(call.positional[0].is_bare_word);
    CHECK(call.positional[0].column == 12);
    REQUIRE(call.keywords.size() == 2);
    CHECK(call.keywords[0].first == "on_delete");
    CHECK(call.keywords[0].second.value == Value("CASCADE"));
    CHECK(call.keywords[0].second.column == 19);
    CHECK(call.keywords[1].first == "null");
    CHECK(call.keywords[1].second.value == Value(true));
    CHECK_FALSE(call.keywords[1].second.is_bare_word);
}

TEST_CASE("call parser reads literals of every kind", "[parser]") {
    const auto call = parse_call_expression(
        "T(1, -2, +3, 1.5, -0.25, 'a', \"b\", True, False, None, word, models.CASCADE)");
    const std::vector<Value> expected = {Value(1),       Value(-2),     Value(3),
                                         Value(1.5),     Value(-0.25),  Value("a"),
                                         Value("b"),     Value(true),   Value(false),
                                         Value(nullptr), Value("word"), Value("models.CASCADE")};
    REQUIRE(call.positional.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        INFO(i);
        CHECK(call.positional[i].value == expected[i]);
        CHECK_FALSE(call.positional[i].is_list);
    }
    CHECK(call.positional[1].column == 6);
    CHECK_FALSE(call.positional[5].is_bare_word);
    CHECK(call.positional[10].is_bare_word);
}

TEST_CASE("call parser reads lists, tuples and dicts, nested", "[parser]") {
    const auto call = parse_call_expression(
        "T(choices=[(1, 'One'), (2, 'Two'),], v={min_value: 0, 'regex': '^a'}, e=[], t=(5,), "
        "p=(5))");
    REQUIRE(call.keywords.size() == 5);
    const FieldArg& choices = call.keywords[0].second;
    REQUIRE(choices.is_list);
    REQUIRE(choices.items.size() == 2);
    CHECK(choices.items[0].is_list);
    CHECK(choices.items[0].column == 12);
    CHECK(choices.items[1].items[1].value == Value("Two"));
    CHECK(choices.items[1].items[1].column == 28);

    const FieldArg& validators = call.keywords[1].second;
    REQUIRE(validators.is_dict);
    CHECK(validators.dict_keys == std::vector<std::string>{"min_value", "regex"});
    CHECK(validators.items[0].value == Value(0));
    CHECK(validators.items[1].value == Value("^a"));

    CHECK(call.keywords[2].second.is_list);
    CHECK(call.keywords[2].second.items.empty());
    // (5,) is a one-element tuple; (5) is just 5, as in Python.
    CHECK(call.keywords[3].second.is_list);
    CHECK(call.keywords[3].second.items.size() == 1);
    CHECK_FALSE(call.keywords[4].second.is_list);
    CHECK(call.keywords[4].second.value == Value(5));
}

TEST_CASE("call parser accepts a bare name and a dotted name", "[parser]") {
    auto call = parse_call_expression("  TextField  ");
    CHECK(call.callee == "TextField");
    CHECK(call.callee_column == 3);
    CHECK(call.positional.empty());
    call = parse_call_expression("models.CharField(max_length=3)");
    CHECK(call.callee == "models.CharField");
}

TEST_CASE("call parser reports syntax errors with the column of the offending token", "[parser]") {
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
        {"", "expected a name, found end of text", 1},
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
        const auto error = field_error_of([&] { parse_call_expression(c.text); });
        CHECK(error.message == c.message);
        CHECK(error.column == c.column);
    }
}

TEST_CASE("call parser refuses absurdly deep nesting instead of overflowing the stack",
          "[parser]") {
    const std::string text = "T(" + std::string(1000, '[') + std::string(1000, ']') + ")";
    const auto error = field_error_of([&] { parse_call_expression(text); });
    CHECK(error.message == "nesting deeper than 64 levels");
    // The first bracket past the limit: "T(" then 65 accepted levels.
    CHECK(error.column == 3 + 65);
    const std::string deepest_allowed = "T(" + std::string(65, '[') + std::string(65, ']') + ")";
    CHECK(parse_call_expression(deepest_allowed).positional.size() == 1);
    const std::string unclosed = "IntegerField(default=" + std::string(200000, '(');
    CHECK(field_error_of([&] { parse_field_shorthand(unclosed); }).message ==
          "nesting deeper than 64 levels");
}

TEST_CASE("call parser refuses a definition over a megabyte before reading it", "[parser]") {
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

TEST_CASE("every field type reads from its shorthand", "[shorthand]") {
    struct Case {
        const char* shorthand;
        FieldType type;
        const char* long_form;  // the same field as a YAML mapping, written by hand
    };
    const Case cases[] = {
        {"AutoField(primary_key=True)", FieldType::AutoField,
         "{type: AutoField, primary_key: true}"},
        {"BigAutoField(primary_key=True)", FieldType::BigAutoField,
         "{type: BigAutoField, primary_key: true}"},
        {"IntegerField()", FieldType::IntegerField, "{type: IntegerField}"},
        {"BigIntegerField()", FieldType::BigIntegerField, "{type: BigIntegerField}"},
        {"SmallIntegerField()", FieldType::SmallIntegerField, "{type: SmallIntegerField}"},
        {"FloatField()", FieldType::FloatField, "{type: FloatField}"},
        {"DecimalField(max_digits=5, decimal_places=2)", FieldType::DecimalField,
         "{type: DecimalField, max_digits: 5, decimal_places: 2}"},
        {"CharField(max_length=10)", FieldType::CharField, "{type: CharField, max_length: 10}"},
        {"TextField()", FieldType::TextField, "{type: TextField}"},
        {"EmailField()", FieldType::EmailField, "{type: EmailField}"},
        {"URLField()", FieldType::URLField, "{type: URLField}"},
        {"BooleanField()", FieldType::BooleanField, "{type: BooleanField}"},
        {"DateField()", FieldType::DateField, "{type: DateField}"},
        {"TimeField()", FieldType::TimeField, "{type: TimeField}"},
        {"DateTimeField()", FieldType::DateTimeField, "{type: DateTimeField}"},
        {"UUIDField()", FieldType::UUIDField, "{type: UUIDField}"},
        {"JSONField()", FieldType::JSONField, "{type: JSONField}"},
        {"BinaryField()", FieldType::BinaryField, "{type: BinaryField}"},
        {"ForeignKey(users, on_delete=CASCADE)", FieldType::ForeignKey,
         "{type: ForeignKey, to: users, on_delete: CASCADE}"},
        {"ManyToManyField(tags)", FieldType::ManyToManyField, "{type: ManyToManyField, to: tags}"},
    };
    for (const auto& c : cases) {
        INFO(c.shorthand << " and " << c.long_form);
        const Field f = field("f", c.shorthand);
        CHECK(f.type == c.type);
        CHECK(f.name == "f");
        CHECK(field_type_from_name(field_type_name(c.type)) == c.type);
        // The long form, read as a migration file reads it, gives the same field.
        const Field from_long = field_of_migration(c.long_form);
        CHECK(from_long == f);
        CHECK(from_long.canonical() == f.canonical());
    }
}

TEST_CASE("field type and on_delete names round-trip and accept the models. prefix",
          "[shorthand]") {
    CHECK(field_type_from_name("models.CharField") == FieldType::CharField);
    CHECK_FALSE(field_type_from_name("charfield").has_value());
    const std::vector<std::pair<const char*, OnDelete>> rules = {
        {"CASCADE", OnDelete::Cascade},        {"SET_NULL", OnDelete::SetNull},
        {"PROTECT", OnDelete::Protect},        {"RESTRICT", OnDelete::Restrict},
        {"SET_DEFAULT", OnDelete::SetDefault}, {"DO_NOTHING", OnDelete::DoNothing}};
    for (const auto& [name, rule] : rules) {
        CHECK(std::string(on_delete_name(rule)) == name);
        CHECK(on_delete_from_name(name) == rule);
        CHECK(on_delete_from_name(std::string("models.") + name) == rule);
    }
    CHECK_FALSE(on_delete_from_name("cascade").has_value());
}

TEST_CASE("shorthand and long form of the same field give the same field", "[shorthand]") {
    CHECK(field("f", "CharField(max_length=200)") ==
          long_form("CharField", {{"max_length", scalar(200)}}));
    CHECK(field("f", "CharField(200)") == long_form("CharField", {{"max_length", scalar(200)}}));
    CHECK(field("f", "CharField(max_length=30, null=True, blank=True, default='x')") ==
          long_form("CharField", {{"max_length", scalar(30)},
                                  {"null", scalar(true)},
                                  {"blank", scalar(true)},
                                  {"default", scalar("x")}}));
    CHECK(field("f", "ForeignKey(users, on_delete=SET_NULL, null=True, related_name=posts)") ==
          long_form("ForeignKey", {{"to", word("users")},
                                   {"on_delete", word("SET_NULL")},
                                   {"null", scalar(true)},
                                   {"related_name", word("posts")}}));
    CHECK(field("f", "DecimalField(8, 2)") ==
          long_form("DecimalField", {{"max_digits", scalar(8)}, {"decimal_places", scalar(2)}}));
    CHECK(field("f", "IntegerField(validators={min_value: 0, max_value: 10})") ==
          long_form("IntegerField", {{"min_value", scalar(0)}, {"max_value", scalar(10)}}));
    CHECK(field("f", "IntegerField(choices=[(1, 'One'), [2, 'Two'], 3])") ==
          long_form("IntegerField",
                    {{"choices", list({list({scalar(1), scalar("One")}),
                                       list({scalar(2), scalar("Two")}), scalar(3)})}}));
    CHECK(field("f", "IntegerField(validators={min_value: 0})") ==
          long_form("IntegerField", {{"validators", dict({{"min_value", scalar(0)}})}}));
}

TEST_CASE("the long form built with the loader's scalar rules matches the shorthand",
          "[shorthand]") {
    const Field from_yaml =
        long_form("IntegerField", {{"default", field_arg_from_scalar_text("0", false)},
                                   {"null", field_arg_from_scalar_text("true", false)},
                                   {"db_column", field_arg_from_scalar_text("views", false)},
                                   {"help_text", field_arg_from_scalar_text("true", true)}});
    CHECK(from_yaml == field("f",
                             "IntegerField(default=0, null=True, db_column=views, "
                             "help_text='true')"));
}

// PyYAML's resolver: the core schema's null, int and float forms, and the YAML
// 1.1 booleans (yes/no/on/off too), as the header's atomic: reads them.
TEST_CASE("field_arg_from_scalar_text reads plain scalars as PyYAML does", "[shorthand]") {
    struct Case {
        const char* text;
        bool quoted;
        Value expected;
        bool bare;
    };
    const Case cases[] = {
        {"true", true, Value("true"), false},  {"", true, Value(""), false},
        {"", false, Value(), false},           {"~", false, Value(), false},
        {"null", false, Value(), false},       {"Null", false, Value(), false},
        {"NULL", false, Value(), false},       {"None", false, Value(), false},
        {"true", false, Value(true), false},   {"True", false, Value(true), false},
        {"TRUE", false, Value(true), false},   {"false", false, Value(false), false},
        {"False", false, Value(false), false}, {"0", false, Value(0), false},
        {"-17", false, Value(-17), false},     {"+5", false, Value(5), false},
        {"0x1f", false, Value(31), false},     {"0o17", false, Value(15), false},
        {"1.5", false, Value(1.5), false},     {"-.5", false, Value(-0.5), false},
        {"1e3", false, Value(1000.0), false},  {"CASCADE", false, Value("CASCADE"), true},
        {"yes", false, Value(true), false},    {"12abc", false, Value("12abc"), true},
        {"Off", false, Value(false), false},   {"yes", true, Value("yes"), false},
        {"y", false, Value("y"), true},
    };
    for (const auto& c : cases) {
        INFO(c.text << " quoted=" << c.quoted);
        const FieldArg arg = field_arg_from_scalar_text(c.text, c.quoted);
        CHECK(arg.value == c.expected);
        CHECK(arg.is_bare_word == c.bare);
        CHECK(arg.column == 0);
        CHECK_FALSE(arg.is_list);
    }
    CHECK(std::isinf(field_arg_from_scalar_text("-.inf", false).value.as_double()));
    CHECK(std::isnan(field_arg_from_scalar_text(".nan", false).value.as_double()));
    // Too large for an integer: still a number.
    CHECK(field_arg_from_scalar_text("99999999999999999999", false).value.kind() ==
          Value::Kind::Float);
}

TEST_CASE("every option of SPEC section 4 sets its attribute", "[shorthand]") {
    const Field c = field("title",
                          "CharField(max_length=200, null=True, blank=True, default='none', "
                          "unique=True, db_index=True, db_column=title_col, choices=[a, b], "
                          "editable=False, help_text='The title', verbose_name=\"Title\", "
                          "validators={min_length: 2, regex: '^[A-Z]'})");
    CHECK(c.max_length == 200);
    CHECK(c.null);
    CHECK(c.blank);
    CHECK(c.default_value == Value("none"));
    CHECK(c.unique);
    CHECK(c.db_index);
    CHECK(c.db_column == "title_col");
    CHECK(c.column() == "title_col");
    CHECK(c.choices == std::vector<Choice>{{Value("a"), "a"}, {Value("b"), "b"}});
    CHECK_FALSE(c.editable);
    CHECK(c.help_text == "The title");
    CHECK(c.verbose_name == "Title");
    CHECK(c.validators.min_length == 2);
    CHECK(c.validators.regex == std::string("^[A-Z]"));

    const Field i = field("age",
                          "IntegerField(min_value=0, max_value=150.5, primary_key=True, "
                          "default=-1)");
    CHECK(i.validators.min_value == 0.0);
    CHECK(i.validators.max_value == 150.5);
    CHECK(i.primary_key);
    CHECK(i.default_value == Value(-1));

    const Field t = field("body", "TextField(min_length=1, max_length=5000)");
    CHECK_FALSE(t.max_length.has_value());
    CHECK(t.validators.min_length == 1);
    CHECK(t.validators.max_length == 5000);

    const Field d = field("at", "DateTimeField(auto_now_add=True)");
    CHECK(d.auto_now_add);
    CHECK(field("at", "DateField(auto_now=True)").auto_now);
    CHECK(field("at", "TimeField(auto_now=True)").auto_now);

    const Field fk = field("author",
                           "ForeignKey(to=users, on_delete=PROTECT, related_name=posts, "
                           "related_query_name=post)");
    CHECK(fk.to == "users");
    CHECK(fk.on_delete == OnDelete::Protect);
    CHECK(fk.related_name == "posts");
    CHECK(fk.column() == "author_id");

    const Field m2m =
        field("friends", "ManyToManyField('self', through=friendships, symmetrical=False)");
    CHECK(m2m.to == "self");
    CHECK(m2m.through == "friendships");
    CHECK_FALSE(m2m.symmetrical);
    CHECK(m2m.is_many_to_many());
    CHECK_FALSE(m2m.has_column());

    const Field dec = field("price", "DecimalField(max_digits=10, decimal_places=0)");
    CHECK(dec.max_digits == 10);
    CHECK(dec.decimal_places == 0);
}

TEST_CASE("every on_delete rule is accepted, bare, quoted or with models.", "[shorthand]") {
    CHECK(field("a", "ForeignKey(users)").on_delete == OnDelete::Cascade);
    CHECK(field("a", "ForeignKey(users, on_delete=CASCADE)").on_delete == OnDelete::Cascade);
    CHECK(field("a", "ForeignKey(users, on_delete='PROTECT')").on_delete == OnDelete::Protect);
    CHECK(field("a", "ForeignKey(users, models.RESTRICT)").on_delete == OnDelete::Restrict);
    CHECK(field("a", "ForeignKey(users, on_delete=SET_NULL, null=True)").on_delete ==
          OnDelete::SetNull);
    CHECK(field("a", "ForeignKey(users, on_delete=SET_DEFAULT, default=1)").on_delete ==
          OnDelete::SetDefault);
    CHECK(field("a", "ForeignKey(users, on_delete=DO_NOTHING)").on_delete == OnDelete::DoNothing);
    CHECK(field("a", "models.ForeignKey(users, on_delete=models.CASCADE)").type ==
          FieldType::ForeignKey);
}

TEST_CASE("an AutoField is always the primary key", "[shorthand]") {
    CHECK(field("id", "AutoField()").primary_key);
    CHECK(field("id", "BigAutoField").primary_key);
    CHECK(field("id", "AutoField()") == field("id", "AutoField(primary_key=True)"));
    Field built;
    built.name = "id";
    built.type = FieldType::AutoField;
    CHECK(built.canonical() == field("id", "AutoField()").canonical());
}

TEST_CASE("choices take plain values, pairs, or a dict", "[shorthand]") {
    const Field f = field("s", "CharField(max_length=1, choices={d: 'Draft', p: 'Published'})");
    CHECK(f.choices == std::vector<Choice>{{Value("d"), "Draft"}, {Value("p"), "Published"}});
    const Field g = field("n", "IntegerField(choices=[1, (2, 'Two'), (3, True)])");
    CHECK(g.choices == std::vector<Choice>{{Value(1), "1"}, {Value(2), "Two"}, {Value(3), "True"}});
}

TEST_CASE("a JSONField default may be a list or dict, stored as JSON text", "[shorthand]") {
    CHECK(field("j", "JSONField(default={})").default_value == Value("{}"));
    CHECK(field("j", "JSONField(default=[1, 'a\"b', None, {k: True}])").default_value ==
          Value("[1,\"a\\\"b\",null,{\"k\":true}]"));
}

TEST_CASE("canonical text lists non-default attributes in a fixed order", "[canonical]") {
    CHECK(field("t", "CharField(max_length=200)").canonical() == "CharField(max_length=200)");
    CHECK(field("t", "CharField(null=True, max_length=200)").canonical() ==
          "CharField(max_length=200,null=True)");
    CHECK(field("t", "TextField()").canonical() == "TextField()");
    CHECK(field("a", "ForeignKey(users, on_delete=SET_NULL, null=True, related_name=posts)")
              .canonical() ==
          "ForeignKey(to='users',on_delete=SET_NULL,null=True,"
          "related_name='posts')");
    CHECK(field("p", "DecimalField(5, 2, default='1.50')").canonical() ==
          "DecimalField(max_digits=5,decimal_places=2,default='1.50')");
    CHECK(field("x", "IntegerField(validators={max_value: 5}, min_value=-1, choices=[(1, 'a')])")
              .canonical() ==
          "IntegerField(choices=[(1,'a')],validators={min_value:-1.0,max_value:5.0})");
    CHECK(field("x", "TextField(help_text='it\\'s\\n', editable=False)").canonical() ==
          "TextField(editable=False,help_text='it\\'s\\n')");
    CHECK(field("m", "ManyToManyField('self', symmetrical=False, through=t)").canonical() ==
          "ManyToManyField(to='self',through='t',symmetrical=False)");
}

TEST_CASE("canonical text keeps floats at full precision and apart from integers", "[canonical]") {
    CHECK(field("x", "FloatField(default=0.1)").canonical() == "FloatField(default=0.1)");
    CHECK(field("x", "FloatField(default=0.30000000000000004)").canonical() ==
          "FloatField(default=0.30000000000000004)");
    CHECK(field("x", "IntegerField(default=1)").canonical() !=
          field("x", "IntegerField(default=1.0)").canonical());
    CHECK(field("x", "IntegerField(default=1)").canonical() !=
          field("x", "IntegerField(default='1')").canonical());
    // For a FloatField 1 and 1.0 mean the same default.
    CHECK(field("x", "FloatField(default=1)").canonical() ==
          field("x", "FloatField(default=1.0)").canonical());
}

TEST_CASE("canonical text changes with every semantic attribute", "[canonical]") {
    const std::vector<std::string> variants = {
        "CharField(max_length=10)",
        "CharField(max_length=11)",
        "CharField(max_length=10, null=True)",
        "CharField(max_length=10, blank=True)",
        "CharField(max_length=10, default='')",
        "CharField(max_length=10, default=None)",
        "CharField(max_length=10, unique=True)",
        "CharField(max_length=10, db_index=True)",
        "CharField(max_length=10, db_column=c)",
        "CharField(max_length=10, choices=[a])",
        "CharField(max_length=10, choices=[(a, 'A')])",
        "CharField(max_length=10, primary_key=True)",
        "CharField(max_length=10, editable=False)",
        "CharField(max_length=10, help_text=h)",
        "CharField(max_length=10, verbose_name=h)",
        "CharField(max_length=10, min_length=1)",
        "CharField(max_length=10, validators={max_length: 5})",
        "CharField(max_length=10, regex=h)",
        "CharField(max_length=10, min_value=1)",
        "CharField(max_length=10, max_value=1)",
        "TextField()",
        "DateField(auto_now=True)",
        "DateField(auto_now_add=True)",
        "DateField()",
        "ForeignKey(users)",
        "ForeignKey(people)",
        "ForeignKey(users, on_delete=PROTECT)",
        "ForeignKey(users, related_name=x)",
        "ManyToManyField(users)",
        "ManyToManyField(users, through=x)",
        "ManyToManyField(users, symmetrical=False)",
        "DecimalField(5, 2)",
        "DecimalField(6, 2)",
        "DecimalField(5, 3)",
    };
    std::set<std::string> seen;
    for (const auto& text : variants) {
        INFO(text);
        CHECK(seen.insert(field("f", text).canonical()).second);
    }
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

TEST_CASE("option errors point at the option's column", "[errors]") {
    struct Case {
        const char* text;
        const char* message;
        int column;
    };
    const Case cases[] = {
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
    };
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
