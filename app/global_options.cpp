#include "global_options.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "covet/error.h"

namespace covet::cli {

namespace fs = std::filesystem;

void apply_config_and_defaults(GlobalOptions& options) {
    std::string config = options.config;
    std::error_code ec;
    if (config.empty() && fs::is_regular_file("covet.yaml", ec)) config = "covet.yaml";
    if (!config.empty()) {
        if (!fs::is_regular_file(config, ec))
            throw Error("config file '" + config + "' does not exist");
        YAML::Node root;
        try {
            root = YAML::LoadFile(config);
        } catch (const YAML::Exception& e) {
            throw LoadError(config, e.mark.line + 1, e.mark.column + 1, "malformed YAML: " + e.msg);
        }
        if (!root.IsNull()) {
            if (!root.IsMap()) throw LoadError(config, 1, 1, "the config file must be a mapping");
            for (const auto& kv : root) {
                std::string key = kv.first.as<std::string>();
                auto mark = kv.first.Mark();
                if (key != "database" && key != "migrations" && key != "models")
                    throw LoadError(
                        config, mark.line + 1, mark.column + 1,
                        "unknown key '" + key + "' (expected: database, migrations, models)");
                if (!kv.second.IsScalar())
                    throw LoadError(config, mark.line + 1, mark.column + 1,
                                    "'" + key + "' must be a single value");
            }
            if (options.database.empty() && root["database"])
                options.database = root["database"].Scalar();
            if (options.migrations.empty() && root["migrations"]) {
                // Relative to the config file, so `-c path/covet.yaml` works from anywhere.
                fs::path dir = fs::path(config).parent_path();
                fs::path m = root["migrations"].Scalar();
                options.migrations =
                    (m.is_absolute() || dir.empty()) ? m.string() : (dir / m).string();
            }
        }
    }
    if (options.database.empty()) options.database = "sqlite:///covet.db";
    if (options.migrations.empty()) options.migrations = "migrations";
}

}  // namespace covet::cli
