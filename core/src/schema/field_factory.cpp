#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <set>

#include "covet/error.h"
#include "covet/field.h"
#include "schema/field_option_readers.h"
#include "schema/python_repr.h"
#include "util/edit_distance.h"
#include "util/json_writer.h"
#include "util/text_case.h"

namespace covet {

namespace {

const std::vector<std::string> kOptionNames = {
    "null",           "blank",       "default",     "unique",       "db_index",
    "db_column",      "choices",     "primary_key", "editable",     "help_text",
    "verbose_name",   "validators",  "min_value",   "max_value",    "min_length",
    "max_length",     "regex",       "auto_now",    "auto_now_add", "max_digits",
    "decimal_places", "to",          "on_delete",   "related_name", "related_query_name",
    "through",        "symmetrical",
};

const std::vector<std::string> kValidatorNames = {"min_value", "max_value", "min_length",
                                                  "max_length", "regex"};

std::vector<std::string> field_type_names() {
    std::vector<std::string> names;
    for (int i = 0; i <= static_cast<int>(FieldType::ManyToManyField); ++i) {
        names.push_back(field_type_name(static_cast<FieldType>(i)));
    }
    return names;
}

bool takes_max_length_column(FieldType type) {
    return type == FieldType::CharField || type == FieldType::EmailField ||
           type == FieldType::URLField;
}

bool is_temporal(FieldType type) {
    return type == FieldType::DateField || type == FieldType::TimeField ||
           type == FieldType::DateTimeField;
}

class FieldBuilder {
  public:
    FieldBuilder(const std::string& name, const FieldSpec& spec) : spec_(spec) {
        field_.name = name;
    }

    Field build() {
        const auto type = field_type_from_name(spec_.type_name);
        if (!type) {
            throw FieldError("unknown field type '" + spec_.type_name + "'" +
                                 did_you_mean(spec_.type_name, field_type_names()),
                             spec_.type_column);
        }
        field_.type = *type;
        type_ = field_type_name(*type);
        // As Django: a ForeignKey is indexed unless it says db_index=False.
        field_.db_index = field_.type == FieldType::ForeignKey;
        apply_positional();
        for (const auto& [key, arg] : spec_.keywords)
            apply(key, arg);
        check_combination();
        return field_;
    }

  private:
    [[noreturn]] void fail(const std::string& message, int column) const {
        throw FieldError(message, column);
    }
    [[noreturn]] void fail_here(const std::string& message) const {
        fail(message, spec_.type_column);
    }

    void apply_positional() {
        std::vector<const char*> names;
        switch (field_.type) {
            case FieldType::ForeignKey:
                names = {"to", "on_delete"};
                break;
            case FieldType::ManyToManyField:
                names = {"to"};
                break;
            case FieldType::DecimalField:
                names = {"max_digits", "decimal_places"};
                break;
            case FieldType::CharField:
                names = {"max_length"};
                break;
            default:
                break;
        }
        if (spec_.positional.size() > names.size()) {
            const FieldArg& extra = spec_.positional[names.size()];
            if (names.empty()) fail(type_ + " takes no positional arguments", extra.column);
            std::string takes;
            for (std::size_t i = 0; i < names.size(); ++i)
                takes += (i ? ", " : "") + std::string(names[i]);
            fail("too many positional arguments for " + type_ + " (it takes " + takes + ")",
                 extra.column);
        }
        for (std::size_t i = 0; i < spec_.positional.size(); ++i) {
            apply(names[i], spec_.positional[i]);
        }
    }

    void apply(const std::string& key, const FieldArg& arg) {
        if (std::find(kOptionNames.begin(), kOptionNames.end(), key) == kOptionNames.end()) {
            fail("unknown option '" + key + "' for " + type_ + did_you_mean(key, kOptionNames),
                 arg.column);
        }
        if (!given_.emplace(key, arg.column).second) {
            fail("option '" + key + "' given twice", arg.column);
        }
        check_applies(key, arg);
        set_option(key, arg);
    }

    void check_applies(const std::string& key, const FieldArg& arg) const {
        const FieldType type = field_.type;
        bool applies = true;
        if (key == "max_digits" || key == "decimal_places") {
            applies = type == FieldType::DecimalField;
        } else if (key == "to" || key == "related_name" || key == "related_query_name") {
            applies = field_.is_relation();
        } else if (key == "on_delete") {
            applies = type == FieldType::ForeignKey;
        } else if (key == "through" || key == "symmetrical") {
            applies = type == FieldType::ManyToManyField;
        } else if (key == "auto_now" || key == "auto_now_add") {
            if (!is_temporal(type)) {
                fail("option '" + key + "' applies only to DateField, TimeField and DateTimeField",
                     arg.column);
            }
        }
        if (!applies) fail("option '" + key + "' does not apply to " + type_, arg.column);
    }

    void set_option(const std::string& key, const FieldArg& arg) {
        if (key == "null") {
            field_.null = read_bool(key, arg);
        } else if (key == "blank") {
            field_.blank = read_bool(key, arg);
        } else if (key == "unique") {
            field_.unique = read_bool(key, arg);
        } else if (key == "db_index") {
            field_.db_index = read_bool(key, arg);
            field_.db_index_written = true;
        } else if (key == "primary_key") {
            field_.primary_key = read_bool(key, arg);
        } else if (key == "editable") {
            field_.editable = read_bool(key, arg);
        } else if (key == "auto_now") {
            field_.auto_now = read_bool(key, arg);
        } else if (key == "auto_now_add") {
            field_.auto_now_add = read_bool(key, arg);
        } else if (key == "symmetrical") {
            field_.symmetrical = read_bool(key, arg);
        } else if (key == "db_column") {
            field_.db_column = read_name(key, arg);
        } else if (key == "to") {
            field_.to = read_name(key, arg);
        } else if (key == "related_name") {
            field_.related_name = read_name(key, arg);
        } else if (key == "related_query_name") {
            field_.related_query_name = read_name(key, arg);
        } else if (key == "through") {
            field_.through = read_name(key, arg);
        } else if (key == "help_text") {
            field_.help_text = read_string(key, arg);
        } else if (key == "verbose_name") {
            field_.verbose_name = read_string(key, arg);
        } else if (key == "max_digits") {
            field_.max_digits = static_cast<int>(read_integer(key, arg, 1, INT_MAX));
        } else if (key == "decimal_places") {
            field_.decimal_places = static_cast<int>(read_integer(key, arg, 0, INT_MAX));
        } else if (key == "max_length" && takes_max_length_column(field_.type)) {
            field_.max_length = read_integer(key, arg, 1, INT64_MAX);
        } else if (key == "on_delete") {
            field_.on_delete = read_on_delete(arg);
        } else if (key == "default") {
            field_.default_value = read_default(arg);
        } else if (key == "choices") {
            field_.choices = read_choices(arg);
        } else if (key == "validators") {
            read_validators(arg);
        } else {
            set_validator(key, arg);
        }
    }

    // min_value, max_value, min_length, max_length (of a non-char type) and regex.
    void set_validator(const std::string& key, const FieldArg& arg) {
        Validators& v = field_.validators;
        if (validator_given_.count(key)) fail("validator '" + key + "' given twice", arg.column);
        validator_given_.insert(key);
        if (key == "min_value") {
            v.min_value = read_number(key, arg);
        } else if (key == "max_value") {
            v.max_value = read_number(key, arg);
        } else if (key == "min_length") {
            v.min_length = read_integer(key, arg, 0, INT64_MAX);
        } else if (key == "max_length") {
            v.max_length = read_integer(key, arg, 0, INT64_MAX);
        } else if (key == "regex") {
            v.regex = read_regex(key, arg);
        }
    }

    void read_validators(const FieldArg& arg) {
        if (!arg.is_dict) {
            fail("option 'validators' must be a dict such as {min_value: 0, max_length: 20}",
                 arg.column);
        }
        for (std::size_t i = 0; i < arg.items.size(); ++i) {
            const std::string& key = arg.dict_keys[i];
            const FieldArg& value = arg.items[i];
            if (std::find(kValidatorNames.begin(), kValidatorNames.end(), key) ==
                kValidatorNames.end()) {
                fail("unknown validator '" + key +
                         "' (expected min_value, max_value, min_length, max_length or regex)" +
                         did_you_mean(key, kValidatorNames),
                     value.column ? value.column : arg.column);
            }
            set_validator(key, value.column ? value : with_column(value, arg.column));
        }
    }

    Value read_default(const FieldArg& arg) const {
        if (arg.yaml11_boolean && field_.type == FieldType::BooleanField)
            return Value(read_bool("default", arg));
        if (is_scalar(arg)) return arg.value;
        if (field_.type == FieldType::JSONField) return Value(json_text(arg));
        fail("option 'default' must be a single value (a number, string, True, False or None)",
             arg.column);
    }

    int column_of(const std::string& key) const {
        const auto found = given_.find(key);
        return found == given_.end() ? spec_.type_column : found->second;
    }

    void check_combination() {
        if (field_.is_auto()) {
            if (given_.count("primary_key") && !field_.primary_key) {
                fail(type_ + " must be the primary key", column_of("primary_key"));
            }
            field_.primary_key = true;
        }
        if (field_.primary_key && field_.null) {
            fail("a primary key cannot have null=True", column_of("null"));
        }
        if (field_.type == FieldType::CharField && !field_.max_length) {
            fail_here("CharField requires max_length");
        }
        if (field_.type == FieldType::DecimalField) {
            if (!field_.max_digits) fail_here("DecimalField requires max_digits");
            if (!field_.decimal_places) fail_here("DecimalField requires decimal_places");
            if (*field_.decimal_places > *field_.max_digits) {
                fail("decimal_places (" + std::to_string(*field_.decimal_places) +
                         ") must not be greater than max_digits (" +
                         std::to_string(*field_.max_digits) + ")",
                     column_of("decimal_places"));
            }
        }
        if (field_.is_relation() && field_.to.empty()) {
            fail_here(type_ + " requires 'to' (the target model or table)");
        }
        if (field_.on_delete == OnDelete::SetNull && !field_.null) {
            fail("on_delete=SET_NULL requires null=True", column_of("on_delete"));
        }
        if (field_.on_delete == OnDelete::SetDefault && !field_.default_value) {
            fail("on_delete=SET_DEFAULT requires a default", column_of("on_delete"));
        }
        if (field_.auto_now && field_.auto_now_add) {
            fail("auto_now and auto_now_add are mutually exclusive", column_of("auto_now_add"));
        }
        if ((field_.auto_now || field_.auto_now_add) && field_.default_value) {
            fail("auto_now and auto_now_add cannot be combined with a default",
                 column_of("default"));
        }
        const Validators& v = field_.validators;
        if (v.min_value && v.max_value && *v.min_value > *v.max_value) {
            fail("min_value must not be greater than max_value", column_of("max_value"));
        }
        if (v.min_length && v.max_length && *v.min_length > *v.max_length) {
            fail("min_length must not be greater than max_length", column_of("max_length"));
        }
        if (auto problem = default_value_problem(field_))
            fail("option 'default' does not fit " + type_ + ": " + *problem, column_of("default"));
        // A FloatField default written as 1 means 1.0; one canonical form keeps checksums equal.
        if (field_.type == FieldType::FloatField && field_.default_value &&
            field_.default_value->kind() == Value::Kind::Int) {
            field_.default_value = Value(field_.default_value->as_double());
        }
    }

    const FieldSpec& spec_;
    Field field_;
    std::string type_;
    std::map<std::string, int> given_;  // option name -> column where it was given
    std::set<std::string> validator_given_;
};

}  // namespace

Field make_field(const std::string& name, const FieldSpec& spec) {
    return FieldBuilder(name, spec).build();
}

}  // namespace covet
