// MySQL/MariaDB DDL: unique constraints and foreign keys are named table
// constraints (MySQL cannot name them inside a column), a column changes by
// MODIFY with its whole new definition, and there are no partial indexes.
#pragma once

#include <map>
#include <set>

#include "schema/base_schema_editor.h"

namespace covet {

class MysqlSchemaEditor final : public BaseSchemaEditor {
  public:
    using BaseSchemaEditor::BaseSchemaEditor;

    // MySQL commits each DDL statement, so a failed migration is undone by
    // hand: drops rename the table or column aside and the real DROP waits
    // for the end of the migration (take_deferred), keeping every row until
    // nothing can fail any more. The undo (restoring()) renames it back.
    void create_table(const ModelState& model, const ProjectState& state) override;
    void drop_table(const ModelState& model, const ProjectState& state) override;
    void add_column(const std::string& table, const std::string& field, const ProjectState& from,
                    const ProjectState& to) override;
    void drop_column(const std::string& table, const std::string& field, const ProjectState& from,
                     const ProjectState& to) override;
    void rename_table(const std::string& old_table, const std::string& new_table,
                      const ProjectState& from, const ProjectState& to) override;
    std::vector<std::string> take_deferred() override;
    // InnoDB refuses to drop the index a foreign key uses: turning a
    // ForeignKey's index off (db_index=False) takes the key off around the
    // drop; InnoDB then keeps an index of its own for the key.
    void alter_column(const std::string& table, const std::string& field, const ProjectState& from,
                      const ProjectState& to) override;

  protected:
    std::string unique_clause(const Field& field, const ModelState& model) const override;
    std::vector<std::string> table_constraints(const ModelState& model) const override;
    std::string on_delete_action(OnDelete rule) const override;
    std::string create_index_sql(const std::string& table, const IndexSpec& index,
                                 const ModelState& model) const override;
    std::string drop_index_sql(const std::string& table, const std::string& name) const override;
    std::string rename_table_sql(const std::string& old_table,
                                 const std::string& new_table) const override;
    std::string drop_object_sql(const SchemaObject& object) const override;
    void rename_object(const SchemaObject& before, const SchemaObject& after) override;
    void emit_drop_column(const ModelState& model, const Field& field,
                          const ProjectState& state) override;
    std::string char_length_sql(const std::string& quoted_column) const override;
    std::string text_sql(const std::string& quoted_column) const override;
    std::string time_of_day_sql(const std::string& quoted_column) const override;
    std::string round_sql(const std::string& quoted_column, int places) const override;
    void change_column(const ModelState& old_model, const Field& old_field,
                       const ProjectState& from, const ModelState& new_model,
                       const Field& new_field, const ProjectState& to) override;

  private:
    // The tables that go with a model: its auto-created through tables, then itself.
    std::vector<std::string> tables_of(const ModelState& model, const ProjectState& state) const;
    // A new name to set a table (or column) aside under, unused in this migration.
    std::string set_aside(const std::string& table, const std::string& column = "");
    // The name the last drop of this table (or column) set it aside under.
    std::string aside_of(const std::string& table, const std::string& column = "") const;

    // A table (column empty) or column set aside, to drop at the end.
    struct AsideDrop {
        std::string table;  // where it is now
        std::string column;
    };
    std::vector<AsideDrop> aside_drops_;
    std::set<std::string> used_aside_names_;
    std::map<std::string, std::string> last_aside_;  // "table\ncolumn" -> aside name
};

}  // namespace covet
