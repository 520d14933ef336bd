// The covet_migrations history table. Invariant: a row is present exactly
// when its migration is applied.
#pragma once

#include <map>
#include <string>

#include "covet/connection.h"
#include "covet/migration.h"

namespace covet {

struct AppliedMigration {
    std::int64_t id = 0;
    std::string applied_at;  // ISO 8601, "2026-01-01T10:00:00"
    std::string checksum;
};

class MigrationRecorder {
  public:
    static constexpr const char* kTable = "covet_migrations";

    explicit MigrationRecorder(Connection& connection) : connection_(connection) {}

    void ensure_schema();
    // Empty when the history table does not exist yet (nothing is created).
    std::map<MigrationKey, AppliedMigration> applied();
    bool is_applied(const MigrationKey& key);
    void record_applied(const MigrationKey& key, const std::string& checksum);
    void record_unapplied(const MigrationKey& key);

  private:
    Connection& connection_;
};

// The current UTC time as "YYYY-MM-DD HH:MM:SS".
std::string utc_now_text();

}  // namespace covet
