// The status of every migration: files joined with the history table.
#pragma once

#include <string>
#include <vector>

#include "command_context.h"
#include "covet/recorder.h"

namespace covet::cli {

enum class MigrationStatus { Applied, Pending, Modified, Missing, Partial };

const char* status_name(MigrationStatus status);
const char* status_mark(MigrationStatus status);  // [X] [ ] [M] [?] [P]

struct MigrationStatusRow {
    MigrationKey key;
    MigrationStatus status;
    std::string applied_at;         // empty when not applied
    std::string checksum;           // of the file; the recorded one when missing
    std::string recorded_checksum;  // empty when not applied
};

// In dependency order; missing migrations after those of their app.
std::vector<MigrationStatusRow> migration_statuses(CommandContext& ctx);

}  // namespace covet::cli
