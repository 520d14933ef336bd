#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <optional>
#include <thread>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "covet/error.h"
#include "covet/loader.h"
#include "schema/field_args.h"

namespace covet {

namespace fs = std::filesystem;

namespace {

// Reads one file, carrying the file name into every error.
class FileReader {
  public:
    explicit FileReader(std::string file) : file_(std::move(file)) {}

    [[noreturn]] void fail(const YAML::Node& at, const std::string& message) const {
        YAML::Mark mark = at.Mark();
        fail_at(mark.line < 0 ? 0 : mark.line + 1, mark.column < 0 ? 0 : mark.column + 1, message);
    }
    [[noreturn]] void fail_at(int line, int column, const std::string& message) const {
        throw LoadError(file_, line, column, message);
    }

    SourceLocation location(const YAML::Node& at) const {
        return {file_, at.Mark().line + 1, at.Mark().column + 1};
    }

    void expect_map(const YAML::Node& node, const std::string& what) const {
        if (!node.IsMap()) fail(node, what + " must be a mapping");
    }

    void check_keys(const YAML::Node& map, const std::string& what,
                    std::initializer_list<const char*> allowed) const {
        for (const auto& kv : map) {
            std::string key = kv.first.as<std::string>();
            bool ok = std::any_of(allowed.begin(), allowed.end(),
                                  [&](const char* a) { return key == a; });
            if (!ok) {
                std::string list;
                for (const char* a : allowed)
                    list += (list.empty() ? "" : ", ") + std::string(a);
                fail(kv.first,
                     "unknown key '" + key + "' in " + what + " (expected: " + list + ")");
            }
        }
    }

    std::string required_string(const YAML::Node& map, const char* key,
                                const std::string& what) const {
        YAML::Node node = map[key];
        if (!node) fail(map, what + " requires '" + key + "'");
        return scalar(node, std::string("'") + key + "'");
    }

    std::string optional_string(const YAML::Node& map, const char* key) const {
        YAML::Node node = map[key];
        if (!node || node.IsNull()) return "";
        return scalar(node, std::string("'") + key + "'");
    }

    std::string scalar(const YAML::Node& node, const std::string& what) const {
        if (!node.IsScalar()) fail(node, what + " must be a single value");
        return node.Scalar();
    }

    bool boolean(const YAML::Node& node, const std::string& what) const {
        if (node.IsScalar()) {
            const std::string& s = node.Scalar();
            if (s == "true" || s == "True" || s == "yes") return true;
            if (s == "false" || s == "False" || s == "no") return false;
        }
        fail(node, what + " must be true or false");
    }

    std::vector<std::string> string_list(const YAML::Node& node, const std::string& what) const {
        if (!node.IsSequence()) fail(node, what + " must be a list");
        std::vector<std::string> out;
        for (const auto& item : node)
            out.push_back(scalar(item, "each item of " + what));
        return out;
    }

    FieldArg field_arg(const YAML::Node& node) const {
        FieldArg arg;
        if (node.IsNull()) return arg;
        if (node.IsScalar()) return field_arg_from_scalar_text(node.Scalar(), node.Tag() == "!");
        if (node.IsSequence()) {
            arg.is_list = true;
            for (const auto& item : node)
                arg.items.push_back(field_arg(item));
            return arg;
        }
        arg.is_dict = true;
        for (const auto& kv : node) {
            arg.dict_keys.push_back(scalar(kv.first, "a key"));
            arg.items.push_back(field_arg(kv.second));
        }
        return arg;
    }

    Field field(const std::string& name, const YAML::Node& node) const {
        if (node.IsScalar()) {
            try {
                return make_field(name, parse_field_shorthand(node.Scalar()));
            } catch (const FieldError& e) {
                YAML::Mark mark = node.Mark();
                int quote = node.Tag() == "!" ? 1 : 0;
                int column = mark.column + 1 + quote + (e.column() > 0 ? e.column() - 1 : 0);
                fail_at(mark.line + 1, column, "field '" + name + "': " + e.what());
            }
        }
        if (!node.IsMap()) fail(node, "field '" + name + "' must be Type(args) or a mapping");
        FieldSpec spec;
        YAML::Node type = node["type"];
        if (!type) fail(node, "field '" + name + "' needs 'type'");
        spec.type_name = scalar(type, "'type'");
        for (const auto& kv : node) {
            std::string key = kv.first.as<std::string>();
            if (key == "type") continue;
            spec.keywords.emplace_back(key, field_arg(kv.second));
        }
        try {
            return make_field(name, spec);
        } catch (const FieldError& e) {
            // Point at the offending key when the message names one.
            for (const auto& kv : node) {
                std::string key = kv.first.as<std::string>();
                if (std::string(e.what()).find("'" + key + "'") != std::string::npos)
                    fail(kv.first, "field '" + name + "': " + e.what());
            }
            if (std::string(e.what()).find("field type") != std::string::npos)
                fail(type, "field '" + name + "': " + e.what());
            fail(node, "field '" + name + "': " + e.what());
        }
    }

    IndexSpec index(const YAML::Node& node) const {
        expect_map(node, "an index");
        check_keys(node, "index", {"name", "columns", "unique", "where", "concurrently"});
        IndexSpec spec;
        spec.name = required_string(node, "name", "an index");
        if (!node["columns"]) fail(node, "index '" + spec.name + "' requires 'columns'");
        spec.columns = string_list(node["columns"], "'columns'");
        if (node["unique"]) spec.unique = boolean(node["unique"], "'unique'");
        spec.where = optional_string(node, "where");
        if (node["concurrently"])
            spec.concurrently = boolean(node["concurrently"], "'concurrently'");
        return spec;
    }

    OperationPtr operation(const std::string& kind, const YAML::Node& body) const;

  private:
    std::string file_;
};

OperationPtr FileReader::operation(const std::string& kind, const YAML::Node& body) const {
    expect_map(body, "'" + kind + "'");
    const std::string what = "'" + kind + "'";
    if (kind == "create_table") {
        check_keys(body, what,
                   {"table", "model", "fields", "unique_together", "indexes", "ordering"});
        auto op = std::make_shared<CreateTable>();
        op->table = required_string(body, "table", what);
        op->model = optional_string(body, "model");
        YAML::Node fields = body["fields"];
        if (!fields) fail(body, "create_table requires 'fields'");
        if (!fields.IsMap() && !(fields.IsSequence() && fields.size() == 0))
            fail(fields, "'fields' must be a mapping of column name to field");
        for (const auto& kv : fields)
            op->fields.push_back(field(scalar(kv.first, "a column name"), kv.second));
        if (YAML::Node ut = body["unique_together"]; ut && !ut.IsNull()) {
            if (!ut.IsSequence()) fail(ut, "'unique_together' must be a list of column lists");
            // Django also accepts one flat group: [a, b].
            if (ut.size() > 0 && ut[0].IsScalar())
                op->unique_together.push_back(string_list(ut, "'unique_together'"));
            else
                for (const auto& group : ut)
                    op->unique_together.push_back(string_list(group, "a unique_together group"));
        }
        if (YAML::Node indexes = body["indexes"]; indexes && !indexes.IsNull()) {
            if (!indexes.IsSequence()) fail(indexes, "'indexes' must be a list");
            for (const auto& i : indexes)
                op->indexes.push_back(index(i));
        }
        if (YAML::Node ordering = body["ordering"]; ordering && !ordering.IsNull())
            op->ordering = string_list(ordering, "'ordering'");
        return op;
    }
    if (kind == "drop_table") {
        check_keys(body, what, {"table"});
        auto op = std::make_shared<DropTable>();
        op->table = required_string(body, "table", what);
        return op;
    }
    if (kind == "add_column" || kind == "alter_column") {
        check_keys(body, what, {"table", "column", "field"});
        std::string table = required_string(body, "table", what);
        std::string column = required_string(body, "column", what);
        if (!body["field"]) fail(body, kind + " requires 'field'");
        Field f = field(column, body["field"]);
        if (kind == "add_column") {
            auto op = std::make_shared<AddColumn>();
            op->table = table;
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
        check_keys(body, what, {"table", "column"});
        auto op = std::make_shared<DropColumn>();
        op->table = required_string(body, "table", what);
        op->column = required_string(body, "column", what);
        return op;
    }
    if (kind == "rename_table") {
        check_keys(body, what, {"old", "new"});
        auto op = std::make_shared<RenameTable>();
        op->old_name = required_string(body, "old", what);
        op->new_name = required_string(body, "new", what);
        return op;
    }
    if (kind == "rename_column") {
        check_keys(body, what, {"table", "old", "new"});
        auto op = std::make_shared<RenameColumn>();
        op->table = required_string(body, "table", what);
        op->old_name = required_string(body, "old", what);
        op->new_name = required_string(body, "new", what);
        return op;
    }
    if (kind == "create_index") {
        check_keys(body, what, {"name", "table", "columns", "unique", "where", "concurrently"});
        auto op = std::make_shared<CreateIndex>();
        op->table = required_string(body, "table", what);
        YAML::Node copy = YAML::Clone(body);
        copy.remove("table");
        op->index = index(body.IsMap() ? copy : body);
        return op;
    }
    if (kind == "drop_index") {
        check_keys(body, what, {"name", "table"});
        auto op = std::make_shared<DropIndex>();
        op->name = required_string(body, "name", what);
        op->table = required_string(body, "table", what);
        return op;
    }
    if (kind == "run_sql") {
        check_keys(body, what, {"sql", "reverse_sql", "dialect"});
        auto op = std::make_shared<RunSql>();
        op->sql = required_string(body, "sql", what);
        if (YAML::Node reverse = body["reverse_sql"]; reverse && !reverse.IsNull())
            op->reverse_sql = scalar(reverse, "'reverse_sql'");
        if (YAML::Node dialect = body["dialect"]; dialect && !dialect.IsNull()) {
            std::string d = scalar(dialect, "'dialect'");
            if (d == "postgres") d = "postgresql";
            if (d == "mariadb") d = "mysql";
            if (d != "sqlite" && d != "postgresql" && d != "mysql")
                fail(dialect, "unknown dialect '" + d + "' (expected sqlite, postgresql or mysql)");
            op->dialect = d;
        }
        return op;
    }
    fail_at(0, 0, "");  // unreachable: kinds are checked by the caller
}

const std::set<std::string>& operation_kinds() {
    static const std::set<std::string> kinds = {
        "create_table", "drop_table",    "add_column",   "drop_column", "alter_column",
        "rename_table", "rename_column", "create_index", "drop_index",  "run_sql"};
    return kinds;
}

MigrationKey parse_dependency(const std::string& text, const std::string& app) {
    auto dot = text.find('.');
    if (dot == std::string::npos) return {app, text};
    return {text.substr(0, dot), text.substr(dot + 1)};
}

}  // namespace

Migration parse_migration_file(const std::string& file, const std::string& text,
                               const std::string& default_app) {
    FileReader reader(file);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        reader.fail_at(e.mark.line + 1, e.mark.column + 1, "malformed YAML: " + e.msg);
    }
    Migration m;
    m.name = fs::path(file).stem().string();
    m.location = {file, 1, 1};
    if (!root.IsMap()) {
        if (root.IsNull()) reader.fail_at(1, 1, "empty migration file (expected 'operations:')");
        reader.fail(root, "a migration file must be a mapping with 'operations:'");
    }
    reader.check_keys(root, "migration", {"app", "dependencies", "atomic", "operations"});
    m.app = default_app;
    if (YAML::Node app = root["app"]; app && !app.IsNull()) {
        std::string declared = reader.scalar(app, "'app'");
        if (default_app != "default" && declared != default_app)
            reader.fail(app, "app '" + declared + "' does not match the directory '" + default_app +
                                 "' the file is in");
        m.app = declared;
    }
    if (YAML::Node deps = root["dependencies"]; deps && !deps.IsNull()) {
        if (!deps.IsSequence()) reader.fail(deps, "'dependencies' must be a list");
        for (const auto& d : deps) {
            m.dependencies.push_back(parse_dependency(reader.scalar(d, "a dependency"), m.app));
            m.dependency_locations.push_back(reader.location(d));
        }
    }
    if (YAML::Node atomic = root["atomic"]; atomic) m.atomic = reader.boolean(atomic, "'atomic'");
    YAML::Node ops = root["operations"];
    if (!ops) reader.fail(root, "missing 'operations'");
    if (ops.IsNull()) return m;
    if (!ops.IsSequence()) reader.fail(ops, "'operations' must be a list");
    for (const auto& item : ops) {
        if (!item.IsMap() || item.size() != 1)
            reader.fail(item, "each operation must be a mapping with one key, e.g. create_table:");
        auto kv = *item.begin();
        std::string kind = reader.scalar(kv.first, "the operation name");
        if (!operation_kinds().count(kind)) {
            std::string list;
            for (const auto& k : operation_kinds())
                list += (list.empty() ? "" : ", ") + k;
            reader.fail(kv.first,
                        "unknown operation '" + kind + "' (expected one of: " + list + ")");
        }
        OperationPtr op = reader.operation(kind, kv.second);
        const_cast<Operation&>(*op).location = reader.location(kv.first);
        m.operations.push_back(std::move(op));
    }
    return m;
}

std::vector<Migration> load_migration_directory(const std::string& directory, bool allow_missing) {
    std::vector<Migration> out;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) {
        if (allow_missing && !fs::exists(directory, ec)) return out;
        throw LoadError(directory, 0, 0, "migrations directory does not exist");
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

    // Parsing dominates start-up on long histories: spread the files over the
    // cores. Each slot holds a migration or the error its file raised.
    std::vector<std::optional<Migration>> parsed(files.size());
    std::vector<std::exception_ptr> errors(files.size());
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            try {
                const auto& [path, app] = files[i];
                std::ifstream in(path, std::ios::binary);
                if (!in) throw LoadError(path, 0, 0, "cannot read the file");
                std::stringstream buffer;
                buffer << in.rdbuf();
                parsed[i] = parse_migration_file(path, buffer.str(), app);
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    std::size_t threads = std::min<std::size_t>(
        std::max(1u, std::thread::hardware_concurrency()), files.size() / 64 + 1);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
    for (auto& thread : pool) thread.join();

    // Errors and duplicates are reported in file order, as a serial load would.
    std::map<MigrationKey, std::string> seen;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (errors[i]) std::rethrow_exception(errors[i]);
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
