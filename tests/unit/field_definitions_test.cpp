// Field definitions: every type and option, shorthand and long form alike,
// and the canonical text the checksum is computed from.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "covet/field.h"
#include "covet/loader.h"
#include "covet/migration.h"
#include "covet/operation.h"
#include "field_arg_builders.h"
#include "schema/field_args.h"

using namespace covet;
using namespace covet_test;

namespace {

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

}  // namespace

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
        {"yes", false, Value("yes"), true},    {"12abc", false, Value("12abc"), true},
        {"Off", false, Value("Off"), true},    {"yes", true, Value("yes"), false},
        {"y", false, Value("y"), true},
    };
    for (const auto& c : cases) {
        INFO(c.text << " quoted=" << c.quoted);
        const FieldArg arg = field_arg_from_scalar_text(c.text, c.quoted);
        CHECK(arg.value == c.expected);
        CHECK(arg.is_bare_word == c.bare);
        // yes/no/on/off are booleans only where an option takes one.
        CHECK(arg.yaml11_boolean ==
              (c.bare && (std::string(c.text) == "yes" || std::string(c.text) == "Off")));
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
