#include "migration_status.h"

#include <algorithm>
#include <future>

#include "covet/journal.h"
#include "util/parallel_for.h"

namespace covet::cli {

const char* status_name(MigrationStatus status) {
    switch (status) {
        case MigrationStatus::Applied:
            return "applied";
        case MigrationStatus::Pending:
            return "pending";
        case MigrationStatus::Modified:
            return "modified";
        case MigrationStatus::Missing:
            return "missing";
        case MigrationStatus::Partial:
            return "partial";
    }
    return "";
}

const char* status_mark(MigrationStatus status) {
    switch (status) {
        case MigrationStatus::Applied:
            return "[X]";
        case MigrationStatus::Pending:
            return "[ ]";
        case MigrationStatus::Modified:
            return "[M]";
        case MigrationStatus::Missing:
            return "[?]";
        case MigrationStatus::Partial:
            return "[P]";
    }
    return "";
}

std::vector<MigrationStatusRow> migration_statuses(CommandContext& ctx) {
    // The database is opened and its history read while the files parse.
    // The graph comes first, so a load error wins over a connection error as
    // before (the future's destructor waits for the reader).
    auto history = std::async(std::launch::async,
                              [&ctx] { return MigrationRecorder(ctx.connection()).applied(); });
    // Listing needs the graph, not the state (as Django's showmigrations);
    // `check` and the commands that run SQL validate the state.
    const MigrationGraph& graph = ctx.loaded_graph();
    const auto& order = graph.order();
    std::vector<MigrationStatusRow> rows(order.size());
    parallel_for(order.size(), 128, [&](std::size_t i) {
        rows[i] = {order[i]->key(), MigrationStatus::Pending, "", order[i]->checksum(), ""};
    });
    auto applied = history.get();
    for (auto& row : rows) {
        if (auto it = applied.find(row.key); it != applied.end()) {
            row.applied_at = it->second.applied_at;
            row.recorded_checksum = it->second.checksum;
            row.status = it->second.checksum == row.checksum ? MigrationStatus::Applied
                                                             : MigrationStatus::Modified;
        }
    }
    std::vector<std::pair<std::int64_t, MigrationStatusRow>> missing;
    for (const auto& [key, record] : applied)
        if (!graph.contains(key))
            missing.push_back({record.id,
                               {key, MigrationStatus::Missing, record.applied_at, record.checksum,
                                record.checksum}});
    std::sort(missing.begin(), missing.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [id, row] : missing)
        rows.push_back(std::move(row));
    // A journal left by a killed run marks its migration partial.
    if (auto partial = MigrationJournal(ctx.connection()).read()) {
        auto row = std::find_if(rows.begin(), rows.end(),
                                [&](const MigrationStatusRow& r) { return r.key == partial->key; });
        if (row != rows.end())
            row->status = MigrationStatus::Partial;
        else  // its file is gone, and it was never recorded: still partial
            rows.push_back({partial->key, MigrationStatus::Partial, "", "", ""});
    }
    return rows;
}

}  // namespace covet::cli
