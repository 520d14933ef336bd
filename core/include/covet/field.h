// Field types and options of SPEC.md §4, as read from a migration file or
// registered from C++. A Field is plain data; dialects turn it into DDL.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covet/value.h"

namespace covet {

enum class FieldType {
    AutoField,
    BigAutoField,
    IntegerField,
    BigIntegerField,
    SmallIntegerField,
    FloatField,
    DecimalField,
    CharField,
    TextField,
    EmailField,
    URLField,
    BooleanField,
    DateField,
    TimeField,
    DateTimeField,
    UUIDField,
    JSONField,
    BinaryField,
    ForeignKey,
    ManyToManyField,
};

const char* field_type_name(FieldType type);
// Returns nullopt for a name that is not a field type.
std::optional<FieldType> field_type_from_name(const std::string& name);

enum class OnDelete { Cascade, SetNull, Protect, Restrict, SetDefault, DoNothing };

const char* on_delete_name(OnDelete rule);
std::optional<OnDelete> on_delete_from_name(const std::string& name);
// The SQL referential action of a rule ("SET NULL"); "" for DO_NOTHING, which
// writes no ON DELETE clause (the database's NO ACTION).
const char* on_delete_sql_action(OnDelete rule);

struct Validators {
    std::optional<double> min_value;
    std::optional<double> max_value;
    std::optional<std::int64_t> min_length;
    std::optional<std::int64_t> max_length;
    std::optional<std::string> regex;
    bool operator==(const Validators&) const = default;
    bool empty() const { return !min_value && !max_value && !min_length && !max_length && !regex; }
};

struct Choice {
    Value value;
    std::string label;
    bool operator==(const Choice&) const = default;
};

struct Field {
    std::string name;  // attribute name; the column is column()
    FieldType type = FieldType::IntegerField;

    bool null = false;
    bool blank = false;
    // The default as written (a number, text, True/False/None): the checksum and
    // the DDL's DEFAULT keep its spelling; typed_default() gives its typed value.
    std::optional<Value> default_value;
    bool unique = false;
    bool db_index = false;  // make_field turns it on for a ForeignKey, as Django
    // Whether the definition wrote db_index itself: an explicit
    // db_index=True on a ForeignKey keeps its place in the checksum.
    bool db_index_written = false;
    std::string db_column;  // empty: derived from the name
    std::vector<Choice> choices;
    bool primary_key = false;
    bool editable = true;
    std::string help_text;
    std::string verbose_name;
    Validators validators;
    bool auto_now = false;
    bool auto_now_add = false;

    std::optional<std::int64_t> max_length;  // CharField, EmailField, URLField
    std::optional<int> max_digits;           // DecimalField
    std::optional<int> decimal_places;       // DecimalField

    // Relations (ForeignKey, ManyToManyField).
    std::string to;  // target model name or table name, "self" allowed
    OnDelete on_delete = OnDelete::Cascade;
    std::string related_name;
    // The reverse name in lookups when not related_name (SPEC.md §7). Not
    // in canonical(): it names no schema object, and migrations applied
    // while covet ignored it keep their checksums.
    std::string related_query_name;
    std::string through;      // ManyToManyField: explicit through model/table
    bool symmetrical = true;  // ManyToManyField to its own model

    bool is_relation() const {
        return type == FieldType::ForeignKey || type == FieldType::ManyToManyField;
    }
    bool is_many_to_many() const { return type == FieldType::ManyToManyField; }
    bool is_auto() const { return type == FieldType::AutoField || type == FieldType::BigAutoField; }
    // Whether the field has a column in its own table (a ManyToManyField has none).
    bool has_column() const { return !is_many_to_many(); }
    // Whether db_index asks for an index of its own: a unique column or a
    // primary key has one already.
    bool wants_index() const { return has_column() && db_index && !unique && !primary_key; }
    // db_column, else `<name>_id` for a ForeignKey, else the name.
    std::string column() const;
    // CharField/EmailField/URLField length with the Email/URL defaults applied.
    std::optional<std::int64_t> effective_max_length() const;

    // Messages for every rule the value breaks (null/blank, lengths, ranges,
    // regex, email, URL, choices, decimal digits). Empty when valid.
    std::vector<std::string> validate(const Value& value) const;

    // The default as a value of the field's kind: a Decimal, Date, Time,
    // DateTime, Uuid or Json for those fields, the written value for the
    // others; nullopt without a default. Throws ValueError when the written
    // default does not read as the kind (make_field refuses such a field).
    std::optional<Value> typed_default() const;

    // Stable text of every semantic attribute, for checksums and comparisons.
    std::string canonical() const;

    bool operator==(const Field&) const = default;
};

// What a field definition says before it is checked: the type and its
// arguments, from the shorthand `CharField(max_length=10)` or the long form.
struct FieldArg;
using FieldArgList = std::vector<FieldArg>;
struct FieldArg {
    // A literal (string, number, bool, null) or, when is_list, a list of args.
    Value value;
    bool is_list = false;
    bool is_bare_word = false;  // an unquoted word such as CASCADE
    // A plain yes/no/on/off of the long form: a boolean where an option takes
    // one (null: yes), the word itself anywhere else (default: no on a CharField).
    bool yaml11_boolean = false;
    FieldArgList items;
    // A dict literal {key: value}: keys in items_keys, values in items.
    bool is_dict = false;
    std::vector<std::string> dict_keys;
    int column = 0;  // 1-based column in the shorthand text (0: long form)
};

struct FieldSpec {
    std::string type_name;
    int type_column = 1;
    std::vector<FieldArg> positional;
    std::vector<std::pair<std::string, FieldArg>> keywords;  // in written order
};

// Why the field's default cannot be stored in its column ("'abc' value must
// be an integer.", a too long text, too many digits, an out-of-range
// integer), or nullopt when it fits or there is none. Checked at load, so
// that no back end stores it unchecked and no other fails only when applying.
std::optional<std::string> default_value_problem(const Field& field);

// Parses `Type(arg, key=value, ...)`. Throws FieldError with the column.
FieldSpec parse_field_shorthand(const std::string& text);

// Checks the spec and builds the field. Throws FieldError naming the
// unknown type, unknown option, or bad option value.
Field make_field(const std::string& name, const FieldSpec& spec);

// Convenience for C++ code: make_field(name, parse_field_shorthand(text)).
Field field(const std::string& name, const std::string& shorthand);

}  // namespace covet
