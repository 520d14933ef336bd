// MySQL/MariaDB DDL: unique constraints and foreign keys are named table
// constraints (MySQL cannot name them inside a column), a column changes by
// MODIFY with its whole new definition, and there are no partial indexes.
#pragma once

#include "schema/base_schema_editor.h"

namespace covet {

class MysqlSchemaEditor final : public BaseSchemaEditor {
  public:
    using BaseSchemaEditor::BaseSchemaEditor;

    // InnoDB refuses to drop the index a foreign key uses: turning a
    // ForeignKey's index off (db_index=False) takes the key off around the
    // drop; InnoDB then keeps an index of its own for the key.
    void alter_column(const std::string& table, const std::string& field, const ProjectState& from,
                      const ProjectState& to) override;

  protected:
    std::string data_type(const Field& field) const override;
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
    void change_column(const ModelState& old_model, const Field& old_field,
                       const ProjectState& from, const ModelState& new_model,
                       const Field& new_field, const ProjectState& to) override;
};

}  // namespace covet
