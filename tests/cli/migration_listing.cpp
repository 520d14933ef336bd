#include "migration_listing.h"

#include <regex>
#include <stdexcept>

#include "json_value.h"

namespace covet_test {

bool is_md5_hex(const std::string& text) {
    static const std::regex md5("[0-9a-f]{32}");
    return std::regex_match(text, md5);
}

std::vector<ListedMigration> parse_migration_listing(const std::string& json) {
    JsonValue document = parse_json(json);
    if (!document.is_object() || document.keys() != std::vector<std::string>{"migrations"}) {
        throw std::runtime_error("showmigrations JSON must be {\"migrations\": [...]}: " + json);
    }
    const JsonValue& entries = document.at("migrations");
    if (!entries.is_array()) throw std::runtime_error("\"migrations\" is not an array: " + json);
    std::vector<ListedMigration> listing;
    for (const auto& entry : entries.items) {
        for (const char* key : {"app", "name", "status", "checksum"}) {
            if (!entry.has(key) || !entry.at(key).is_string()) {
                throw std::runtime_error(std::string("entry without string \"") + key +
                                         "\": " + json);
            }
        }
        if (!entry.has("applied_at") ||
            !(entry.at("applied_at").is_null() || entry.at("applied_at").is_string())) {
            throw std::runtime_error("entry without \"applied_at\" string or null: " + json);
        }
        ListedMigration row;
        row.app = entry.at("app").text;
        row.name = entry.at("name").text;
        row.status = entry.at("status").text;
        if (entry.at("applied_at").is_string()) row.applied_at = entry.at("applied_at").text;
        row.checksum = entry.at("checksum").text;
        listing.push_back(row);
    }
    return listing;
}

std::vector<ListedMigration> list_migrations(const Workspace& workspace,
                                             const std::vector<std::string>& extra_args,
                                             const EnvOverrides& env) {
    std::vector<std::string> args = extra_args;
    args.insert(args.end(), {"showmigrations", "--format", "json"});
    RunResult result = workspace.covet(args, env);
    if (result.exit_code != 0) {
        throw std::runtime_error("showmigrations failed:\n" + result.describe());
    }
    try {
        return parse_migration_listing(result.out);
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string(e.what()) + "\n" + result.describe());
    }
}

std::string status_of(const std::vector<ListedMigration>& listing, const std::string& app,
                      const std::string& name) {
    for (const auto& row : listing) {
        if (row.app == app && row.name == name) return row.status;
    }
    return "";
}

}  // namespace covet_test
