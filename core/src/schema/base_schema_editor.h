// The DDL every dialect shares, built from overridable pieces as Django's
// BaseDatabaseSchemaEditor is: column types come from the dialect's table
// (covet/column_types.h), and a dialect overrides only what differs (how a
// foreign key or unique constraint is written, how an index is dropped or
// renamed, how a column changes). The defaults are standard SQL and alter in
// place; no table rebuild here. The definitions are spread over
// base_schema_editor.cpp, schema_objects.cpp, column_alter.cpp,
// rename_following.cpp, constraint_ddl.cpp and narrowing_guard.cpp.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "covet/schema_editor.h"

namespace covet {

// A constraint or index covet derives from a field or a unique_together
// group, named by identifier_names.h, or a named constraint of the model, so
// it can be dropped or renamed later from the state alone.
struct SchemaObject {
    enum class Kind { ForeignKey, Unique, Index, Check };
    Kind kind = Kind::Index;
    // Stable across table and column renames: kind and position in the model.
    std::string key;
    std::string field;  // the field it belongs to; empty for unique_together
    std::string table;
    std::string name;
    std::string create_sql;
    // Anything else whose change forces a re-creation (a foreign key's column type).
    std::string depends_on;
    bool operator==(const SchemaObject&) const = default;
};

// Whether `objects` holds one equal to `object`.
bool has_object(const std::vector<SchemaObject>& objects, const SchemaObject& object);
// The object with `key`, or null.
const SchemaObject* find_object_by_key(const std::vector<SchemaObject>& objects,
                                       const std::string& key);

class BaseSchemaEditor : public SchemaEditor {
  public:
    using SchemaEditor::SchemaEditor;

    void create_table(const ModelState& model, const ProjectState& state) override;
    void drop_table(const ModelState& model, const ProjectState& state) override;
    void add_column(const std::string& table, const std::string& field, const ProjectState& from,
                    const ProjectState& to) override;
    void drop_column(const std::string& table, const std::string& field, const ProjectState& from,
                     const ProjectState& to) override;
    void alter_column(const std::string& table, const std::string& field, const ProjectState& from,
                      const ProjectState& to) override;
    void rename_table(const std::string& old_table, const std::string& new_table,
                      const ProjectState& from, const ProjectState& to) override;
    void rename_column(const std::string& table, const std::string& old_field,
                       const std::string& new_field, const ProjectState& from,
                       const ProjectState& to) override;
    void create_index(const std::string& table, const std::string& index,
                      const ProjectState& state) override;
    void drop_index(const std::string& table, const std::string& index,
                    const ProjectState& state) override;
    void alter_constraints(const std::string& table, const ProjectState& from,
                           const ProjectState& to) override;
    std::string column_type_of(const ModelState& model, const Field& field,
                               const ProjectState& state) const override {
        return column_type(field, state, model);
    }
    std::optional<std::string> column_default_of(const Field& field) const override {
        if (!has_default(field)) return std::nullopt;
        return default_literal(field);
    }
    std::string condition_text(const Condition& condition, const ModelState& model) const override {
        return condition_sql(condition, model);
    }

  protected:
    std::string quote(std::string_view identifier) const;
    std::size_t max_name_length() const;
    // The DDL literal of the field's default, coerced to the field's type.
    std::string default_literal(const Field& field) const;

    static bool has_default(const Field& field);
    static bool is_nullable(const Field& field);
    static bool is_auto_many_to_many(const Field& field);
    // db_index fields (a ForeignKey's is on unless db_index=False) get an
    // index unless unique already gives one.
    static bool needs_index(const Field& field);
    static const Field& require_field(const ModelState& model, const std::string& name);

    const ModelState& related_model(const Field& relation, const ModelState& model,
                                    const ProjectState& state) const;
    // The column a foreign key references: the target's primary key.
    const Field& related_primary_key(const Field& relation, const ModelState& model,
                                     const ProjectState& state) const;

    // Column type of a field that is not a relation (auto fields included),
    // from the dialect's column type table.
    std::string data_type(const Field& field) const;
    // Column type, foreign keys typed like their target's primary key.
    virtual std::string column_type(const Field& field, const ProjectState& state,
                                    const ModelState& model) const;
    // A foreign key's type for a target primary key: auto fields become plain integers.
    virtual std::string related_column_type(const Field& target_primary_key) const;

    // `"name" <column_body>`.
    virtual std::string column_definition(const Field& field, const ProjectState& state,
                                          const ModelState& model) const;
    // Everything after the name; without PRIMARY KEY and UNIQUE when with_keys is false.
    std::string column_body(const Field& field, const ProjectState& state, const ModelState& model,
                            bool with_keys = true) const;
    // PRIMARY KEY and the field type's suffix in the dialect's table.
    virtual std::string primary_key_clause(const Field& field) const;
    // Written inside the column definition; empty when the dialect adds it separately.
    virtual std::string unique_clause(const Field& field, const ModelState& model) const;
    // The field type's CHECK in the dialect's table.
    virtual std::string check_clause(const Field& field) const;
    virtual std::string inline_foreign_key_clause(const Field& field, const ModelState& model,
                                                  const ProjectState& state) const;
    // `REFERENCES "t" ("id") [ON DELETE ...] [DEFERRABLE INITIALLY DEFERRED]`.
    std::string references_clause(const Field& field, const ModelState& model,
                                  const ProjectState& state) const;
    virtual std::string on_delete_action(OnDelete rule) const;

    // Whether foreign keys are written inside the column definition rather than
    // as named constraints added after the table.
    virtual bool foreign_keys_inline() const { return false; }
    // Whether unique constraints are named objects that can be dropped by name.
    virtual bool names_unique_constraints() const { return true; }

    virtual std::string create_table_sql(const ModelState& model, const ProjectState& state,
                                         const std::string& table_name) const;
    // Table-level constraints of CREATE TABLE: unique_together.
    virtual std::vector<std::string> table_constraints(const ModelState& model) const;
    std::string unique_constraint_clause(const std::string& name,
                                         const std::vector<std::string>& columns) const;
    virtual std::string create_index_sql(const std::string& table, const IndexSpec& index,
                                         const ModelState& model) const;
    // A condition over the model's fields as this dialect writes it.
    std::string condition_sql(const Condition& condition, const ModelState& model) const;
    // CREATE TABLE items of the model's named constraints that live in the table.
    std::vector<std::string> named_constraint_clauses(const ModelState& model) const;
    // The named constraints as objects: partial UNIQUE as an index everywhere,
    // the others where the dialect can add and drop them by name.
    std::vector<SchemaObject> named_constraint_objects(const ModelState& model) const;
    virtual std::string drop_index_sql(const std::string& table, const std::string& name) const;
    virtual std::string drop_table_sql(const std::string& table) const;
    virtual std::string rename_table_sql(const std::string& old_table,
                                         const std::string& new_table) const;
    virtual std::string rename_column_sql(const std::string& table, const std::string& old_column,
                                          const std::string& new_column) const;

    // Every derived constraint and index of the model, in field order.
    std::vector<SchemaObject> schema_objects(const ModelState& model,
                                             const ProjectState& state) const;
    virtual std::string drop_object_sql(const SchemaObject& object) const;
    // Gives an existing object the name `after` has (the table is already renamed).
    virtual void rename_object(const SchemaObject& before, const SchemaObject& after);

    virtual void emit_drop_column(const ModelState& model, const Field& field,
                                  const ProjectState& state);
    // Changes the column itself (name, type, default, null) from old to new;
    // constraints and indexes are handled around it.
    virtual void change_column(const ModelState& old_model, const Field& old_field,
                               const ProjectState& from, const ModelState& new_model,
                               const Field& new_field, const ProjectState& to);
    // A column with its model and the state it is read in.
    struct ColumnAt {
        const ModelState& model;
        const Field& field;
        const ProjectState& state;
    };
    // Converts a column to new_type in place: standard ALTER COLUMN ... TYPE;
    // an editor adds the conversion clause and sequence changes its database needs.
    virtual void emit_type_change(const ColumnAt& before, const ColumnAt& after,
                                  const std::string& new_type);
    // The type an existing column is converted to (auto fields take their plain
    // integer type: the auto-increment spelling is not a type).
    virtual std::string alter_type(const Field& field, const ProjectState& state,
                                   const ModelState& model) const;

    // The field whose type a column takes: a foreign key follows its targets'
    // primary keys to one that is not a foreign key itself.
    const Field& typing_field(const Field& field, const ProjectState& state,
                              const ModelState& model) const;
    // Whether converting between the two fields' types needs an explicit
    // conversion (text to number, number to boolean, ...) rather than the
    // database's own assignment rules, which refuse values that do not fit.
    bool changes_type_family(const Field& old_field, const ProjectState& from,
                             const ModelState& old_model, const Field& new_field,
                             const ProjectState& to, const ModelState& new_model) const;
    // Emits a guard that stops the change, before anything is altered, when a
    // stored value would not fit the new definition: text longer than the new
    // length, a number out of the new range or with more decimal places, a
    // date and time whose time a date would drop.
    void guard_narrowing(const ModelState& old_model, const Field& old_field,
                         const ProjectState& from, const ModelState& new_model,
                         const Field& new_field, const ProjectState& to);
    // SQL for the number of characters of a column's value as text.
    virtual std::string char_length_sql(const std::string& quoted_column) const;
    // SQL for a column's value as text, for messages.
    virtual std::string text_sql(const std::string& quoted_column) const;
    // SQL for a decimal's text without trailing zeros after its point.
    virtual std::string trim_fraction_zeros_sql(const std::string& decimal_text) const;
    // SQL for the time of day of a column's date and time.
    virtual std::string time_of_day_sql(const std::string& quoted_column) const;
    // SQL for a column's number rounded to `places` decimal places.
    virtual std::string round_sql(const std::string& quoted_column, int places) const;

    // Many-to-many fields have no column: only their through table can change.
    void alter_many_to_many(const ModelState& old_model, const Field& old_field,
                            const ProjectState& from, const ModelState& new_model,
                            const Field& new_field, const ProjectState& to);
    // Creates a model's objects of one kind.
    void emit_objects(const std::vector<SchemaObject>& objects, SchemaObject::Kind kind);
    // Drops and creates the derived objects that differ between two versions of a model.
    void alter_objects(const ModelState& old_model, const ProjectState& from,
                       const ModelState& new_model, const ProjectState& to,
                       const std::function<void()>& change);
    // Whether a foreign key points at `table`, directly or through primary
    // keys that are foreign keys themselves: its column is typed by `table`'s key.
    bool typed_by(const Field& field, const ModelState& model, const ProjectState& state,
                  const std::string& table) const;
    // Models other than `table` itself, through tables included, whose foreign
    // keys are typed by `table`'s primary key, as they are before and after a change.
    struct ModelPair {
        ModelState before;
        ModelState after;
    };
    std::vector<ModelPair> models_referencing(const std::string& table, const ProjectState& from,
                                              const ProjectState& to) const;
    // Gives the foreign key columns of `after` that point at `target_table` the
    // type the target's primary key has now.
    void change_referencing_columns(const ModelState& before, const ProjectState& from,
                                    const ModelState& after, const ProjectState& to,
                                    const std::string& target_table);
    // After a rename: brings through tables and derived names of the renamed
    // model and of every model relating to it in line with the new state.
    void follow_rename(const ModelState& before, const ProjectState& from, const ModelState& after,
                       const ProjectState& to);

  private:
    void follow_rename_of_model(const ModelState& before, const ProjectState& from,
                                const ModelState& after, const ProjectState& to);
};

}  // namespace covet
