// Turns schema changes into DDL for one dialect. Operations call these verbs
// with the project states before and after the change; they never format SQL.
// The editor only collects statements: running them is the executor's job, so
// `migrate --sql` and `sqlmigrate` use the very same path as `migrate`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "covet/model_state.h"

namespace covet {

class Dialect;

// Statements that need the live database when they run are written as a
// query under a first line naming what covet does with its rows, so that
// `--sql` prints plain SQL a reader understands. A guard's row, if any, is
// the error that stops the migration before it changes anything.
inline constexpr std::string_view kGuardMarker =
    "-- covet guard: a row returned stops the migration";
// Each row of a run-each query is one statement to run (SQL kept by an
// earlier statement, such as the triggers a table rebuild re-creates).
inline constexpr std::string_view kRunEachMarker = "-- covet runs each statement this returns";

class SchemaEditor {
  public:
    explicit SchemaEditor(const Dialect& dialect) : dialect_(dialect) {}
    virtual ~SchemaEditor() = default;

    // `state` contains the model (after creation / before deletion). Also
    // creates or drops the auto-created many-to-many through tables.
    virtual void create_table(const ModelState& model, const ProjectState& state) = 0;
    virtual void drop_table(const ModelState& model, const ProjectState& state) = 0;

    // The field named `field` exists in `to` (add) or in `from` (drop).
    virtual void add_column(const std::string& table, const std::string& field,
                            const ProjectState& from, const ProjectState& to) = 0;
    virtual void drop_column(const std::string& table, const std::string& field,
                             const ProjectState& from, const ProjectState& to) = 0;
    // The field has the same name in both states and a new definition in `to`.
    virtual void alter_column(const std::string& table, const std::string& field,
                              const ProjectState& from, const ProjectState& to) = 0;
    virtual void rename_table(const std::string& old_table, const std::string& new_table,
                              const ProjectState& from, const ProjectState& to) = 0;
    virtual void rename_column(const std::string& table, const std::string& old_field,
                               const std::string& new_field, const ProjectState& from,
                               const ProjectState& to) = 0;
    // The index named `index` is in `state`'s model of `table`.
    virtual void create_index(const std::string& table, const std::string& index,
                              const ProjectState& state) = 0;
    virtual void drop_index(const std::string& table, const std::string& index,
                            const ProjectState& state) = 0;
    // The table's unique_together or named constraints differ between the
    // states (alter_unique_together, add_constraint, remove_constraint).
    virtual void alter_constraints(const std::string& table, const ProjectState& from,
                                   const ProjectState& to) = 0;

    // The column type the editor writes for a field (foreign keys typed like
    // their target), as used in CREATE TABLE; for comparing with the live schema.
    virtual std::string column_type_of(const ModelState& model, const Field& field,
                                       const ProjectState& state) const = 0;
    // The DDL literal the editor writes as the field's column default, or
    // nullopt when it writes none; for comparing with the live schema.
    virtual std::optional<std::string> column_default_of(const Field& field) const = 0;
    // A partial index's or constraint's condition as the editor writes it.
    virtual std::string condition_text(const Condition& condition,
                                       const ModelState& model) const = 0;

    void execute_raw(const std::string& sql) { statements_.push_back(sql); }
    // `query` selects one row whose values, joined, are the error message.
    void emit_guard(const std::string& query) { emit(std::string(kGuardMarker) + "\n" + query); }
    // `query` selects one column of SQL statements, run in order.
    void emit_run_each(const std::string& query) {
        emit(std::string(kRunEachMarker) + "\n" + query);
    }

    const std::vector<std::string>& statements() const { return statements_; }
    std::vector<std::string> take_statements() { return std::move(statements_); }
    // Statements that destroy what the operations set aside, to run only
    // after every other statement of the migration succeeded. Only where DDL
    // cannot roll back (MySQL): there a dropped table or column is renamed
    // aside first, so that undoing a failed migration is a rename back.
    virtual std::vector<std::string> take_deferred() { return {}; }
    // While set, the editor compiles the undo of an operation in a failed
    // migration: what that operation set aside is renamed back instead of
    // being re-created empty, and what it created is dropped at once.
    void set_restoring(bool restoring) { restoring_ = restoring; }
    const Dialect& dialect() const { return dialect_; }

  protected:
    void emit(std::string sql) { statements_.push_back(std::move(sql)); }
    bool restoring() const { return restoring_; }

  private:
    const Dialect& dialect_;
    std::vector<std::string> statements_;
    bool restoring_ = false;
};

}  // namespace covet
