// Compares the live schema with the state the migrations build (drift):
// what `covet check` reports, what `migrate --fake-initial` asks before it
// records a migration unrun, and what the tests assert after each step.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/model_state.h"

namespace covet {

// One difference between the state and the live database. `kind` names
// what differs (missing_table, extra_table, unmanaged_table, missing_column,
// extra_column, type, nullability, default, primary_key, missing_index,
// extra_index, index, missing_unique, missing_foreign_key, foreign_key_target,
// on_delete); `expected` is the state's side and `actual` the database's,
// each "" where that side has nothing.
struct DriftFinding {
    std::string kind;
    std::string table;
    std::string column;  // "" when the finding is about a table or an index
    std::string expected;
    std::string actual;
    std::string subject;  // the index or constraint's name, for the message
    // One line a reader acts on ("column users.age is nullable, expected NOT NULL").
    std::string message() const;
    bool operator==(const DriftFinding&) const = default;
};

struct DriftOptions {
    // Tables some migration names: a live table outside the state is drift
    // only when it is one of these (a table a run_sql made is not covet's).
    // Unset: every live table outside the state is drift.
    std::optional<std::set<std::string>> managed_tables;
    // Report unmanaged tables as well (`check --strict`).
    bool strict = false;
    // Compare only these tables of the state and report no extra ones
    // (`migrate --fake-initial` asks about one migration's tables).
    std::optional<std::set<std::string>> only_tables;
};

std::vector<DriftFinding> find_drift(const ProjectState& state, Connection& connection,
                                     const DriftOptions& options = {});

// The findings' messages, one per difference; empty when they agree.
std::vector<std::string> find_schema_drift(const ProjectState& state, Connection& connection);

// The tables of `state`'s models with the through tables of their
// auto-created many-to-many fields.
std::set<std::string> state_tables(const ProjectState& state);

}  // namespace covet
