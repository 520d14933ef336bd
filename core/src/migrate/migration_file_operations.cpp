// The operations of a migration file, one reader per kind.
#include "covet/backend_registry.h"
#include "migrate/migration_file_reader.h"
#include "schema/field_args.h"

namespace covet {

const std::map<std::string, MigrationFileReader::OperationReader>&
MigrationFileReader::operation_readers() {
    static const std::map<std::string, OperationReader> readers = {
        {"create_table", &MigrationFileReader::create_table},
        {"drop_table", &MigrationFileReader::drop_table},
        {"add_column", &MigrationFileReader::add_column},
        {"alter_column", &MigrationFileReader::alter_column},
        {"drop_column", &MigrationFileReader::drop_column},
        {"rename_table", &MigrationFileReader::rename_table},
        {"rename_column", &MigrationFileReader::rename_column},
        {"create_index", &MigrationFileReader::create_index},
        {"drop_index", &MigrationFileReader::drop_index},
        {"run_sql", &MigrationFileReader::run_sql},
        {"alter_unique_together", &MigrationFileReader::alter_unique_together},
        {"add_constraint", &MigrationFileReader::add_constraint},
        {"remove_constraint", &MigrationFileReader::remove_constraint},
    };
    return readers;
}

OperationPtr MigrationFileReader::operation(yaml::Node kind_node, yaml::Node body) const {
    const std::string kind = scalar(kind_node, "the operation name");
    const auto& readers = operation_readers();
    auto reader = readers.find(kind);
    if (reader == readers.end()) {
        std::string list;
        for (const auto& [known, unused] : readers)
            list += (list.empty() ? "" : ", ") + known;
        fail(kind_node, "unknown operation '" + kind + "' (expected one of: " + list + ")");
    }
    const std::string what = "'" + kind + "'";
    expect_map(body, what);
    return (this->*(reader->second))(body, what);
}

OperationPtr MigrationFileReader::create_table(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"table", "model", "fields", "unique_together", "indexes", "ordering"});
    auto op = std::make_shared<CreateTable>();
    op->table = required_name(body, "table", what);
    op->model = optional_string(body, "model");
    yaml::Node fields = body["fields"];
    if (!fields) fail(body, "create_table requires 'fields'");
    if (!fields.is_map() && !(fields.is_sequence() && fields.size() == 0))
        fail(fields, "'fields' must be a mapping of column name to field");
    for (auto [column, definition] : fields.entries()) {
        std::string name = scalar(column, "a column name");
        if (name.empty()) fail(column, "a column name must not be empty");
        op->fields.push_back(field(name, definition));
    }
    if (yaml::Node ut = body["unique_together"]; ut && !ut.is_null())
        op->unique_together = unique_groups(ut);
    if (yaml::Node indexes = body["indexes"]; indexes && !indexes.is_null()) {
        if (!indexes.is_sequence()) fail(indexes, "'indexes' must be a list");
        for (yaml::Node i : indexes.items())
            op->indexes.push_back(index(i));
    }
    if (yaml::Node ordering = body["ordering"]; ordering && !ordering.is_null())
        op->ordering = string_list(ordering, "'ordering'");
    return op;
}

std::shared_ptr<const CreateTable> MigrationFileReader::model_definition(yaml::Node body) const {
    expect_map(body, "a model");
    auto op = std::static_pointer_cast<const CreateTable>(create_table(body, "a model"));
    return op;
}

OperationPtr MigrationFileReader::drop_table(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"table"});
    auto op = std::make_shared<DropTable>();
    op->table = required_name(body, "table", what);
    return op;
}

OperationPtr MigrationFileReader::add_column(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"table", "column", "field", "preserve_default"});
    auto op = std::make_shared<AddColumn>();
    op->table = required_name(body, "table", what);
    std::string column = required_name(body, "column", what);
    if (!body["field"]) fail(body, "add_column requires 'field'");
    Field f = field(column, body["field"]);
    if (yaml::Node keep = body["preserve_default"]; keep) {
        op->preserve_default = boolean(keep, "'preserve_default'");
        if (!op->preserve_default && (!f.default_value || f.default_value->is_null()))
            fail(keep,
                 "preserve_default: false needs a default in the field, to fill "
                 "the existing rows");
    }
    op->field = std::move(f);
    return op;
}

OperationPtr MigrationFileReader::alter_column(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"table", "column", "field"});
    auto op = std::make_shared<AlterColumn>();
    op->table = required_name(body, "table", what);
    op->column = required_name(body, "column", what);
    if (!body["field"]) fail(body, "alter_column requires 'field'");
    op->field = field(op->column, body["field"]);
    return op;
}

OperationPtr MigrationFileReader::drop_column(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"table", "column", "default"});
    auto op = std::make_shared<DropColumn>();
    op->table = required_name(body, "table", what);
    op->column = required_name(body, "column", what);
    if (yaml::Node fill = body["default"]; fill && !fill.is_null()) {
        if (!fill.is_scalar())
            fail(fill,
                 "'default' must be a single value: it fills the existing rows when "
                 "the reverse re-adds the column");
        op->fill_default =
            field_arg_from_scalar_text(fill.scalar(), fill.is_string_literal()).value;
    }
    return op;
}

OperationPtr MigrationFileReader::rename_table(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"old", "new"});
    auto op = std::make_shared<RenameTable>();
    op->old_name = required_name(body, "old", what);
    op->new_name = required_name(body, "new", what);
    return op;
}

OperationPtr MigrationFileReader::rename_column(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"table", "old", "new"});
    auto op = std::make_shared<RenameColumn>();
    op->table = required_name(body, "table", what);
    op->old_name = required_name(body, "old", what);
    op->new_name = required_name(body, "new", what);
    return op;
}

OperationPtr MigrationFileReader::create_index(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"name", "table", "columns", "unique", "where", "concurrently"});
    auto op = std::make_shared<CreateIndex>();
    op->table = required_name(body, "table", what);
    op->index = index_fields(body);
    return op;
}

OperationPtr MigrationFileReader::drop_index(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"name", "table"});
    auto op = std::make_shared<DropIndex>();
    op->name = required_name(body, "name", what);
    op->table = required_name(body, "table", what);
    return op;
}

OperationPtr MigrationFileReader::run_sql(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"sql", "reverse_sql", "dialect"});
    auto op = std::make_shared<RunSql>();
    op->sql = required_string(body, "sql", what);
    if (yaml::Node reverse = body["reverse_sql"]; reverse && !reverse.is_null())
        op->reverse_sql = scalar(reverse, "'reverse_sql'");
    if (yaml::Node dialect = body["dialect"]; dialect && !dialect.is_null()) {
        std::string d = scalar(dialect, "'dialect'");
        const BackendRegistry& backends = backend_registry();
        const Backend* backend = backends.by_dialect_name(d);
        if (!backend)
            fail(dialect,
                 "unknown dialect '" + d + "' (expected " + backends.names_for_message() + ")");
        op->dialect = backend->name;
    }
    return op;
}

OperationPtr MigrationFileReader::alter_unique_together(yaml::Node body,
                                                        const std::string& what) const {
    check_keys(body, what, {"table", "unique_together"});
    auto op = std::make_shared<AlterUniqueTogether>();
    op->table = required_name(body, "table", what);
    yaml::Node ut = body["unique_together"];
    if (!ut) fail(body, what + " requires 'unique_together' (the complete new set, [] for none)");
    if (!ut.is_null()) op->unique_together = unique_groups(ut);
    return op;
}

OperationPtr MigrationFileReader::add_constraint(yaml::Node body, const std::string& what) const {
    check_keys(body, what, {"table", "name", "unique", "where", "check"});
    auto op = std::make_shared<AddConstraint>();
    op->table = required_name(body, "table", what);
    op->constraint.name = required_name(body, "name", what);
    if (!body["unique"] == !body["check"])
        fail(body, what + " needs exactly one of 'unique: [fields]' and 'check: condition'");
    if (body["unique"]) {
        op->constraint.unique = string_list(body["unique"], "'unique'");
        if (op->constraint.unique.empty())
            fail(body["unique"], "'unique' needs at least one field");
        op->constraint.where = condition(body, "where");
    } else {
        if (body["where"]) fail(body["where"], "'where' belongs to a unique constraint");
        op->constraint.check = condition(body, "check");
        if (op->constraint.check.empty()) fail(body["check"], "'check' needs a condition");
    }
    return op;
}

OperationPtr MigrationFileReader::remove_constraint(yaml::Node body,
                                                    const std::string& what) const {
    check_keys(body, what, {"table", "name"});
    auto op = std::make_shared<RemoveConstraint>();
    op->table = required_name(body, "table", what);
    op->name = required_name(body, "name", what);
    return op;
}

}  // namespace covet
