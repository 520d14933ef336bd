#include "migrate/migration_file_reader.h"

#include <algorithm>

#include "covet/error.h"
#include "schema/field_args.h"
#include "yaml/yaml_bool.h"

namespace covet {

void MigrationFileReader::fail(yaml::Node at, const std::string& message) const {
    yaml::Mark mark = at.mark();
    fail_at(mark.line, mark.column, message);
}

void MigrationFileReader::fail_at(int line, int column, const std::string& message) const {
    throw LoadError(file_, line, column, message);
}

SourceLocation MigrationFileReader::location(yaml::Node at) const {
    return {file_, at.mark().line, at.mark().column};
}

void MigrationFileReader::expect_map(yaml::Node node, const std::string& what) const {
    if (!node.is_map()) fail(node, what + " must be a mapping");
}

void MigrationFileReader::check_keys(yaml::Node map, const std::string& what,
                                     std::initializer_list<const char*> allowed) const {
    for (auto [key_node, value] : map.entries()) {
        std::string key = scalar(key_node, "a key");
        bool ok =
            std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; });
        if (!ok) {
            std::string list;
            for (const char* a : allowed)
                list += (list.empty() ? "" : ", ") + std::string(a);
            fail(key_node, "unknown key '" + key + "' in " + what + " (expected: " + list + ")");
        }
    }
}

std::string MigrationFileReader::required_string(yaml::Node map, const char* key,
                                                 const std::string& what) const {
    yaml::Node node = map[key];
    if (!node) fail(map, what + " requires '" + key + "'");
    return scalar(node, std::string("'") + key + "'");
}

std::string MigrationFileReader::required_name(yaml::Node map, const char* key,
                                               const std::string& what) const {
    std::string name = required_string(map, key, what);
    if (name.empty()) fail(map[key], std::string("'") + key + "' must not be empty");
    return name;
}

std::string MigrationFileReader::optional_string(yaml::Node map, const char* key) const {
    yaml::Node node = map[key];
    if (!node || node.is_null()) return "";
    return scalar(node, std::string("'") + key + "'");
}

std::string MigrationFileReader::scalar(yaml::Node node, const std::string& what) const {
    if (!node.is_scalar()) fail(node, what + " must be a single value");
    return node.scalar();
}

bool MigrationFileReader::boolean(yaml::Node node, const std::string& what) const {
    if (node.is_scalar())
        if (auto flag = yaml::read_bool(node.scalar())) return *flag;
    fail(node, what + " must be true or false");
}

std::vector<std::string> MigrationFileReader::string_list(yaml::Node node,
                                                          const std::string& what) const {
    if (!node.is_sequence()) fail(node, what + " must be a list");
    std::vector<std::string> out;
    for (yaml::Node item : node.items())
        out.push_back(scalar(item, "each item of " + what));
    return out;
}

FieldArg MigrationFileReader::field_arg(yaml::Node node) const {
    FieldArg arg;
    if (node.is_null()) return arg;
    if (node.is_scalar())
        return field_arg_from_scalar_text(node.scalar(), node.is_string_literal());
    if (node.is_sequence()) {
        arg.is_list = true;
        for (yaml::Node item : node.items())
            arg.items.push_back(field_arg(item));
        return arg;
    }
    arg.is_dict = true;
    for (auto [key, value] : node.entries()) {
        arg.dict_keys.push_back(scalar(key, "a key"));
        arg.items.push_back(field_arg(value));
    }
    return arg;
}

Field MigrationFileReader::field(const std::string& name, yaml::Node node) const {
    if (node.is_scalar()) return shorthand_field(name, node);
    if (!node.is_map()) fail(node, "field '" + name + "' must be Type(args) or a mapping");
    return long_form_field(name, node);
}

Field MigrationFileReader::shorthand_field(const std::string& name, yaml::Node node) const {
    try {
        return make_field(name, parse_field_shorthand(node.scalar()));
    } catch (const FieldError& e) {
        // Shorthand errors carry a column inside the text; on one line
        // (plain or quoted) that maps onto the file. Block scalars start on
        // the next line: point at the value instead.
        yaml::Mark mark = node.mark();
        yaml::ScalarStyle style = node.style();
        bool one_line = style == yaml::ScalarStyle::plain ||
                        style == yaml::ScalarStyle::single_quoted ||
                        style == yaml::ScalarStyle::double_quoted;
        int quote = style == yaml::ScalarStyle::plain ? 0 : 1;
        int column =
            one_line ? mark.column + quote + (e.column() > 0 ? e.column() - 1 : 0) : mark.column;
        fail_at(mark.line, column, "field '" + name + "': " + e.what());
    }
}

Field MigrationFileReader::long_form_field(const std::string& name, yaml::Node node) const {
    FieldSpec spec;
    yaml::Node type = node["type"];
    if (!type) fail(node, "field '" + name + "' needs 'type'");
    spec.type_name = scalar(type, "'type'");
    for (auto [key_node, value] : node.entries()) {
        std::string key = scalar(key_node, "an option name");
        if (key == "type") continue;
        spec.keywords.emplace_back(key, field_arg(value));
    }
    try {
        return make_field(name, spec);
    } catch (const FieldError& e) {
        // Point at the offending key when the message names one.
        for (auto [key_node, value] : node.entries()) {
            const std::string& key = key_node.scalar();
            if (std::string(e.what()).find("'" + key + "'") != std::string::npos)
                fail(key_node, "field '" + name + "': " + e.what());
        }
        if (std::string(e.what()).find("field type") != std::string::npos)
            fail(type, "field '" + name + "': " + e.what());
        fail(node, "field '" + name + "': " + e.what());
    }
}

IndexSpec MigrationFileReader::index(yaml::Node node) const {
    expect_map(node, "an index");
    check_keys(node, "index", {"name", "columns", "unique", "where", "concurrently"});
    return index_fields(node);
}

IndexSpec MigrationFileReader::index_fields(yaml::Node node) const {
    IndexSpec spec;
    spec.name = required_name(node, "name", "an index");
    if (!node["columns"]) fail(node, "index '" + spec.name + "' requires 'columns'");
    spec.columns = string_list(node["columns"], "'columns'");
    if (node["unique"]) spec.unique = boolean(node["unique"], "'unique'");
    spec.where = condition(node, "where");
    if (node["concurrently"]) spec.concurrently = boolean(node["concurrently"], "'concurrently'");
    return spec;
}

Condition MigrationFileReader::condition(yaml::Node map, const char* key) const {
    yaml::Node node = map[key];
    if (!node || node.is_null()) return {};
    const std::string text = scalar(node, std::string("'") + key + "'");
    yaml::Mark mark = node.mark();
    yaml::ScalarStyle style = node.style();
    // Columns inside one-line text map onto the file; block scalars start on
    // the next line, so errors there point at the value itself.
    bool one_line = style == yaml::ScalarStyle::plain ||
                    style == yaml::ScalarStyle::single_quoted ||
                    style == yaml::ScalarStyle::double_quoted;
    Condition::Origin origin{file_, mark.line,
                             mark.column + (style == yaml::ScalarStyle::plain ? 0 : 1), one_line};
    try {
        Condition parsed(text);
        parsed.origin = origin;
        return parsed;
    } catch (const ConditionError& e) {
        Condition located;
        located.origin = origin;
        Condition::Origin at = located.position_of(e.column());
        fail_at(at.line, at.column, std::string("'") + key + "': " + e.what());
    }
}

std::vector<std::vector<std::string>> MigrationFileReader::unique_groups(yaml::Node ut) const {
    if (!ut.is_sequence()) fail(ut, "'unique_together' must be a list of column lists");
    std::vector<std::vector<std::string>> groups;
    // Django also accepts one flat group: [a, b].
    if (ut.size() > 0 && ut.item(0).is_scalar()) {
        groups.push_back(string_list(ut, "'unique_together'"));
        return groups;
    }
    for (yaml::Node group : ut.items()) {
        groups.push_back(string_list(group, "a unique_together group"));
        if (groups.back().empty()) fail(group, "a unique_together group needs at least one column");
    }
    return groups;
}

}  // namespace covet
