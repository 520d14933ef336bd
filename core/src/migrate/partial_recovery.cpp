// Dealing with the migration a killed or failed run left half-applied: its
// journal is reverted, or finished with --resume.
#include <algorithm>

#include "covet/error.h"
#include "covet/executor.h"
#include "covet/journal.h"
#include "covet/migration_lock.h"
#include "covet/recorder.h"
#include "migrate/step_runner.h"

namespace covet {

namespace {

// Runs what the journal of a partial migration has not done yet, then
// records the migration as the run would have.
std::string resume_partial(Connection& connection, const JournalEntry& entry, const Migration* m,
                           MigrationJournal& journal, const ExecutorOptions& options) {
    const std::string name = entry.key.to_string();
    if (!m) throw MigrationError("cannot resume " + name + ": its migration file is missing");
    migration_lock_of(connection).set_ddl_lock_timeout(options.ddl_lock_timeout);
    const std::size_t count = m->operations.size();
    if (count == 0) throw MigrationError("cannot resume " + name + ": it has no operations");
    for (const auto& op : entry.operations) {
        // The final drops come after the last operation: lock messages
        // name that one's table.
        const std::size_t k = std::min(static_cast<std::size_t>(op.index), count - 1);
        const Operation& operation = *m->operations[entry.backwards ? count - 1 - k : k];
        for (std::size_t j = 0; j < op.statements.size(); ++j) {
            if (op.done[j]) continue;
            execute_ddl(connection, op.statements[j], operation, options);
            journal.mark_done(op.index, static_cast<int>(j));
        }
    }
    MigrationRecorder recorder(connection);
    if (entry.backwards)
        recorder.record_unapplied(entry.key);
    else
        recorder.record_applied(entry.key, m->checksum());
    journal.clear();
    return "Resumed the partial migration " + name + " from its journal.";
}

}  // namespace

std::string MigrationExecutor::recover_partial(Connection& connection, bool resume,
                                               const ExecutorOptions& options) const {
    MigrationJournal journal(connection);
    std::optional<JournalEntry> entry = journal.read();
    if (!entry) return "";
    const std::string name = entry->key.to_string();
    if (options.fake) {
        // --fake runs no SQL: the schema is the user's to vouch for.
        journal.clear();
        return "Cleared the journal of the partial migration " + name + " without running SQL.";
    }
    const Migration* m = graph_.find(entry->key);
    auto describe = [&](std::size_t k) {
        if (m && k == m->operations.size())
            return std::string("the final drops of what it set aside");
        if (!m || k > m->operations.size()) return "operation " + std::to_string(k + 1);
        return describe_operation(*m, entry->backwards ? m->operations.size() - 1 - k : k);
    };
    if (resume) return resume_partial(connection, *entry, m, journal, options);
    bool in_flight = false;
    const std::size_t count = entry->revert_count(&in_flight);
    // Where drops are not set aside (an atomic: false migration on a
    // transactional back end), reverting one would bring back an empty table.
    if (m && dialect_.features().can_rollback_ddl)
        for (std::size_t k = 0; k < count && k < m->operations.size(); ++k) {
            std::size_t index = entry->backwards ? m->operations.size() - 1 - k : k;
            if (m->operations[index]->destroys_values(entry->backwards))
                throw MigrationError("the partial migration " + name +
                                     " cannot be reverted: " + describe(k) +
                                     " destroyed values that an undo cannot bring back; fix the "
                                     "schema by hand, then run `covet migrate --resume` or "
                                     "delete the rows of " +
                                     MigrationJournal::kTable);
        }
    std::vector<std::optional<std::vector<std::string>>> undo;
    for (const auto& op : entry->operations)
        undo.push_back(op.undo_known ? std::optional(op.undo) : std::nullopt);
    std::string left = undo_operations(connection, undo, count, in_flight, describe, &journal);
    if (!left.empty())
        throw MigrationError("the partial migration " + name + " " + left +
                             "; fix the schema by hand, then run `covet migrate --resume` or "
                             "delete the rows of " +
                             MigrationJournal::kTable);
    journal.clear();
    return "Reverted the partial migration " + name + " from its journal.";
}

}  // namespace covet
