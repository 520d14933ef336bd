// The rows of `covet showmigrations --format json`, checked against the contract's shape.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "workspace.h"

namespace covet_test {

struct ListedMigration {
    std::string app;
    std::string name;
    std::string status;
    std::optional<std::string> applied_at;  // nullopt when the document says null
    std::string checksum;
};

// Throws std::runtime_error describing the first deviation from
// {"migrations":[{"app","name","status","applied_at","checksum"}]}.
std::vector<ListedMigration> parse_migration_listing(const std::string& json);

// Runs `covet <extra_args> showmigrations --format json` and parses it; throws with
// the run's description when it fails.
std::vector<ListedMigration> list_migrations(const Workspace& workspace,
                                             const std::vector<std::string>& extra_args = {},
                                             const EnvOverrides& env = {});

// Status of APP.NAME in a listing, or "" when absent.
std::string status_of(const std::vector<ListedMigration>& listing, const std::string& app,
                      const std::string& name);

bool is_md5_hex(const std::string& text);

}  // namespace covet_test
