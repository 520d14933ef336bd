// Reading one option of a field definition (`max_length=20`,
// `on_delete=CASCADE`, `choices=[...]`): each reader checks the literal's kind
// and throws FieldError at the option's column when it does not fit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "covet/field.h"

namespace covet {

// "; did you mean 'CharField'?" for a near miss, else "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// Not a list or dict literal.
bool is_scalar(const FieldArg& arg);
// A JSONField default written as a list or dict literal, as its JSON text.
std::string json_text(const FieldArg& arg);
// The argument with its column replaced.
FieldArg with_column(FieldArg arg, int column);

bool read_bool(const std::string& key, const FieldArg& arg);
std::string read_string(const std::string& key, const FieldArg& arg);
// A string that must not be empty.
std::string read_name(const std::string& key, const FieldArg& arg);
std::int64_t read_integer(const std::string& key, const FieldArg& arg, std::int64_t minimum,
                          std::int64_t maximum);
// A finite int or float.
double read_number(const std::string& key, const FieldArg& arg);
// A string that compiles as an ECMAScript regular expression.
std::string read_regex(const std::string& key, const FieldArg& arg);
OnDelete read_on_delete(const FieldArg& arg);
// A list of values or [value, label] pairs, or a dict of value: label.
std::vector<Choice> read_choices(const FieldArg& arg);

}  // namespace covet
