#include "covet/registry.h"

#include "covet/error.h"

namespace covet {

Migration& MigrationRegistry::add(const std::string& app, const std::string& name,
                                  std::initializer_list<std::string> dependencies) {
    Migration m;
    m.app = app;
    m.name = name;
    for (const auto& dep : dependencies) {
        auto dot = dep.find('.');
        if (dot == std::string::npos)
            m.dependencies.push_back({app, dep});
        else
            m.dependencies.push_back({dep.substr(0, dot), dep.substr(dot + 1)});
        m.dependency_locations.push_back({});
    }
    migrations_.push_back(std::move(m));
    return migrations_.back();
}

namespace ops {

namespace {
template <typename T>
std::shared_ptr<T> make() {
    return std::make_shared<T>();
}
}  // namespace

OperationPtr create_table(const std::string& table, const FieldList& fields,
                          const std::string& model) {
    auto op = make<CreateTable>();
    op->table = table;
    op->model = model;
    for (const auto& [name, shorthand] : fields)
        op->fields.push_back(field(name, shorthand));
    return op;
}

OperationPtr drop_table(const std::string& table) {
    auto op = make<DropTable>();
    op->table = table;
    return op;
}

OperationPtr add_column(const std::string& table, const std::string& column,
                        const std::string& field_shorthand) {
    auto op = make<AddColumn>();
    op->table = table;
    op->field = field(column, field_shorthand);
    return op;
}

OperationPtr drop_column(const std::string& table, const std::string& column) {
    auto op = make<DropColumn>();
    op->table = table;
    op->column = column;
    return op;
}

OperationPtr alter_column(const std::string& table, const std::string& column,
                          const std::string& field_shorthand) {
    auto op = make<AlterColumn>();
    op->table = table;
    op->column = column;
    op->field = field(column, field_shorthand);
    return op;
}

OperationPtr rename_table(const std::string& old_name, const std::string& new_name) {
    auto op = make<RenameTable>();
    op->old_name = old_name;
    op->new_name = new_name;
    return op;
}

OperationPtr rename_column(const std::string& table, const std::string& old_name,
                           const std::string& new_name) {
    auto op = make<RenameColumn>();
    op->table = table;
    op->old_name = old_name;
    op->new_name = new_name;
    return op;
}

OperationPtr create_index(const std::string& table, const std::string& name,
                          const std::vector<std::string>& columns, bool unique,
                          const std::string& where) {
    auto op = make<CreateIndex>();
    op->table = table;
    op->index = IndexSpec{name, columns, unique, where};
    return op;
}

OperationPtr drop_index(const std::string& table, const std::string& name) {
    auto op = make<DropIndex>();
    op->table = table;
    op->name = name;
    return op;
}

OperationPtr alter_unique_together(const std::string& table,
                                   std::vector<std::vector<std::string>> groups) {
    auto op = make<AlterUniqueTogether>();
    op->table = table;
    op->unique_together = std::move(groups);
    return op;
}

OperationPtr add_check_constraint(const std::string& table, const std::string& name,
                                  const std::string& check) {
    auto op = make<AddConstraint>();
    op->table = table;
    op->constraint.name = name;
    op->constraint.check = Condition(check);
    return op;
}

OperationPtr add_unique_constraint(const std::string& table, const std::string& name,
                                   const std::vector<std::string>& fields,
                                   const std::string& where) {
    auto op = make<AddConstraint>();
    op->table = table;
    op->constraint.name = name;
    op->constraint.unique = fields;
    op->constraint.where = Condition(where);
    return op;
}

OperationPtr remove_constraint(const std::string& table, const std::string& name) {
    auto op = make<RemoveConstraint>();
    op->table = table;
    op->name = name;
    return op;
}

OperationPtr run_sql(const std::string& sql, std::optional<std::string> reverse_sql,
                     const std::string& dialect) {
    auto op = make<RunSql>();
    op->sql = sql;
    op->reverse_sql = std::move(reverse_sql);
    op->dialect = dialect;
    return op;
}

}  // namespace ops
}  // namespace covet
