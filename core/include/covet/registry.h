// Migrations registered from C++. An application fills a registry and hands
// it to covet::cli::main, which treats them exactly like YAML migrations.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "covet/migration.h"

namespace covet {

class MigrationRegistry {
  public:
    // Adds a migration; dependencies are "name" (same app) or "app.name".
    Migration& add(const std::string& app, const std::string& name,
                   std::initializer_list<std::string> dependencies = {});
    const std::vector<Migration>& migrations() const { return migrations_; }
    bool empty() const { return migrations_.empty(); }

  private:
    std::vector<Migration> migrations_;
};

// Builders that make C++ migrations read like their YAML form.
namespace ops {
using FieldList = std::vector<std::pair<std::string, std::string>>;  // name, shorthand
OperationPtr create_table(const std::string& table, const FieldList& fields,
                          const std::string& model = "");
OperationPtr drop_table(const std::string& table);
OperationPtr add_column(const std::string& table, const std::string& column,
                        const std::string& field_shorthand);
OperationPtr drop_column(const std::string& table, const std::string& column);
OperationPtr alter_column(const std::string& table, const std::string& column,
                          const std::string& field_shorthand);
OperationPtr rename_table(const std::string& old_name, const std::string& new_name);
OperationPtr rename_column(const std::string& table, const std::string& old_name,
                           const std::string& new_name);
OperationPtr create_index(const std::string& table, const std::string& name,
                          const std::vector<std::string>& columns, bool unique = false,
                          const std::string& where = "");
OperationPtr drop_index(const std::string& table, const std::string& name);
// The complete new set of groups; {} for none.
OperationPtr alter_unique_together(const std::string& table,
                                   std::vector<std::vector<std::string>> groups);
OperationPtr add_check_constraint(const std::string& table, const std::string& name,
                                  const std::string& check);
// `where`: a partial unique constraint (not on MySQL/MariaDB).
OperationPtr add_unique_constraint(const std::string& table, const std::string& name,
                                   const std::vector<std::string>& fields,
                                   const std::string& where = "");
OperationPtr remove_constraint(const std::string& table, const std::string& name);
// reverse_sql: nullopt makes the operation irreversible; "" reverses as a no-op.
OperationPtr run_sql(const std::string& sql, std::optional<std::string> reverse_sql = std::nullopt,
                     const std::string& dialect = "");
}  // namespace ops

}  // namespace covet
