// One migration: its identity, dependencies and operations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "covet/operation.h"

namespace covet {

struct MigrationKey {
    std::string app;
    std::string name;
    std::string to_string() const { return app + "." + name; }
    auto operator<=>(const MigrationKey&) const = default;
};

struct Migration {
    std::string app = "default";
    std::string name;
    std::vector<MigrationKey> dependencies;
    bool atomic = true;
    // Creates its app's tables (`initial:`, as Django's Migration.initial):
    // what `migrate --fake-initial` may record unrun. Unset: the app's first
    // migration made of create_table only counts as initial. Not part of the
    // checksum, as it changes no schema.
    std::optional<bool> initial;
    std::vector<OperationPtr> operations;
    SourceLocation location;  // the file, for messages; empty for C++ migrations
    // Where each dependency was written (same order), for load errors.
    std::vector<SourceLocation> dependency_locations;

    MigrationKey key() const { return {app, name}; }
    // Canonical serialization of app, name, dependencies and operations.
    std::string canonical() const;
    // MD5 hex (32 chars) of canonical().
    std::string checksum() const;
};

// MD5 hex digest through OpenSSL's EVP interface.
std::string md5_hex(const std::string& data);

}  // namespace covet
