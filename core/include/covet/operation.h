// Migration operations (SPEC.md §4). Each one knows how it changes the
// project state and how it changes the database forwards and backwards,
// given the states before and after it; backwards comes from the states.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "covet/model_state.h"

namespace covet {

class SchemaEditor;

struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    std::string to_string() const;  // file:line:column, or "" when unknown
};

// What must hold on the live database before an operation runs, checked
// by the executor: a NOT NULL column without a default can only be added to
// a table that has no rows (the same clear error on every back end, where
// MySQL would otherwise fill 0, '' or a zero date).
struct Precondition {
    std::string table_must_be_empty;
    std::string message;
};

class Operation {
  public:
    virtual ~Operation() = default;
    // The YAML key: create_table, add_column, ...
    virtual std::string kind() const = 0;
    // Checks the operation against the state and applies it. Throws
    // MigrationError when the state does not allow it (unknown table, ...).
    virtual void state_forwards(const std::string& app, ProjectState& state) const = 0;
    virtual void database_forwards(SchemaEditor& editor, const ProjectState& before,
                                   const ProjectState& after) const = 0;
    // Takes the database from `after` back to `before`.
    virtual void database_backwards(SchemaEditor& editor, const ProjectState& before,
                                    const ProjectState& after) const = 0;
    virtual bool reversible() const { return true; }
    // Whether it may write rows (run_sql), so that DDL after it in the same
    // transaction may meet pending deferred checks.
    virtual bool may_write_rows() const { return false; }
    // Whether running it (backwards or not) destroys stored values: its undo
    // re-creates the schema only, unless the dialect sets drops aside.
    virtual bool destroys_values(bool /*backwards*/) const { return false; }
    virtual std::optional<Precondition> precondition(bool /*backwards*/,
                                                     const ProjectState& /*before*/,
                                                     const ProjectState& /*after*/) const {
        return std::nullopt;
    }
    // The table the operation changes ("" for run_sql), for lock messages.
    virtual std::string table_name() const = 0;
    virtual std::string describe() const = 0;
    // Stable text of the operation's meaning, for the checksum.
    virtual std::string canonical() const = 0;

    SourceLocation location;
};

using OperationPtr = std::shared_ptr<const Operation>;

struct CreateTable final : Operation {
    std::string table;
    std::string model;  // empty: CamelCase of the table
    std::vector<Field> fields;
    std::vector<std::vector<std::string>> unique_together;
    std::vector<IndexSpec> indexes;
    std::vector<std::string> ordering;

    bool destroys_values(bool backwards) const override { return backwards; }
    std::string kind() const override { return "create_table"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct DropTable final : Operation {
    std::string table;
    bool destroys_values(bool backwards) const override { return !backwards; }
    std::string kind() const override { return "drop_table"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct AddColumn final : Operation {
    std::string table;
    Field field;  // field.name is the column's attribute name
    // false (Django's preserve_default=False): the default only fills the
    // existing rows and is dropped from the column and the state after.
    bool preserve_default = true;
    bool destroys_values(bool backwards) const override { return backwards; }
    std::string kind() const override { return "add_column"; }
    std::optional<Precondition> precondition(bool backwards, const ProjectState& before,
                                             const ProjectState& after) const override;
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct DropColumn final : Operation {
    std::string table;
    std::string column;  // field name (or its column name)
    // The one-off value that fills existing rows when the reverse re-adds a
    // NOT NULL column without a default (as add_column's preserve_default: false).
    std::optional<Value> fill_default;
    bool destroys_values(bool backwards) const override { return !backwards; }
    std::string kind() const override { return "drop_column"; }
    std::optional<Precondition> precondition(bool backwards, const ProjectState& before,
                                             const ProjectState& after) const override;
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct AlterColumn final : Operation {
    std::string table;
    std::string column;
    Field field;
    std::string kind() const override { return "alter_column"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct RenameTable final : Operation {
    std::string old_name;
    std::string new_name;
    std::string kind() const override { return "rename_table"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return old_name; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct RenameColumn final : Operation {
    std::string table;
    std::string old_name;
    std::string new_name;
    std::string kind() const override { return "rename_column"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct CreateIndex final : Operation {
    std::string table;
    IndexSpec index;
    std::string kind() const override { return "create_index"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct DropIndex final : Operation {
    std::string table;
    std::string name;
    std::string kind() const override { return "drop_index"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

// Django's AlterUniqueTogether: the complete new set of groups ([] for none).
struct AlterUniqueTogether final : Operation {
    std::string table;
    std::vector<std::vector<std::string>> unique_together;
    std::string kind() const override { return "alter_unique_together"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

// A named UNIQUE (partial with `where`) or CHECK constraint.
struct AddConstraint final : Operation {
    std::string table;
    ConstraintSpec constraint;
    std::string kind() const override { return "add_constraint"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct RemoveConstraint final : Operation {
    std::string table;
    std::string name;
    std::string kind() const override { return "remove_constraint"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    std::string table_name() const override { return table; }
    std::string describe() const override;
    std::string canonical() const override;
};

struct RunSql final : Operation {
    std::string sql;
    std::optional<std::string> reverse_sql;
    std::string dialect;  // empty: every dialect; else runs only on this one
    std::string kind() const override { return "run_sql"; }
    void state_forwards(const std::string& app, ProjectState& state) const override;
    void database_forwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    void database_backwards(SchemaEditor&, const ProjectState&, const ProjectState&) const override;
    bool reversible() const override { return reverse_sql.has_value(); }
    bool may_write_rows() const override { return true; }
    std::string table_name() const override { return ""; }
    std::string describe() const override;
    std::string canonical() const override;
};

}  // namespace covet
