// The live schema read into the shape the migrations build (a ProjectState),
// as Django's inspectdb reads it into models: `covet inspectdb` prints it,
// `makemigrations --initial-from-db` writes it as a first migration.
//
// What a database cannot know is made up as inspectdb does: model names are
// the CamelCase of their tables (or, for the models of a many-to-many
// through table, the names its columns imply), a ForeignKey column `x_id` is
// the field `x`, and related_name, ordering, blank, choices, validators,
// auto_now, symmetrical and the Email/URL kinds of a CharField are never read.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "covet/migration.h"
#include "covet/model_state.h"

namespace covet {

class Connection;
class Dialect;

struct LiveStateOptions {
    std::string app = "default";  // the app label every model gets
    // Tables to leave out, besides covet's own bookkeeping tables.
    std::set<std::string> exclude;
    // Only these tables when not empty (with the through tables between them).
    std::set<std::string> only;
};

// Every user table of the connected database as a model. Auto-created
// many-to-many through tables (an id, two foreign keys and their unique
// pair, named <owner table>_<field>) become a ManyToManyField on their owner
// and no model of their own. Throws DatabaseError on a failed query and
// MigrationError for a column whose type no field type reads back.
ProjectState read_live_state(Connection& connection, const LiveStateOptions& options = {});

// The live state with what no database keeps taken from `hints` (the state
// the applied migrations build) wherever the database agrees with it: a
// field whose column the hint writes alike (type, null, key, unique,
// db_index, default, target and ON DELETE) is the hint's field (its
// related_name, blank, Email/URL kind, auto_now, digits...), a model's name
// and ordering are the hint's, and a many-to-many field to the same table
// is the hint's. A difference the database shows keeps the live fact.
ProjectState with_state_hints(const ProjectState& live, const ProjectState& hints,
                              const Dialect& dialect);

// Gives every DecimalField without digits (a plain decimal column keeps
// none) Django inspectdb's guess, max_digits=10 and decimal_places=5, so
// that the models load; returns the guessed fields as "table.column".
std::vector<std::string> guess_decimal_digits(ProjectState& state);

// The first migration of a database covet adopts (`inspectdb --migration`,
// `makemigrations --initial-from-db`): one create_table per model of
// `state`, after the tables it points at, named 0001_initial in `app`.
// `migrate --fake-initial` then records it without running it.
Migration initial_migration(const ProjectState& state, const std::string& app);

}  // namespace covet
