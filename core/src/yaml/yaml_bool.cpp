#include "yaml/yaml_bool.h"

#include <array>

namespace covet::yaml {

std::optional<bool> read_bool(std::string_view text) {
    static constexpr std::array<std::string_view, 9> truthy = {"true", "True", "TRUE", "yes", "Yes",
                                                               "YES",  "on",   "On",   "ON"};
    static constexpr std::array<std::string_view, 9> falsy = {"false", "False", "FALSE", "no", "No",
                                                              "NO",    "off",   "Off",   "OFF"};
    for (auto word : truthy)
        if (text == word) return true;
    for (auto word : falsy)
        if (text == word) return false;
    return std::nullopt;
}

}  // namespace covet::yaml
