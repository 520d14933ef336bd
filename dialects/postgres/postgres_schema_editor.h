// PostgreSQL DDL: the base editor's standard SQL with PostgreSQL's types;
// foreign keys are named DEFERRABLE constraints added after the table; a type
// change converts with USING where the family changes and follows the sequence.
#pragma once

#include "schema/base_schema_editor.h"

namespace covet {

class PostgresSchemaEditor final : public BaseSchemaEditor {
  public:
    using BaseSchemaEditor::BaseSchemaEditor;

  protected:
    void emit_drop_column(const ModelState& model, const Field& field,
                          const ProjectState& state) override;
    void emit_type_change(const ColumnAt& before, const ColumnAt& after,
                          const std::string& new_type) override;
};

}  // namespace covet
