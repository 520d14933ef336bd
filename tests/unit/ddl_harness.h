// Shared by the DDL golden tests: runs an operation the way the executor does
// (state before, state after, a fresh editor per direction) and returns the
// statements each direction produces.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "covet/dialect.h"
#include "covet/field.h"
#include "covet/operation.h"
#include "covet/schema_editor.h"

namespace covet::ddl_test {

using Statements = std::vector<std::string>;

struct Ddl {
    Statements forwards;
    Statements backwards;
};

// Applies `op` to `state` (which ends up in the state after it) and returns
// the forward and backward DDL that `dialect` writes for it.
inline Ddl run(const Dialect& dialect, const Operation& op, ProjectState& state) {
    const ProjectState before = state;
    ProjectState after = state;
    op.state_forwards("blog", after);
    Ddl ddl;
    auto forwards = dialect.schema_editor();
    // Drops a dialect defers to the end of the migration (MySQL) come last.
    auto with_deferred = [](SchemaEditor& editor) {
        Statements statements = editor.take_statements();
        for (auto& sql : editor.take_deferred())
            statements.push_back(std::move(sql));
        return statements;
    };
    op.database_forwards(*forwards, before, after);
    ddl.forwards = with_deferred(*forwards);
    auto backwards = dialect.schema_editor();
    op.database_backwards(*backwards, before, after);
    ddl.backwards = with_deferred(*backwards);
    state = std::move(after);
    return ddl;
}

// `a` followed by `b`: the expected statements of one direction built from parts.
inline Statements concat(Statements a, const Statements& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// Runs operations with one dialect: each dialect's expectations header holds
// `const DdlRunner run_on{dialect};`, so tests write run_on(state, op).
struct DdlRunner {
    const Dialect& dialect;

    Ddl operator()(ProjectState& state, const Operation& op) const {
        return run(dialect, op, state);
    }
};

// The statements that create one of covet's own tables (migrate/recorder_models.h).
inline Statements own_table_ddl(const Dialect& dialect, const ModelState& model) {
    ProjectState state;
    state.put(model);
    auto editor = dialect.schema_editor();
    editor->create_table(model, state);
    return editor->take_statements();
}

inline std::vector<Field> fields(const std::vector<std::pair<std::string, std::string>>& specs) {
    std::vector<Field> out;
    for (const auto& [name, shorthand] : specs)
        out.push_back(field(name, shorthand));
    return out;
}

inline std::shared_ptr<CreateTable> create_table(
    const std::string& table, const std::vector<std::pair<std::string, std::string>>& specs,
    std::vector<std::vector<std::string>> unique_together = {}, std::vector<IndexSpec> indexes = {},
    const std::string& model = "") {
    auto op = std::make_shared<CreateTable>();
    op->table = table;
    op->model = model;
    op->fields = fields(specs);
    op->unique_together = std::move(unique_together);
    op->indexes = std::move(indexes);
    return op;
}

inline std::shared_ptr<DropTable> drop_table(const std::string& table) {
    auto op = std::make_shared<DropTable>();
    op->table = table;
    return op;
}

inline std::shared_ptr<AddColumn> add_column(const std::string& table, const std::string& name,
                                             const std::string& shorthand) {
    auto op = std::make_shared<AddColumn>();
    op->table = table;
    op->field = field(name, shorthand);
    return op;
}

inline std::shared_ptr<DropColumn> drop_column(const std::string& table,
                                               const std::string& column) {
    auto op = std::make_shared<DropColumn>();
    op->table = table;
    op->column = column;
    return op;
}

inline std::shared_ptr<AlterColumn> alter_column(const std::string& table,
                                                 const std::string& column,
                                                 const std::string& shorthand) {
    auto op = std::make_shared<AlterColumn>();
    op->table = table;
    op->column = column;
    op->field = field(column, shorthand);
    return op;
}

inline std::shared_ptr<RenameTable> rename_table(const std::string& old_name,
                                                 const std::string& new_name) {
    auto op = std::make_shared<RenameTable>();
    op->old_name = old_name;
    op->new_name = new_name;
    return op;
}

inline std::shared_ptr<RenameColumn> rename_column(const std::string& table,
                                                   const std::string& old_name,
                                                   const std::string& new_name) {
    auto op = std::make_shared<RenameColumn>();
    op->table = table;
    op->old_name = old_name;
    op->new_name = new_name;
    return op;
}

inline std::shared_ptr<CreateIndex> create_index(const std::string& table, IndexSpec index) {
    auto op = std::make_shared<CreateIndex>();
    op->table = table;
    op->index = std::move(index);
    return op;
}

inline std::shared_ptr<DropIndex> drop_index(const std::string& table, const std::string& name) {
    auto op = std::make_shared<DropIndex>();
    op->table = table;
    op->name = name;
    return op;
}

inline std::shared_ptr<RunSql> run_sql(const std::string& sql, const std::string& reverse_sql,
                                       const std::string& dialect = "") {
    auto op = std::make_shared<RunSql>();
    op->sql = sql;
    op->reverse_sql = reverse_sql;
    op->dialect = dialect;
    return op;
}

// The blog schema most tests start from: users (model User), tags (Tag),
// and posts (Post) with a foreign key to users and a many-to-many field to tags.
inline ProjectState blog_state(const Dialect& dialect) {
    ProjectState state;
    run(dialect,
        *create_table("users",
                      {{"id", "AutoField(primary_key=True)"},
                       {"name", "CharField(max_length=100)"},
                       {"email", "EmailField(unique=True)"}},
                      {}, {}, "User"),
        state);
    run(dialect, *create_table("tags", {{"name", "CharField(max_length=50)"}}, {}, {}, "Tag"),
        state);
    run(dialect,
        *create_table("posts",
                      {{"title", "CharField(max_length=200)"},
                       {"author", "ForeignKey(users, on_delete=CASCADE)"},
                       {"tags", "ManyToManyField(tags)"}},
                      {}, {}, "Post"),
        state);
    return state;
}

// Runs the operations in order, for a state that tests start from.
inline void apply(const Dialect& dialect, ProjectState& state,
                  const std::vector<std::shared_ptr<Operation>>& operations) {
    for (const auto& op : operations)
        run(dialect, *op, state);
}

}  // namespace covet::ddl_test
