// The journal of a running migration on a database whose DDL cannot roll
// back (MySQL/MariaDB). Before an operation runs, its statements and the
// statements that undo it are written here; each statement is marked done
// after it runs. A journal left behind by a failed or killed run marks its
// migration `partial`, and the next run reverts (or resumes) it from here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/migration.h"

namespace covet {

struct JournalOperation {
    int index = 0;  // operation position in run order
    std::vector<std::string> statements;
    std::vector<bool> done;  // per statement
    std::vector<std::string> undo;
    bool undo_known = true;  // false: the operation cannot be undone (run_sql without reverse)
    bool started() const;
    bool finished() const;
};

struct JournalEntry {
    MigrationKey key;
    bool backwards = false;                    // the interrupted step was a rollback
    std::vector<JournalOperation> operations;  // in run order
    // How many operations, from the first, a revert must undo: up to the one
    // holding the first statement not marked done, which may still have run
    // (a killed client's statement goes on in the server); `in_flight` says
    // whether that last one is only partly done. Everything, when all is done.
    std::size_t revert_count(bool* in_flight = nullptr) const;
    // The statements that revert it, in the order they run: the started
    // operations' undo, newest first. Operations without undo are skipped.
    std::vector<std::string> revert_statements() const;
};

class MigrationJournal {
  public:
    static constexpr const char* kTable = "covet_migrations_journal";

    explicit MigrationJournal(Connection& connection) : connection_(connection) {}

    // The interrupted migration, if a journal was left behind.
    std::optional<JournalEntry> read();
    // Writes every operation of a step before any of them runs.
    void begin(const JournalEntry& entry);
    void mark_done(int operation, int statement);
    // After a revert undid an operation: its statements count as not run, so
    // an interrupted revert does not undo it twice.
    void mark_undone(int operation);
    void clear();

  private:
    void ensure_schema();
    Connection& connection_;
};

}  // namespace covet
