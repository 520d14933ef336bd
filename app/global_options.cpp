#include "global_options.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "covet/error.h"
#include "yaml/yaml_document.h"

namespace covet::cli {

namespace fs = std::filesystem;

void apply_config_and_defaults(GlobalOptions& options) {
    std::string config = options.config;
    std::error_code ec;
    if (config.empty() && fs::is_regular_file("covet.yaml", ec)) config = "covet.yaml";
    if (!config.empty()) {
        if (!fs::is_regular_file(config, ec))
            throw UsageError("config file '" + config + "' does not exist");
        std::ifstream in(config, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in) throw Error("cannot read the config file '" + config + "'");
        yaml::Document document = yaml::Document::parse(text, config);
        yaml::Node root = document.root();
        if (!root.is_null()) {
            if (!root.is_map()) throw LoadError(config, 1, 1, "the config file must be a mapping");
            for (auto [key_node, value] : root.entries()) {
                const std::string& key = key_node.scalar();
                yaml::Mark mark = key_node.mark();
                if (key != "database" && key != "migrations" && key != "models")
                    throw LoadError(
                        config, mark.line, mark.column,
                        "unknown key '" + key + "' (expected: database, migrations, models)");
                if (!value.is_scalar())
                    throw LoadError(config, mark.line, mark.column,
                                    "'" + key + "' must be a single value");
            }
            if (options.database.empty() && root["database"])
                options.database = root["database"].scalar();
            if (root["models"]) {
                fs::path dir = fs::path(config).parent_path();
                fs::path m = root["models"].scalar();
                options.models = (m.is_absolute() || dir.empty()) ? m.string() : (dir / m).string();
            }
            if (options.migrations.empty() && root["migrations"]) {
                // Relative to the config file, so `-c path/covet.yaml` works from anywhere.
                fs::path dir = fs::path(config).parent_path();
                fs::path m = root["migrations"].scalar();
                options.migrations =
                    (m.is_absolute() || dir.empty()) ? m.string() : (dir / m).string();
            }
        }
    }
    if (options.database.empty()) options.database = "sqlite:///covet.db";
    if (options.migrations.empty()) options.migrations = "migrations";
}

}  // namespace covet::cli
