#include "migrate/operations/state_checks.h"

#include <algorithm>
#include <set>

#include "covet/error.h"
#include "covet/journal.h"
#include "covet/recorder.h"
#include "schema/identifier_names.h"

namespace covet {

const ModelState& require_table(const ProjectState& state, const std::string& table) {
    const ModelState* model = state.find_table(table);
    if (!model) throw MigrationError("table '" + table + "' does not exist");
    return *model;
}

void require_no_table(const ProjectState& state, const std::string& table) {
    if (state.find_table(table)) throw MigrationError("table '" + table + "' already exists");
    // covet's own bookkeeping tables (and the names it sets dropped tables
    // aside under) are not for migrations to create.
    if (table == MigrationRecorder::kTable || table == MigrationJournal::kTable ||
        table.starts_with("_covet_dropped_"))
        throw MigrationError("table name '" + table + "' is reserved for covet's own use");
}

const Field& require_field(const ModelState& model, const std::string& name) {
    const Field* f = model.find_field_or_column(name);
    if (!f) {
        std::string valid;
        for (const auto& field : model.fields)
            valid += (valid.empty() ? "" : ", ") + field.name;
        throw MigrationError("table '" + model.table + "' has no column '" + name +
                             "' (columns: " + valid + ")");
    }
    return *f;
}

Field resolve_relation(const ProjectState& state, const ModelState& owner, Field field) {
    if (!field.is_relation()) return field;
    if (field.is_many_to_many() && !field.through.empty() &&
        !state.resolve_target(field.through, owner))
        throw MigrationError("ManyToManyField '" + owner.table + "." + field.name +
                             "' names unknown through table or model '" + field.through + "'");
    if (field.to == "self" || field.to == owner.table || field.to == owner.name) {
        field.to = owner.name;
        return field;
    }
    const ModelState* target = state.resolve_target(field.to, owner);
    if (!target)
        throw MigrationError(std::string(field_type_name(field.type)) + " '" + owner.table + "." +
                             field.name + "' points to unknown table or model '" + field.to + "'");
    field.to = target->name;
    return field;
}

void check_columns_exist(const ModelState& model, const std::vector<std::string>& names,
                         const std::string& what) {
    std::set<std::string> columns;
    for (const auto& name : names) {
        const Field* f = model.find_field_or_column(name);
        if (!f || !f->has_column())
            throw MigrationError(what + " of table '" + model.table + "' names unknown column '" +
                                 name + "'");
        if (!columns.insert(f->column()).second)
            throw MigrationError(what + " of table '" + model.table + "' names column '" + name +
                                 "' twice");
    }
}

void require_no_index(const ProjectState& state, const std::string& index_name) {
    for (const ModelState* m : state.models()) {
        if (m->find_index(index_name))
            throw MigrationError("index '" + index_name + "' already exists on table '" + m->table +
                                 "'");
        if (m->find_constraint(index_name))
            throw MigrationError("name '" + index_name + "' is already a constraint of table '" +
                                 m->table + "'");
    }
}

void check_condition_fields(const ModelState& model, const Condition& condition,
                            const std::string& what) {
    for (const auto& use : condition.names()) {
        const Field* f = model.find_field_or_column(use.name);
        if (f && f->has_column()) continue;
        std::string valid;
        for (const Field* field : model.concrete_fields())
            valid += (valid.empty() ? "" : ", ") + field->name;
        const std::string message = what + " of table '" + model.table + "' names unknown field '" +
                                    use.name + "' (fields: " + valid + ")";
        const Condition::Origin at = condition.position_of(use.column);
        if (at.file.empty()) throw MigrationError(message);
        throw LoadError(at.file, at.line, at.column, message);
    }
}

}  // namespace covet

namespace covet {

namespace {

struct GeneratedName {
    std::string name;
    std::string what;  // "the index db_index makes for column t.c"
};

// The index and unique-constraint names covet derives for a model, fitted to
// each limit a dialect uses (they differ only for long names).
std::vector<GeneratedName> generated_index_names(const ModelState& model) {
    std::vector<GeneratedName> out;
    auto add = [&](auto make, const std::vector<std::string>& columns, const std::string& what) {
        for (std::size_t limit : {63, 64}) {
            std::string name = make(model.table, columns, limit);
            if (out.empty() || out.back().name != name) out.push_back({name, what});
        }
    };
    for (const Field& f : model.fields) {
        if (!f.has_column()) continue;
        const std::string column = model.table + "." + f.column();
        if (f.wants_index())
            add(index_name, {f.column()}, "the index db_index makes for column " + column);
        if (f.unique && !f.primary_key)
            add(unique_name, {f.column()}, "the unique constraint of column " + column);
    }
    for (const auto& group : model.unique_together) {
        std::vector<std::string> columns;
        for (const auto& name : group)
            columns.push_back(model.column_for(name));
        add(unique_name, columns, "a unique_together constraint of table " + model.table);
    }
    return out;
}

// Whether any of `names` may be a name derived from `table`: derived names
// start with the table name, or its first 54 characters when hashed to fit.
bool may_derive_from(const std::string& table, const std::set<std::string>& names) {
    const std::string prefix = table.substr(0, std::min<std::size_t>(table.size(), 54));
    return std::any_of(names.begin(), names.end(),
                       [&](const std::string& n) { return n.starts_with(prefix); });
}

[[noreturn]] void index_name_taken(const std::string& name, const std::string& table,
                                   const std::string& by) {
    throw MigrationError("index name '" + name + "' of table '" + table + "' is already " + by +
                         "; choose another name");
}

}  // namespace

void require_distinct_index_names(const ProjectState& state, const std::string& table) {
    const ModelState& changed = state.table(table);
    const std::vector<GeneratedName> generated = generated_index_names(changed);
    // Named constraints (add_constraint) share the namespace of indexes.
    std::vector<std::string> own_names;
    for (const auto& index : changed.indexes)
        own_names.push_back(index.name);
    for (const auto& constraint : changed.constraints)
        own_names.push_back(constraint.name);
    std::set<std::string> explicit_names;
    for (const auto& name : own_names) {
        if (!explicit_names.insert(name).second)
            index_name_taken(name, table, "used by another index or constraint of the table");
        for (const auto& g : generated)
            if (g.name == name) index_name_taken(name, table, g.what);
    }
    for (const ModelState* other : state.models()) {
        if (other == &changed) continue;
        for (const auto& index : other->indexes) {
            if (explicit_names.count(index.name))
                index_name_taken(index.name, table,
                                 "the name of an index on table '" + other->table + "'");
            for (const auto& g : generated)
                if (g.name == index.name) index_name_taken(index.name, other->table, g.what);
        }
        if (explicit_names.empty() || !may_derive_from(other->table, explicit_names)) continue;
        for (const auto& g : generated_index_names(*other))
            if (explicit_names.count(g.name)) index_name_taken(g.name, table, g.what);
    }
}

void check_ordering(const ModelState& model) {
    for (const auto& entry : model.ordering) {
        if (entry == "?") continue;
        std::string name = entry.starts_with("-") ? entry.substr(1) : entry;
        name = name.substr(0, name.find("__"));
        if (name == "pk" || model.find_field_or_column(name)) continue;
        std::string valid;
        for (const auto& field : model.fields)
            valid += (valid.empty() ? "" : ", ") + field.name;
        throw MigrationError("ordering of table '" + model.table + "' names unknown field '" +
                             entry + "' (fields: " + valid + ")");
    }
}

}  // namespace covet
