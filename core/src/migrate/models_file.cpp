// Reads a models file with the migration reader's create_table, so every
// error points at file:line:column as a migration file's would.
#include "covet/models_file.h"

#include <fstream>
#include <iterator>
#include <memory>

#include "covet/error.h"
#include "migrate/migration_file_reader.h"

namespace covet {

namespace {

struct Definition {
    std::shared_ptr<const CreateTable> op;
    yaml::Node node;
};

std::string model_name_of(const CreateTable& op) {
    return op.model.empty() ? model_name_for_table(op.table) : op.model;
}

bool target_known(const ProjectState& state, const CreateTable& op, const std::string& to) {
    return to == "self" || to == op.table || to == model_name_of(op) || state.find_table(to) ||
           state.find_model(to);
}

// The first relation whose target is not in the state yet, or null.
const Field* unresolved_relation(const ProjectState& state, const CreateTable& op) {
    for (const Field& f : op.fields)
        if (f.is_relation() && !target_known(state, op, f.to)) return &f;
    return nullptr;
}

void apply(ProjectState& state, const Definition& d, const std::string& app,
           const MigrationFileReader& reader) {
    if (const Field* missing = unresolved_relation(state, *d.op)) {
        yaml::Node at = d.node["fields"][missing->name];
        reader.fail(at ? at : d.node, "field '" + missing->name + "' of table '" + d.op->table +
                                          "' points at model '" + missing->to +
                                          "', which the models file does not define");
    }
    try {
        d.op->state_forwards(app, state);
    } catch (const LoadError&) {
        throw;
    } catch (const MigrationError& e) {
        reader.fail(d.node, e.what());
    }
}

// Each model after the models it points at; a model whose targets never
// appear (undefined, or a cycle) is applied as it is, to report the first.
void apply_in_dependency_order(ProjectState& state, std::vector<Definition> pending,
                               const std::string& app, const MigrationFileReader& reader) {
    while (!pending.empty()) {
        auto ready = pending.begin();
        while (ready != pending.end() && unresolved_relation(state, *ready->op))
            ++ready;
        if (ready == pending.end()) ready = pending.begin();
        apply(state, *ready, app, reader);
        pending.erase(ready);
    }
}

// A ManyToManyField through a model needs that model, which points back at
// the owner: each such field is taken out of its table's definition and
// added once every table exists (as a migration's add_column would).
struct ThroughField {
    std::string table;
    Field field;
    yaml::Node node;
};

std::vector<ThroughField> take_through_fields(std::vector<Definition>& definitions) {
    std::vector<ThroughField> later;
    for (Definition& d : definitions) {
        auto op = std::make_shared<CreateTable>(*d.op);
        op->fields.clear();
        for (const Field& f : d.op->fields) {
            if (!f.is_many_to_many() || f.through.empty()) {
                op->fields.push_back(f);
                continue;
            }
            yaml::Node at = d.node["fields"][f.name];
            later.push_back({op->table, f, at ? at : d.node});
        }
        d.op = std::move(op);
    }
    return later;
}

void add_through_fields(ProjectState& state, const std::vector<ThroughField>& later,
                        const std::string& app, const MigrationFileReader& reader) {
    for (const ThroughField& t : later) {
        AddColumn add;
        add.table = t.table;
        add.field = t.field;
        try {
            add.state_forwards(app, state);
        } catch (const MigrationError& e) {
            reader.fail(t.node, e.what());
        }
    }
}

}  // namespace

ProjectState parse_models_file(const std::string& file, const std::string& text,
                               const std::string& default_app) {
    yaml::Document document = yaml::Document::parse(text, file);
    yaml::Node root = document.root();
    MigrationFileReader reader(file);
    if (root.is_null()) reader.fail_at(1, 1, "a models file needs 'models:' (a list of tables)");
    reader.expect_map(root, "a models file");
    reader.check_keys(root, "a models file", {"app", "models"});
    std::string app = reader.optional_string(root, "app");
    if (app.empty()) app = default_app;
    yaml::Node models = root["models"];
    if (!models) reader.fail(root, "a models file needs 'models:' (a list of tables)");
    std::vector<Definition> definitions;
    if (!models.is_null()) {
        if (!models.is_sequence()) reader.fail(models, "'models' must be a list of tables");
        for (yaml::Node item : models.items())
            definitions.push_back({reader.model_definition(item), item});
    }
    std::vector<ThroughField> later = take_through_fields(definitions);
    ProjectState state;
    apply_in_dependency_order(state, std::move(definitions), app, reader);
    add_through_fields(state, later, app, reader);
    return state;
}

ProjectState load_models_file(const std::string& path, const std::string& default_app) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LoadError(path, 0, 0, "cannot read the models file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_models_file(path, text, default_app);
}

}  // namespace covet
