// Global options with their precedence: flag > environment > config file > default.
#pragma once

#include <string>

namespace covet::cli {

enum class OutputFormat { Text, Json };

struct GlobalOptions {
    // As given on the command line or by the environment (CLI11 fills both);
    // empty when neither set them.
    std::string database;
    std::string migrations;
    std::string config;
    // The models file of covet.yaml's `models:` (relative to it); empty when none.
    std::string models;
    std::string format = "text";
    bool verbose = false;
    bool quiet = false;

    OutputFormat output_format() const {
        return format == "json" ? OutputFormat::Json : OutputFormat::Text;
    }
};

// Fills database and migrations from the config file (given, or ./covet.yaml
// when present) and then the defaults. Throws covet::Error for a config file
// that is missing (when given) or malformed (file:line:column).
void apply_config_and_defaults(GlobalOptions& options);

}  // namespace covet::cli
