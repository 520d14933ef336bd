#include "schema/field_option_readers.h"

#include <algorithm>
#include <cmath>
#include <regex>

#include "covet/error.h"
#include "schema/python_repr.h"
#include "util/edit_distance.h"
#include "util/json_writer.h"
#include "util/text_case.h"
#include "yaml/yaml_bool.h"

namespace covet {

namespace {

[[noreturn]] void fail_at_column(const std::string& message, int column) {
    throw FieldError(message, column);
}

std::vector<std::string> on_delete_names() {
    std::vector<std::string> names;
    for (int i = 0; i <= static_cast<int>(OnDelete::DoNothing); ++i) {
        names.push_back(on_delete_name(static_cast<OnDelete>(i)));
    }
    return names;
}

std::string label_of(const Value& value) {
    return value.kind() == Value::Kind::Text ? value.as_text() : python_repr(value);
}

}  // namespace

// "; did you mean 'CharField'?" for a near miss, else "". Short words get
// fewer edits, so that 'foo' is not taken for 'to'.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    const std::string* best = nearest_name(word, candidates);
    return best ? "; did you mean '" + *best + "'?" : "";
}

bool is_scalar(const FieldArg& arg) {
    return !arg.is_list && !arg.is_dict;
}

// A JSONField default written as a list or dict literal is stored as its JSON text.
std::string json_text(const FieldArg& arg) {
    if (arg.is_list || arg.is_dict) {
        std::string out = arg.is_list ? "[" : "{";
        for (std::size_t i = 0; i < arg.items.size(); ++i) {
            if (i) out += ",";
            if (arg.is_dict) out += json_quote(arg.dict_keys[i], JsonEscapes::unicode_only) + ":";
            out += json_text(arg.items[i]);
        }
        return out + (arg.is_list ? "]" : "}");
    }
    const Value& value = arg.value;
    switch (value.kind()) {
        case Value::Kind::Null:
            return "null";
        case Value::Kind::Bool:
            return value.as_bool() ? "true" : "false";
        case Value::Kind::Text:
            return json_quote(value.as_text(), JsonEscapes::unicode_only);
        case Value::Kind::Float:
            if (!std::isfinite(value.as_double())) {
                throw FieldError("a JSON default cannot hold " + value.to_string(), arg.column);
            }
            return value.to_string();
        default:
            return value.to_string();
    }
}

FieldArg with_column(FieldArg arg, int column) {
    arg.column = column;
    return arg;
}

bool read_bool(const std::string& key, const FieldArg& arg) {
    if (arg.yaml11_boolean) return *yaml::read_bool(arg.value.as_text());
    if (!is_scalar(arg) || arg.value.kind() != Value::Kind::Bool) {
        fail_at_column("option '" + key + "' must be True or False", arg.column);
    }
    return arg.value.as_bool();
}

std::string read_string(const std::string& key, const FieldArg& arg) {
    if (!is_scalar(arg) || arg.value.kind() != Value::Kind::Text) {
        fail_at_column("option '" + key + "' must be a string", arg.column);
    }
    return arg.value.as_text();
}

std::string read_name(const std::string& key, const FieldArg& arg) {
    std::string text = read_string(key, arg);
    if (text.empty()) fail_at_column("option '" + key + "' must not be empty", arg.column);
    return text;
}

std::int64_t read_integer(const std::string& key, const FieldArg& arg, std::int64_t minimum,
                          std::int64_t maximum) {
    const bool integer = is_scalar(arg) && arg.value.kind() == Value::Kind::Int;
    if (!integer || arg.value.as_int() < minimum || arg.value.as_int() > maximum) {
        fail_at_column("option '" + key + "' must be " +
                           (minimum > 0 ? "a positive integer" : "a non-negative integer"),
                       arg.column);
    }
    return arg.value.as_int();
}

double read_number(const std::string& key, const FieldArg& arg) {
    const Value::Kind kind = arg.value.kind();
    const bool number = is_scalar(arg) && (kind == Value::Kind::Int || kind == Value::Kind::Float);
    if (!number || !std::isfinite(arg.value.as_double())) {
        fail_at_column("option '" + key + "' must be a number", arg.column);
    }
    return arg.value.as_double();
}

std::string read_regex(const std::string& key, const FieldArg& arg) {
    std::string pattern = read_string(key, arg);
    try {
        std::regex check(pattern, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
        fail_at_column("option '" + key + "' is not a valid regular expression: " + e.what(),
                       arg.column);
    }
    return pattern;
}

OnDelete read_on_delete(const FieldArg& arg) {
    const std::string name = read_string("on_delete", arg);
    const auto rule = on_delete_from_name(name);
    if (!rule) {
        fail_at_column("unknown on_delete rule '" + name +
                           "' (expected CASCADE, SET_NULL, PROTECT, RESTRICT, SET_DEFAULT or "
                           "DO_NOTHING)" +
                           did_you_mean(name, on_delete_names()),
                       arg.column);
    }
    return *rule;
}

std::vector<Choice> read_choices(const FieldArg& arg) {
    if (!arg.is_list && !arg.is_dict) {
        fail_at_column("option 'choices' must be a list of values or [value, label] pairs",
                       arg.column);
    }
    std::vector<Choice> choices;
    for (std::size_t i = 0; i < arg.items.size(); ++i) {
        const FieldArg& item = arg.items[i];
        const int column = item.column ? item.column : arg.column;
        if (arg.is_dict) {
            if (!is_scalar(item))
                fail_at_column("each choice label must be a single value", column);
            choices.push_back(Choice{Value(arg.dict_keys[i]), label_of(item.value)});
        } else if (is_scalar(item)) {
            choices.push_back(Choice{item.value, label_of(item.value)});
        } else if (item.is_list && item.items.size() == 2 && is_scalar(item.items[0]) &&
                   is_scalar(item.items[1])) {
            choices.push_back(Choice{item.items[0].value, label_of(item.items[1].value)});
        } else {
            fail_at_column("each choice must be a value or a [value, label] pair", column);
        }
    }
    return choices;
}

}  // namespace covet
