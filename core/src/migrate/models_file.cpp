// Reads a models file with the migration reader's create_table, so every
// error points at file:line:column as a migration file's would.
#include "covet/models_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>

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

void apply(ProjectState& state, const Operation& op, yaml::Node node, const std::string& app,
           const MigrationFileReader& reader) {
    try {
        op.state_forwards(app, state);
    } catch (const LoadError&) {
        throw;
    } catch (const MigrationError& e) {
        reader.fail(node, e.what());
    }
}

[[noreturn]] void fail_missing_target(const Definition& d, const Field& missing,
                                      const MigrationFileReader& reader) {
    yaml::Node at = d.node["fields"][missing.name];
    reader.fail(at ? at : d.node, "field '" + missing.name + "' of table '" + d.op->table +
                                      "' points at model '" + missing.to +
                                      "', which the models file does not define");
}

bool uses_any(const std::vector<std::string>& names, const std::set<std::string>& fields) {
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return fields.count(n) > 0; });
}

// A model of a cycle of foreign keys: created without its keys into the
// cycle (and what uses them), which come back once every model exists.
struct Completion {
    std::shared_ptr<const CreateTable> full;
    yaml::Node node;
};

std::shared_ptr<CreateTable> without_unresolved(const ProjectState& state, const CreateTable& op) {
    auto part = std::make_shared<CreateTable>(op);
    std::set<std::string> left_out;
    part->fields.clear();
    for (const Field& f : op.fields) {
        bool unresolved = f.is_relation() && !target_known(state, op, f.to);
        if (unresolved) left_out.insert(f.name);
        if (!unresolved) part->fields.push_back(f);
    }
    std::erase_if(part->unique_together, [&](const auto& g) { return uses_any(g, left_out); });
    std::erase_if(part->indexes, [&](const IndexSpec& i) { return uses_any(i.columns, left_out); });
    part->ordering.clear();
    return part;
}

void complete(ProjectState& state, const Completion& c, const std::string& app,
              const MigrationFileReader& reader) {
    for (const Field& f : c.full->fields) {
        if (state.table(c.full->table).find_field(f.name)) continue;
        auto add = std::make_shared<AddColumn>();
        add->table = c.full->table;
        add->field = f;
        apply(state, *add, c.node, app, reader);
    }
    ModelState& again = state.edit(c.full->table);
    again.unique_together = c.full->unique_together;
    again.ordering = c.full->ordering;
    for (const IndexSpec& index : c.full->indexes) {
        if (state.table(c.full->table).find_index(index.name)) continue;
        auto create = std::make_shared<CreateIndex>();
        create->table = c.full->table;
        create->index = index;
        apply(state, *create, c.node, app, reader);
    }
}

// Each model after the models it points at. When none is ready, every
// model left points at another: a target defined nowhere is an error, else
// it is a cycle, broken at the first model.
void apply_in_dependency_order(ProjectState& state, std::vector<Definition> pending,
                               const std::string& app, const MigrationFileReader& reader) {
    std::vector<Completion> completions;
    while (!pending.empty()) {
        auto ready = std::find_if(pending.begin(), pending.end(), [&](const Definition& d) {
            return !unresolved_relation(state, *d.op);
        });
        if (ready != pending.end()) {
            apply(state, *ready->op, ready->node, app, reader);
            pending.erase(ready);
            continue;
        }
        ProjectState all = state;
        for (const Definition& d : pending) {
            ModelState stand_in;
            stand_in.app = app;
            stand_in.name = model_name_of(*d.op);
            stand_in.table = d.op->table;
            all.put(std::move(stand_in));
        }
        for (const Definition& d : pending)
            if (const Field* missing = unresolved_relation(all, *d.op))
                fail_missing_target(d, *missing, reader);
        apply(state, *without_unresolved(state, *pending.front().op), pending.front().node, app,
              reader);
        completions.push_back({pending.front().op, pending.front().node});
        pending.erase(pending.begin());
    }
    for (const Completion& c : completions)
        complete(state, c, app, reader);
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
        apply(state, add, t.node, app, reader);
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
    std::error_code error;
    if (std::filesystem::is_directory(path, error))
        throw LoadError(path, 0, 0, "is a directory, not a models file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LoadError(path, 0, 0, "cannot read the models file");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_models_file(path, text, default_app);
}

}  // namespace covet
