// A migration written back as the YAML file the loader reads (SPEC.md §4).
#include <functional>
#include <map>

#include "covet/error.h"
#include "covet/state_yaml.h"
#include "migrate/yaml_bodies.h"

namespace covet {

namespace {

using yaml::Emitter;

void entry(Emitter& out, const char* key, const std::string& value) {
    out.key(key);
    out.text(value);
}

// A scalar that the loader reads back as this value (drop_column's default).
void value_scalar(Emitter& out, const Value& value) {
    switch (value.kind()) {
        case Value::Kind::Int:
        case Value::Kind::Float:
            out.literal(value.to_string());
            break;
        case Value::Kind::Bool:
            out.literal(value.as_bool() ? "true" : "false");
            break;
        case Value::Kind::Null:
            out.literal("null");
            break;
        default:
            out.text(value.to_string());
    }
}

template <typename Op>
const Op& as(const Operation& op) {
    return static_cast<const Op&>(op);
}

void create_table(Emitter& out, const Operation& base) {
    const auto& op = as<CreateTable>(base);
    write_table_body(
        out, {op.table, op.model, &op.fields, &op.unique_together, &op.indexes, &op.ordering});
}

void add_column(Emitter& out, const Operation& base) {
    const auto& op = as<AddColumn>(base);
    entry(out, "table", op.table);
    entry(out, "column", op.field.name);
    entry(out, "field", field_shorthand(op.field));
    if (!op.preserve_default) {
        out.key("preserve_default");
        out.literal("false");
    }
}

void drop_column(Emitter& out, const Operation& base) {
    const auto& op = as<DropColumn>(base);
    entry(out, "table", op.table);
    entry(out, "column", op.column);
    if (op.fill_default && !op.fill_default->is_null()) {
        out.key("default");
        value_scalar(out, *op.fill_default);
    }
}

void alter_column(Emitter& out, const Operation& base) {
    const auto& op = as<AlterColumn>(base);
    entry(out, "table", op.table);
    entry(out, "column", op.column);
    entry(out, "field", field_shorthand(op.field));
}

void create_index(Emitter& out, const Operation& base) {
    const auto& op = as<CreateIndex>(base);
    write_index_keys(out, op.index, op.table);
}

void add_constraint(Emitter& out, const Operation& base) {
    const auto& op = as<AddConstraint>(base);
    entry(out, "table", op.table);
    entry(out, "name", op.constraint.name);
    if (op.constraint.is_check()) {
        entry(out, "check", op.constraint.check.text());
        return;
    }
    out.key("unique");
    out.flow_list(op.constraint.unique);
    if (!op.constraint.where.empty()) entry(out, "where", op.constraint.where.text());
}

void run_sql(Emitter& out, const Operation& base) {
    const auto& op = as<RunSql>(base);
    entry(out, "sql", op.sql);
    if (op.reverse_sql) entry(out, "reverse_sql", *op.reverse_sql);
    if (!op.dialect.empty()) entry(out, "dialect", op.dialect);
}

using BodyWriter = std::function<void(Emitter&, const Operation&)>;

const std::map<std::string, BodyWriter>& body_writers() {
    static const std::map<std::string, BodyWriter> writers = {
        {"create_table", create_table},
        {"drop_table",
         [](Emitter& out, const Operation& op) { entry(out, "table", as<DropTable>(op).table); }},
        {"add_column", add_column},
        {"drop_column", drop_column},
        {"alter_column", alter_column},
        {"rename_table",
         [](Emitter& out, const Operation& op) {
             entry(out, "old", as<RenameTable>(op).old_name);
             entry(out, "new", as<RenameTable>(op).new_name);
         }},
        {"rename_column",
         [](Emitter& out, const Operation& op) {
             entry(out, "table", as<RenameColumn>(op).table);
             entry(out, "old", as<RenameColumn>(op).old_name);
             entry(out, "new", as<RenameColumn>(op).new_name);
         }},
        {"create_index", create_index},
        {"drop_index",
         [](Emitter& out, const Operation& op) {
             entry(out, "name", as<DropIndex>(op).name);
             entry(out, "table", as<DropIndex>(op).table);
         }},
        {"alter_unique_together",
         [](Emitter& out, const Operation& op) {
             entry(out, "table", as<AlterUniqueTogether>(op).table);
             out.key("unique_together");
             write_groups(out, as<AlterUniqueTogether>(op).unique_together);
         }},
        {"add_constraint", add_constraint},
        {"remove_constraint",
         [](Emitter& out, const Operation& op) {
             entry(out, "table", as<RemoveConstraint>(op).table);
             entry(out, "name", as<RemoveConstraint>(op).name);
         }},
        {"run_sql", run_sql},
    };
    return writers;
}

void write_dependencies(Emitter& out, const Migration& migration) {
    std::vector<std::string> names;
    for (const MigrationKey& dependency : migration.dependencies)
        names.push_back(dependency.app == migration.app ? dependency.name : dependency.to_string());
    out.key("dependencies");
    out.flow_list(names);
}

}  // namespace

std::string migration_yaml(const Migration& migration, const std::string& comment) {
    Emitter out;
    if (!comment.empty()) out.comment(comment);
    out.begin_map();
    if (migration.app != "default") entry(out, "app", migration.app);
    if (!migration.dependencies.empty()) write_dependencies(out, migration);
    if (!migration.atomic) {
        out.key("atomic");
        out.literal("false");
    }
    if (migration.initial) {
        out.key("initial");
        out.literal(*migration.initial ? "true" : "false");
    }
    out.key("operations");
    out.begin_sequence();
    for (const OperationPtr& op : migration.operations) {
        auto writer = body_writers().find(op->kind());
        if (writer == body_writers().end())
            throw Error("cannot write operation '" + op->kind() + "' as YAML");
        out.begin_map();
        out.key(op->kind());
        out.begin_map();
        writer->second(out, *op);
        out.end_map();
        out.end_map();
    }
    out.end_sequence();
    out.end_map();
    return out.finish();
}

}  // namespace covet
