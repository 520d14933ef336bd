#include "schema/field_args.h"

#include <charconv>
#include <cstdint>
#include <limits>
#include <optional>
#include <regex>

#include "yaml/yaml_bool.h"

namespace covet {

namespace {

std::optional<Value> yaml_null_or_bool(const std::string& text) {
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL" ||
        text == "None") {
        return Value();
    }
    if (text == "true" || text == "True" || text == "TRUE") return Value(true);
    if (text == "false" || text == "False" || text == "FALSE") return Value(false);
    return std::nullopt;
}

std::optional<Value> yaml_integer(const std::string& text) {
    static const std::regex decimal("[-+]?[0-9]+");
    static const std::regex hex("0x[0-9a-fA-F]+");
    static const std::regex octal("0o[0-7]+");
    int base = 10;
    std::size_t skip = 0;
    if (std::regex_match(text, hex)) {
        base = 16;
        skip = 2;
    } else if (std::regex_match(text, octal)) {
        base = 8;
        skip = 2;
    } else if (!std::regex_match(text, decimal)) {
        return std::nullopt;
    }
    // from_chars takes no '+' sign.
    if (text[0] == '+') skip = 1;
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data() + skip, end, value, base);
    if (result.ec != std::errc() || result.ptr != end) return std::nullopt;
    return Value(value);
}

std::optional<Value> yaml_float(const std::string& text) {
    static const std::regex number("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    static const std::regex infinity("[-+]?\\.(inf|Inf|INF)");
    static const std::regex not_a_number("\\.(nan|NaN|NAN)");
    if (std::regex_match(text, infinity)) {
        const double inf = std::numeric_limits<double>::infinity();
        return Value(text[0] == '-' ? -inf : inf);
    }
    if (std::regex_match(text, not_a_number)) {
        return Value(std::numeric_limits<double>::quiet_NaN());
    }
    if (!std::regex_match(text, number)) return std::nullopt;
    const std::size_t skip = text[0] == '+' ? 1 : 0;
    double value = 0;
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data() + skip, end, value);
    if (result.ec != std::errc() || result.ptr != end) return std::nullopt;
    return Value(value);
}

}  // namespace

FieldArg field_arg_from_scalar_text(const std::string& text, bool quoted) {
    FieldArg arg;
    if (quoted) {
        arg.value = text;
        return arg;
    }
    if (auto literal = yaml_null_or_bool(text)) {
        arg.value = *literal;
    } else if (auto integer = yaml_integer(text)) {
        arg.value = *integer;
    } else if (auto real = yaml_float(text)) {
        arg.value = *real;
    } else {
        arg.value = text;
        arg.is_bare_word = true;
        arg.yaml11_boolean = yaml::read_bool(text).has_value();
    }
    return arg;
}

}  // namespace covet
