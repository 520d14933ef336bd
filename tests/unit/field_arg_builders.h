// Builders of FieldArg and FieldSpec values as the YAML loader's long form
// makes them, shared by the field definition tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "covet/field.h"

namespace covet_test {

inline covet::FieldArg scalar(covet::Value value) {
    covet::FieldArg arg;
    arg.value = std::move(value);
    return arg;
}

inline covet::FieldArg word(const std::string& text) {
    covet::FieldArg arg = scalar(text);
    arg.is_bare_word = true;
    return arg;
}

inline covet::FieldArg list(std::vector<covet::FieldArg> items) {
    covet::FieldArg arg;
    arg.is_list = true;
    arg.items = std::move(items);
    return arg;
}

inline covet::FieldArg dict(std::vector<std::pair<std::string, covet::FieldArg>> entries) {
    covet::FieldArg arg;
    arg.is_dict = true;
    for (auto& [key, value] : entries) {
        arg.dict_keys.push_back(key);
        arg.items.push_back(std::move(value));
    }
    return arg;
}

// The long form `{type: ..., key: value}` as the YAML loader builds it.
inline covet::Field long_form(const std::string& type,
                              std::vector<std::pair<std::string, covet::FieldArg>> keywords = {}) {
    covet::FieldSpec spec;
    spec.type_name = type;
    spec.keywords = std::move(keywords);
    return covet::make_field("f", spec);
}

}  // namespace covet_test
