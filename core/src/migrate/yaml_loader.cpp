#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <system_error>

#include "covet/backend_registry.h"
#include "covet/error.h"
#include "covet/loader.h"
#include "schema/field_args.h"
#include "util/heap_warmup.h"
#include "util/parallel_for.h"
#include "yaml/yaml_bool.h"
#include "yaml/yaml_document.h"

namespace covet {

namespace fs = std::filesystem;

namespace {

// Reads one file, carrying the file name into every error.
class FileReader {
  public:
    explicit FileReader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(yaml::Node at, const std::string& message) const {
        yaml::Mark mark = at.mark();
        fail_at(mark.line, mark.column, message);
    }
    [[noreturn]] void fail_at(int line, int column, const std::string& message) const {
        throw LoadError(file_, line, column, message);
    }

    SourceLocation location(yaml::Node at) const {
        return {file_, at.mark().line, at.mark().column};
    }

    void expect_map(yaml::Node node, const std::string& what) const {
        if (!node.is_map()) fail(node, what + " must be a mapping");
    }

    void check_keys(yaml::Node map, const std::string& what,
                    std::initializer_list<const char*> allowed) const {
        for (auto [key_node, value] : map.entries()) {
            std::string key = scalar(key_node, "a key");
            bool ok = std::any_of(allowed.begin(), allowed.end(),
                                  [&](const char* a) { return key == a; });
            if (!ok) {
                std::string list;
                for (const char* a : allowed)
                    list += (list.empty() ? "" : ", ") + std::string(a);
                fail(key_node,
                     "unknown key '" + key + "' in " + what + " (expected: " + list + ")");
            }
        }
    }

    std::string required_string(yaml::Node map, const char* key, const std::string& what) const {
        yaml::Node node = map[key];
        if (!node) fail(map, what + " requires '" + key + "'");
        return scalar(node, std::string("'") + key + "'");
    }

    // A table, column or index name: a non-empty single value.
    std::string required_name(yaml::Node map, const char* key, const std::string& what) const {
        std::string name = required_string(map, key, what);
        if (name.empty()) fail(map[key], std::string("'") + key + "' must not be empty");
        return name;
    }

    std::string optional_string(yaml::Node map, const char* key) const {
        yaml::Node node = map[key];
        if (!node || node.is_null()) return "";
        return scalar(node, std::string("'") + key + "'");
    }

    std::string scalar(yaml::Node node, const std::string& what) const {
        if (!node.is_scalar()) fail(node, what + " must be a single value");
        return node.scalar();
    }

    bool boolean(yaml::Node node, const std::string& what) const {
        if (node.is_scalar())
            if (auto flag = yaml::read_bool(node.scalar())) return *flag;
        fail(node, what + " must be true or false");
    }

    std::vector<std::string> string_list(yaml::Node node, const std::string& what) const {
        if (!node.is_sequence()) fail(node, what + " must be a list");
        std::vector<std::string> out;
        for (yaml::Node item : node.items())
            out.push_back(scalar(item, "each item of " + what));
        return out;
    }

    FieldArg field_arg(yaml::Node node) const {
        FieldArg arg;
        if (node.is_null()) return arg;
        if (node.is_scalar())
            return field_arg_from_scalar_text(node.scalar(), node.is_string_literal());
        if (node.is_sequence()) {
            arg.is_list = true;
            for (yaml::Node item : node.items())
                arg.items.push_back(field_arg(item));
            return arg;
        }
        arg.is_dict = true;
        for (auto [key, value] : node.entries()) {
            arg.dict_keys.push_back(scalar(key, "a key"));
            arg.items.push_back(field_arg(value));
        }
        return arg;
    }

    Field field(const std::string& name, yaml::Node node) const {
        if (node.is_scalar()) {
            try {
                return make_field(name, parse_field_shorthand(node.scalar()));
            } catch (const FieldError& e) {
                // Shorthand errors carry a column inside the text; on one line
                // (plain or quoted) that maps onto the file. Block scalars
                // start on the next line: point at the value instead.
                yaml::Mark mark = node.mark();
                yaml::ScalarStyle style = node.style();
                bool one_line = style == yaml::ScalarStyle::plain ||
                                style == yaml::ScalarStyle::single_quoted ||
                                style == yaml::ScalarStyle::double_quoted;
                int quote = style == yaml::ScalarStyle::plain ? 0 : 1;
                int column = one_line ? mark.column + quote + (e.column() > 0 ? e.column() - 1 : 0)
                                      : mark.column;
                fail_at(mark.line, column, "field '" + name + "': " + e.what());
            }
        }
        if (!node.is_map()) fail(node, "field '" + name + "' must be Type(args) or a mapping");
        FieldSpec spec;
        yaml::Node type = node["type"];
        if (!type) fail(node, "field '" + name + "' needs 'type'");
        spec.type_name = scalar(type, "'type'");
        for (auto [key_node, value] : node.entries()) {
            std::string key = scalar(key_node, "an option name");
            if (key == "type") continue;
            spec.keywords.emplace_back(key, field_arg(value));
        }
        try {
            return make_field(name, spec);
        } catch (const FieldError& e) {
            // Point at the offending key when the message names one.
            for (auto [key_node, value] : node.entries()) {
                const std::string& key = key_node.scalar();
                if (std::string(e.what()).find("'" + key + "'") != std::string::npos)
                    fail(key_node, "field '" + name + "': " + e.what());
            }
            if (std::string(e.what()).find("field type") != std::string::npos)
                fail(type, "field '" + name + "': " + e.what());
            fail(node, "field '" + name + "': " + e.what());
        }
    }

    IndexSpec index(yaml::Node node) const {
        expect_map(node, "an index");
        check_keys(node, "index", {"name", "columns", "unique", "where", "concurrently"});
        return index_fields(node);
    }

    // The index keys of a mapping whose keys were checked by the caller.
    IndexSpec index_fields(yaml::Node node) const {
        IndexSpec spec;
        spec.name = required_name(node, "name", "an index");
        if (!node["columns"]) fail(node, "index '" + spec.name + "' requires 'columns'");
        spec.columns = string_list(node["columns"], "'columns'");
        if (node["unique"]) spec.unique = boolean(node["unique"], "'unique'");
        spec.where = condition(node, "where");
        if (node["concurrently"])
            spec.concurrently = boolean(node["concurrently"], "'concurrently'");
        return spec;
    }

    OperationPtr operation(const std::string& kind, yaml::Node body) const;
    OperationPtr constraint_operation(const std::string& kind, yaml::Node body) const;
    // The condition under `key` (none when absent), remembering where it was
    // written so that a later unknown-field error points into the file.
    Condition condition(yaml::Node map, const char* key) const;
    std::vector<std::vector<std::string>> unique_groups(yaml::Node node) const;

  private:
    std::string file_;
};

OperationPtr FileReader::operation(const std::string& kind, yaml::Node body) const {
    expect_map(body, "'" + kind + "'");
    const std::string what = "'" + kind + "'";
    if (kind == "create_table") {
        check_keys(body, what,
                   {"table", "model", "fields", "unique_together", "indexes", "ordering"});
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
    if (kind == "drop_table") {
        check_keys(body, what, {"table"});
        auto op = std::make_shared<DropTable>();
        op->table = required_name(body, "table", what);
        return op;
    }
    if (kind == "add_column" || kind == "alter_column") {
        if (kind == "add_column")
            check_keys(body, what, {"table", "column", "field", "preserve_default"});
        else
            check_keys(body, what, {"table", "column", "field"});
        std::string table = required_name(body, "table", what);
        std::string column = required_name(body, "column", what);
        if (!body["field"]) fail(body, kind + " requires 'field'");
        Field f = field(column, body["field"]);
        if (kind == "add_column") {
            auto op = std::make_shared<AddColumn>();
            op->table = table;
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
        auto op = std::make_shared<AlterColumn>();
        op->table = table;
        op->column = column;
        op->field = std::move(f);
        return op;
    }
    if (kind == "drop_column") {
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
    if (kind == "rename_table") {
        check_keys(body, what, {"old", "new"});
        auto op = std::make_shared<RenameTable>();
        op->old_name = required_name(body, "old", what);
        op->new_name = required_name(body, "new", what);
        return op;
    }
    if (kind == "rename_column") {
        check_keys(body, what, {"table", "old", "new"});
        auto op = std::make_shared<RenameColumn>();
        op->table = required_name(body, "table", what);
        op->old_name = required_name(body, "old", what);
        op->new_name = required_name(body, "new", what);
        return op;
    }
    if (kind == "create_index") {
        check_keys(body, what, {"name", "table", "columns", "unique", "where", "concurrently"});
        auto op = std::make_shared<CreateIndex>();
        op->table = required_name(body, "table", what);
        op->index = index_fields(body);
        return op;
    }
    if (kind == "drop_index") {
        check_keys(body, what, {"name", "table"});
        auto op = std::make_shared<DropIndex>();
        op->name = required_name(body, "name", what);
        op->table = required_name(body, "table", what);
        return op;
    }
    if (kind == "run_sql") {
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
    return constraint_operation(kind, body);
}

std::vector<std::vector<std::string>> FileReader::unique_groups(yaml::Node ut) const {
    if (!ut.is_sequence()) fail(ut, "'unique_together' must be a list of column lists");
    std::vector<std::vector<std::string>> groups;
    // Django also accepts one flat group: [a, b].
    if (ut.size() > 0 && ut.item(0).is_scalar()) {
        groups.push_back(string_list(ut, "'unique_together'"));
        return groups;
    }
    for (yaml::Node group : ut.items()) {
        groups.push_back(string_list(group, "a unique_together group"));
        if (groups.back().empty()) fail(group, "a unique_together group needs at least one column");
    }
    return groups;
}

Condition FileReader::condition(yaml::Node map, const char* key) const {
    yaml::Node node = map[key];
    if (!node || node.is_null()) return {};
    const std::string text = scalar(node, std::string("'") + key + "'");
    yaml::Mark mark = node.mark();
    yaml::ScalarStyle style = node.style();
    // Columns inside one-line text map onto the file; block scalars start on
    // the next line, so errors there point at the value itself.
    bool one_line = style == yaml::ScalarStyle::plain ||
                    style == yaml::ScalarStyle::single_quoted ||
                    style == yaml::ScalarStyle::double_quoted;
    Condition::Origin origin{file_, mark.line,
                             mark.column + (style == yaml::ScalarStyle::plain ? 0 : 1), one_line};
    try {
        Condition parsed(text);
        parsed.origin = origin;
        return parsed;
    } catch (const ConditionError& e) {
        Condition located;
        located.origin = origin;
        Condition::Origin at = located.position_of(e.column());
        fail_at(at.line, at.column, std::string("'") + key + "': " + e.what());
    }
}

OperationPtr FileReader::constraint_operation(const std::string& kind, yaml::Node body) const {
    const std::string what = "'" + kind + "'";
    if (kind == "alter_unique_together") {
        check_keys(body, what, {"table", "unique_together"});
        auto op = std::make_shared<AlterUniqueTogether>();
        op->table = required_name(body, "table", what);
        yaml::Node ut = body["unique_together"];
        if (!ut)
            fail(body, what + " requires 'unique_together' (the complete new set, [] for none)");
        if (!ut.is_null()) op->unique_together = unique_groups(ut);
        return op;
    }
    if (kind == "add_constraint") {
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
    if (kind == "remove_constraint") {
        check_keys(body, what, {"table", "name"});
        auto op = std::make_shared<RemoveConstraint>();
        op->table = required_name(body, "table", what);
        op->name = required_name(body, "name", what);
        return op;
    }
    fail_at(0, 0, "");  // unreachable: kinds are checked by the caller
}

const std::set<std::string>& operation_kinds() {
    static const std::set<std::string> kinds = {
        "create_table",         "drop_table",   "add_column",     "drop_column",
        "alter_column",         "rename_table", "rename_column",  "create_index",
        "drop_index",           "run_sql",      "add_constraint", "remove_constraint",
        "alter_unique_together"};
    return kinds;
}

MigrationKey parse_dependency(const std::string& text, const std::string& app) {
    auto dot = text.find('.');
    if (dot == std::string::npos) return {app, text};
    return {text.substr(0, dot), text.substr(dot + 1)};
}

// POSIX calls rather than ifstream: four system calls per file instead of
// seven (ifstream seeks three times to learn the size), which is measurable
// when a history has a thousand files.
std::string read_migration_file(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw LoadError(
            path, 0, 0,
            "cannot read the file: " + std::error_code(errno, std::generic_category()).message());
    struct FdCloser {
        int fd;
        ~FdCloser() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        throw LoadError(
            path, 0, 0,
            "cannot read the file: " + std::error_code(errno, std::generic_category()).message());
    std::string text(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t filled = 0;
    while (filled < text.size()) {
        ssize_t n = ::read(fd, text.data() + filled, text.size() - filled);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw LoadError(path, 0, 0,
                            "cannot read the file: " +
                                std::error_code(errno, std::generic_category()).message());
        if (n == 0) break;  // the file shrank since fstat
        filled += static_cast<std::size_t>(n);
    }
    text.resize(filled);
    return text;
}

}  // namespace

Migration parse_migration_file(const std::string& file, const std::string& text,
                               const std::string& default_app) {
    FileReader reader(file);
    yaml::Document document = yaml::Document::parse(text, file);
    yaml::Node root = document.root();
    Migration m;
    m.name = fs::path(file).stem().string();
    m.location = {file, 1, 1};
    if (!root.is_map()) {
        if (root.is_null()) reader.fail_at(1, 1, "empty migration file (expected 'operations:')");
        reader.fail(root, "a migration file must be a mapping with 'operations:'");
    }
    reader.check_keys(root, "migration", {"app", "dependencies", "atomic", "operations"});
    m.app = default_app;
    if (yaml::Node app = root["app"]; app && !app.is_null()) {
        std::string declared = reader.scalar(app, "'app'");
        if (default_app != "default" && declared != default_app)
            reader.fail(app, "app '" + declared + "' does not match the directory '" + default_app +
                                 "' the file is in");
        m.app = declared;
    }
    if (yaml::Node deps = root["dependencies"]; deps && !deps.is_null()) {
        if (!deps.is_sequence()) reader.fail(deps, "'dependencies' must be a list");
        for (yaml::Node d : deps.items()) {
            m.dependencies.push_back(parse_dependency(reader.scalar(d, "a dependency"), m.app));
            m.dependency_locations.push_back(reader.location(d));
        }
    }
    if (yaml::Node atomic = root["atomic"]; atomic) m.atomic = reader.boolean(atomic, "'atomic'");
    yaml::Node ops = root["operations"];
    if (!ops) reader.fail(root, "missing 'operations'");
    if (ops.is_null()) return m;
    if (!ops.is_sequence()) reader.fail(ops, "'operations' must be a list");
    for (yaml::Node item : ops.items()) {
        if (!item.is_map() || item.size() != 1)
            reader.fail(item, "each operation must be a mapping with one key, e.g. create_table:");
        yaml::Node kind_node = item.key(0);
        std::string kind = reader.scalar(kind_node, "the operation name");
        if (!operation_kinds().count(kind)) {
            std::string list;
            for (const auto& k : operation_kinds())
                list += (list.empty() ? "" : ", ") + k;
            reader.fail(kind_node,
                        "unknown operation '" + kind + "' (expected one of: " + list + ")");
        }
        OperationPtr op = reader.operation(kind, item.value(0));
        const_cast<Operation&>(*op).location = reader.location(kind_node);
        m.operations.push_back(std::move(op));
    }
    return m;
}

std::vector<Migration> load_migration_directory(const std::string& directory, bool allow_missing) {
    std::vector<Migration> out;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        if (allow_missing && !fs::exists(directory, ec)) return out;
        throw LoadError(directory, 0, 0,
                        "the migrations directory does not exist (-m/--migrations, "
                        "COVET_MIGRATIONS or migrations: in covet.yaml name it)");
    }
    auto is_migration = [](const fs::path& p) {
        auto ext = p.extension().string();
        return (ext == ".yaml" || ext == ".yml") && p.filename().string()[0] != '.';
    };
    std::vector<std::pair<std::string, std::string>> files;  // (path, app)
    for (const auto& entry : fs::directory_iterator(directory)) {
        if (entry.is_directory()) {
            std::string app = entry.path().filename().string();
            if (app.empty() || app[0] == '.') continue;
            for (const auto& sub : fs::directory_iterator(entry.path()))
                if (sub.is_regular_file() && is_migration(sub.path()))
                    files.emplace_back(sub.path().string(), app);
        } else if (entry.is_regular_file() && is_migration(entry.path())) {
            files.emplace_back(entry.path().string(), "default");
        }
    }
    std::sort(files.begin(), files.end());

    // A loaded migration and its checksum take about 2 KB of fresh heap.
    warm_heap(files.size() * 2048);
    // Parsing dominates start-up on long histories: spread the files over the cores.
    std::vector<std::optional<Migration>> parsed(files.size());
    parallel_for(files.size(), 64, [&](std::size_t i) {
        const auto& [path, app] = files[i];
        parsed[i] = parse_migration_file(path, read_migration_file(path), app);
    });

    // Duplicates are reported in file order, as a serial load would.
    std::map<MigrationKey, std::string> seen;
    for (std::size_t i = 0; i < files.size(); ++i) {
        Migration& m = *parsed[i];
        auto [it, inserted] = seen.emplace(m.key(), files[i].first);
        if (!inserted)
            throw LoadError(files[i].first, 1, 1,
                            "duplicate migration name '" + m.key().to_string() + "' (also in " +
                                it->second + ")");
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace covet
