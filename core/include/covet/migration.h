// One migration: its identity, dependencies and operations.
#pragma once

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
