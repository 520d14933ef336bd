// The fixed names Tab completion offers: built-in functions, literals,
// meta-commands and their arguments, and what each QuerySet method returns
// (so that a chain's receiver is known without running it).
#pragma once

#include <string>
#include <vector>

namespace covet::shell::completion {

// The evaluator's built-in functions (builtins.h), then True False None.
const std::vector<std::string>& builtin_and_literal_names();

// The words a meta-command takes (`.format` table json csv); empty when it
// takes none or takes model names (`.schema`, see takes_model_name).
std::vector<std::string> meta_command_arguments(const std::string& command);
bool takes_model_name(const std::string& command);

// QuerySet methods that give another queryset of the same model, and those
// that give one record of it.
bool returns_queryset(const std::string& method);
bool returns_record(const std::string& method);
// values() and values_list(): a queryset whose items are rows, not records.
bool returns_rows(const std::string& method);

}  // namespace covet::shell::completion
