// covet's own tables, the migration history and the journal, as models: the
// dialect's schema editor creates them as it creates any other table, as
// Django's MigrationRecorder creates its Migration model.
#pragma once

#include "covet/connection.h"
#include "covet/model_state.h"

namespace covet {

// covet_migrations (SPEC.md §4): id, name, app, applied_at, checksum,
// unique (name, app).
ModelState history_model();
// covet_migrations_journal: one row per statement of the running migration
// and per statement of its undo (covet/journal.h).
ModelState journal_model();
// Creates the table of `model`, which relates to no other, on `connection`.
void create_own_table(Connection& connection, const ModelState& model);

}  // namespace covet
