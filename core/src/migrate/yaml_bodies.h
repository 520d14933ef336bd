// Pieces shared by the models-file and migration-file writers.
#pragma once

#include <string>
#include <vector>

#include "covet/model_state.h"
#include "yaml/yaml_emitter.h"

namespace covet {

// The body of a create_table (and of an entry of a models file).
struct TableBody {
    std::string table;
    std::string model;  // written only when not model_name_for_table(table)
    const std::vector<Field>* fields = nullptr;
    const std::vector<std::vector<std::string>>* unique_together = nullptr;
    const std::vector<IndexSpec>* indexes = nullptr;
    const std::vector<std::string>* ordering = nullptr;
};

void write_table_body(yaml::Emitter& out, const TableBody& body);
// name, columns, unique, where, concurrently: the keys of an index entry;
// the caller opens and closes the mapping (create_index adds `table`).
void write_index_keys(yaml::Emitter& out, const IndexSpec& index);
void write_groups(yaml::Emitter& out, const std::vector<std::vector<std::string>>& groups);

}  // namespace covet
