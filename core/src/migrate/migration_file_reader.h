// Reads the YAML nodes of one migration file into operations, fields,
// indexes and conditions. Every error is a LoadError at the file:line:column
// of the node at fault, so that a user fixes the file without guessing.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "covet/condition.h"
#include "covet/field.h"
#include "covet/migration.h"
#include "covet/operation.h"
#include "yaml/yaml_document.h"

namespace covet {

class MigrationFileReader {
  public:
    explicit MigrationFileReader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(yaml::Node at, const std::string& message) const;
    [[noreturn]] void fail_at(int line, int column, const std::string& message) const;
    SourceLocation location(yaml::Node at) const;

    void expect_map(yaml::Node node, const std::string& what) const;
    // Fails at the first key of `map` that is not in `allowed`, listing those.
    void check_keys(yaml::Node map, const std::string& what,
                    std::initializer_list<const char*> allowed) const;

    std::string required_string(yaml::Node map, const char* key, const std::string& what) const;
    // A table, column or index name: a non-empty single value.
    std::string required_name(yaml::Node map, const char* key, const std::string& what) const;
    // "" when the key is absent or null.
    std::string optional_string(yaml::Node map, const char* key) const;
    std::string scalar(yaml::Node node, const std::string& what) const;
    // A YAML 1.1 boolean (true, yes, on, ...), as yaml::read_bool reads it.
    bool boolean(yaml::Node node, const std::string& what) const;
    std::vector<std::string> string_list(yaml::Node node, const std::string& what) const;

    // A field, from the shorthand `Type(args)` or the long form `{type: Type, ...}`.
    Field field(const std::string& name, yaml::Node node) const;
    IndexSpec index(yaml::Node node) const;
    // The index keys of a mapping whose keys were checked by the caller.
    IndexSpec index_fields(yaml::Node node) const;
    // The condition under `key` (none when absent), remembering where it was
    // written so that a later unknown-field error points into the file.
    Condition condition(yaml::Node map, const char* key) const;
    std::vector<std::vector<std::string>> unique_groups(yaml::Node node) const;

    // The operation `kind_node: body`; an unknown kind fails at its name.
    OperationPtr operation(yaml::Node kind_node, yaml::Node body) const;
    // One entry of a models file: a create_table body.
    std::shared_ptr<const CreateTable> model_definition(yaml::Node body) const;

  private:
    FieldArg field_arg(yaml::Node node) const;
    Field shorthand_field(const std::string& name, yaml::Node node) const;
    Field long_form_field(const std::string& name, yaml::Node node) const;

    // One reader per operation kind; `what` is the kind in quotes, for messages.
    using OperationReader = OperationPtr (MigrationFileReader::*)(yaml::Node body,
                                                                  const std::string& what) const;
    static const std::map<std::string, OperationReader>& operation_readers();
    OperationPtr create_table(yaml::Node body, const std::string& what) const;
    OperationPtr drop_table(yaml::Node body, const std::string& what) const;
    OperationPtr add_column(yaml::Node body, const std::string& what) const;
    OperationPtr alter_column(yaml::Node body, const std::string& what) const;
    OperationPtr drop_column(yaml::Node body, const std::string& what) const;
    OperationPtr rename_table(yaml::Node body, const std::string& what) const;
    OperationPtr rename_column(yaml::Node body, const std::string& what) const;
    OperationPtr create_index(yaml::Node body, const std::string& what) const;
    OperationPtr drop_index(yaml::Node body, const std::string& what) const;
    OperationPtr run_sql(yaml::Node body, const std::string& what) const;
    OperationPtr alter_unique_together(yaml::Node body, const std::string& what) const;
    OperationPtr add_constraint(yaml::Node body, const std::string& what) const;
    OperationPtr remove_constraint(yaml::Node body, const std::string& what) const;

    std::string file_;
};

}  // namespace covet
