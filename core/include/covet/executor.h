// Plans and runs migrations. Plans are data (a list of steps) built before
// anything touches the database; the same compilation path produces the SQL
// that runs and the SQL that --sql and sqlmigrate print.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "covet/connection.h"
#include "covet/graph.h"
#include "covet/model_state.h"
#include "covet/operation.h"

namespace covet {

struct PlanStep {
    PlanStep(const Migration* m, bool back = false, MigrationKey missing = {})
        : migration(m), backwards(back), missing_key(std::move(missing)) {}
    // Null only for a backwards step over a recorded migration whose file is
    // missing, which only a fake run (that runs no SQL) can take.
    const Migration* migration;
    bool backwards = false;
    MigrationKey missing_key;
    MigrationKey key() const { return migration ? migration->key() : missing_key; }
};
using Plan = std::vector<PlanStep>;

// Pure planning over the graph and the set of applied migrations.
class MigrationPlanner {
  public:
    MigrationPlanner(const MigrationGraph& graph, std::set<MigrationKey> applied)
        : graph_(graph), applied_(std::move(applied)) {}

    // Lets backwards plans include recorded migrations whose file is missing
    // (as null steps): a fake rollback only removes their history rows.
    void allow_missing_files(bool allow) { allow_missing_ = allow; }
    // The applied migrations in the order they were applied (history ids):
    // rollback --steps takes the newest of these, as Flyway's undo does.
    // Without it, the file order stands in.
    void set_application_order(std::vector<MigrationKey> keys) {
        application_order_ = std::move(keys);
    }

    // Everything unapplied (no target), forwards to a target, or backwards
    // to it when it is behind the applied state (SPEC.md §3 `migrate`).
    Plan migrate(const std::optional<Target>& target) const;
    // The last `steps` applied migrations, newest first.
    Plan rollback_steps(int steps) const;
    // Everything applied after `target` (zero: everything).
    Plan rollback_to(const Target& target) const;

  private:
    Plan backwards_of(const std::set<MigrationKey>& keys) const;
    const MigrationGraph& graph_;
    std::set<MigrationKey> applied_;
    bool allow_missing_ = false;
    std::vector<MigrationKey> application_order_;
};

// The SQL of one migration step, grouped by operation.
struct CompiledStep {
    std::vector<std::vector<std::string>> statements;  // one list per operation, in run order
    std::vector<const Operation*> operations;          // same order as statements
    // Per operation (same order): the SQL that reverts it, or nullopt when it
    // cannot be reverted. Used to undo a failed migration where DDL commits.
    std::vector<std::optional<std::vector<std::string>>> undo;
    // Per operation (same order): what the live database must satisfy first.
    std::vector<std::optional<Precondition>> preconditions;
    // The last entry is not an operation but the drops of what the
    // operations set aside (SchemaEditor::take_deferred), run last.
    bool final_drops = false;
};

struct ExecutorOptions {
    bool fake = false;  // record without running SQL
    // How long one DDL statement may wait for table locks before it gives
    // up, and how often it is retried (with doubling backoff) after that.
    std::chrono::milliseconds ddl_lock_timeout{10000};
    int ddl_lock_retries = 3;
    std::chrono::milliseconds first_backoff{500};
};

struct StepResult {
    MigrationKey key;
    bool backwards = false;
    double duration_ms = 0;
    bool faked = false;  // recorded without running (--fake, or --fake-initial's match)
};

class StateCache;

class MigrationExecutor {
  public:
    // With `states`, the state at the applied set comes from (and is kept
    // in) that cache instead of being replayed for this executor alone.
    MigrationExecutor(const MigrationGraph& graph, const Dialect& dialect,
                      StateCache* states = nullptr)
        : graph_(graph), dialect_(dialect), states_(states) {}

    // The project state before each step of `plan`, given what is applied.
    std::map<MigrationKey, ProjectState> states_before(const Plan& plan,
                                                       const std::set<MigrationKey>& applied) const;
    // Throws IrreversibleError (naming migration and operation) for a
    // backwards step over run_sql without reverse_sql.
    CompiledStep compile(const PlanStep& step, const ProjectState& before) const;

    // Runs the plan on `connection`, recording each step in the history
    // table. With `fake`, records without running SQL. Stops at the first
    // failing step: its changes are undone and a MigrationError names the
    // migration and operation; earlier steps stay applied. The caller holds
    // the migration lock and made `plan` from the history read under it.
    void run(Connection& connection, const Plan& plan, const std::set<MigrationKey>& applied,
             const ExecutorOptions& options,
             const std::function<void(const StepResult&)>& on_step) const;

    // Throws IrreversibleError when a backwards step of `plan` cannot be
    // compiled; `states` as states_before gives them.
    void check_reversible(const Plan& plan,
                          const std::map<MigrationKey, ProjectState>& states) const;

    // Deals with a migration a killed or failed run left half-applied (a
    // journal exists): reverts it, or with `resume` finishes it and records
    // it. Returns a message describing what was done, or "" when there was
    // nothing to do. Throws MigrationError when the journal cannot be used.
    std::string recover_partial(Connection& connection, bool resume,
                                const ExecutorOptions& options) const;

  private:
    void states_before_backwards(const Plan& plan, const std::set<MigrationKey>& applied,
                                 std::map<MigrationKey, ProjectState>& out) const;
    const MigrationGraph& graph_;
    const Dialect& dialect_;
    StateCache* states_;
};

// The state every migration in the graph builds when all are replayed in
// order; validates each operation and throws LoadError at the operation's
// location (MigrationError for C++ migrations) when the state forbids it,
// or, given a dialect, when it names something over the dialect's limit.
ProjectState replay_all(const MigrationGraph& graph, const Dialect* dialect = nullptr);

// "operation 3 (add_column at file:4:5: Add column age to users)".
std::string describe_operation(const Migration& migration, std::size_t index);

}  // namespace covet
