// SQLite DDL: foreign keys and unique constraints live inside the column
// definitions, and what ALTER TABLE cannot do in place is done by rebuilding
// the table (the 12 steps of SQLite's documentation, as Django does them).
#pragma once

#include "schema/base_schema_editor.h"

namespace covet {

class SqliteSchemaEditor final : public BaseSchemaEditor {
  public:
    using BaseSchemaEditor::BaseSchemaEditor;

    void add_column(const std::string& table, const std::string& field, const ProjectState& from,
                    const ProjectState& to) override;
    void drop_column(const std::string& table, const std::string& field, const ProjectState& from,
                     const ProjectState& to) override;
    void alter_column(const std::string& table, const std::string& field, const ProjectState& from,
                      const ProjectState& to) override;
    void alter_constraints(const std::string& table, const ProjectState& from,
                           const ProjectState& to) override;

  protected:
    std::string unique_clause(const Field& field, const ModelState& model) const override;
    bool foreign_keys_inline() const override { return true; }
    bool names_unique_constraints() const override { return false; }
    void rename_object(const SchemaObject& before, const SchemaObject& after) override;
    std::string char_length_sql(const std::string& quoted_column) const override;
    std::string trim_fraction_zeros_sql(const std::string& decimal_text) const override;
    std::string time_of_day_sql(const std::string& quoted_column) const override;
    std::string round_sql(const std::string& quoted_column, int places) const override;

  private:
    // Creates new__<table> from the new model, copies the rows, drops the old
    // table, renames the new one into place and re-creates its indexes and
    // triggers; views naming the table keep working.
    void rebuild_table(const ModelState& old_model, const ModelState& new_model,
                       const ProjectState& to);
    // Fails the migration when a view or trigger names a column `model`'s
    // rebuilt table no longer has.
    void check_views_and_triggers(const ModelState& model);
    // INSERT ... SELECT of the columns both models have (or a default).
    void copy_rows(const ModelState& old_model, const ModelState& new_model,
                   const std::string& into);
};

}  // namespace covet
