// The state differ (Django's autodetector): the operations that take one
// project state to another, for makemigrations. Shared by every command that
// compares schemas as states.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "covet/model_state.h"
#include "covet/operation.h"

namespace covet {

// A rename of a table (table empty) or of a column of `table`.
struct RenameChoice {
    std::string table;
    std::string old_name;
    std::string new_name;
    bool is_table() const { return table.empty(); }
    // "table posts to articles", "column users.name to full_name"
    std::string describe() const;
    // The --rename argument that gives it: "posts=articles", "users.name=full_name"
    std::string flag() const;
    bool operator==(const RenameChoice&) const = default;
};

struct DiffOptions {
    // Renames given up front (--rename); applied whether or not they are
    // the only candidates. Each must name a table or column that goes and
    // one that comes, else MigrationError.
    std::vector<RenameChoice> renames;
    // Asked for each rename the differ detects (same type and options, one
    // candidate either way): true renames, false keeps drop + add.
    std::function<bool(const RenameChoice&)> confirm;
};

// The minimal ordered operations from `from` to `to`: renames, then what
// goes (indexes, constraints, unique_together, columns, tables with the
// tables that point at others first), then what comes (tables before the
// foreign keys pointing at them, columns, alterations, unique_together,
// indexes, constraints). Model names and ordering, which no operation
// changes, are not compared. Throws MigrationError for a change no
// operation can make safely: a new NOT NULL column without a default.
std::vector<OperationPtr> diff_states(const ProjectState& from, const ProjectState& to,
                                      const DiffOptions& options = {});

// Whether the two states have the same schema (as diff_states compares).
bool same_schema(const ProjectState& a, const ProjectState& b);

// Django's migration names: "initial", the fragment of a single operation
// (add_users_age, remove_users_age, alter_users_age, delete_posts, ...),
// the tables of several create_tables, else "auto_<YYYYMMDD_HHMM>" of `now`.
std::string suggest_migration_name(const std::vector<OperationPtr>& operations, bool initial,
                                   const std::string& timestamp);

}  // namespace covet
