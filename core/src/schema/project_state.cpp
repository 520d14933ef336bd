#include <algorithm>
#include <cctype>

#include "covet/error.h"
#include "covet/model_state.h"
#include "util/text_case.h"

namespace covet {

const ModelState* ProjectState::find_table(const std::string& table_name) const {
    auto it = models_.find(table_name);
    return it == models_.end() ? nullptr : it->second.get();
}

const ModelState* ProjectState::find_model(const std::string& model_name) const {
    for (const auto& [table_name, model] : models_)
        if (model->name == model_name) return model.get();
    // Django model references are case-insensitive.
    const std::string wanted = to_lower(model_name);
    for (const auto& [table_name, model] : models_)
        if (to_lower(model->name) == wanted) return model.get();
    return nullptr;
}

const ModelState* ProjectState::resolve_target(const std::string& target,
                                               const ModelState& from) const {
    if (target == "self") return find_table(from.table);
    if (const ModelState* m = find_table(target)) return m;
    return find_model(target);
}

const ModelState& ProjectState::table(const std::string& table_name) const {
    const ModelState* m = find_table(table_name);
    if (!m)
        throw MigrationError("table '" + table_name + "' does not exist in the migration state");
    return *m;
}

void ProjectState::put(ModelState model) {
    std::string key = model.table;
    models_[key] = std::make_shared<ModelState>(std::move(model));  // not const: see edit()
    if (tracking_) changed_.push_back(std::move(key));
}

void ProjectState::remove(const std::string& table_name) {
    models_.erase(table_name);
}

ModelState& ProjectState::edit(const std::string& table_name) {
    auto it = models_.find(table_name);
    if (it == models_.end())
        throw MigrationError("table '" + table_name + "' does not exist in the migration state");
    if (tracking_) changed_.push_back(table_name);
    // Copy on write: other states sharing this model keep the old version.
    // A model no other state holds is edited in place, so replaying a long
    // history does not copy a table per column added to it. (ProjectState
    // is not shared between threads, so the count cannot change under us.)
    if (it->second.use_count() == 1) return const_cast<ModelState&>(*it->second);
    auto copy = std::make_shared<ModelState>(*it->second);
    ModelState& ref = *copy;
    it->second = std::move(copy);
    return ref;
}

std::vector<const ModelState*> ProjectState::models() const {
    std::vector<const ModelState*> out;
    out.reserve(models_.size());
    for (const auto& [table_name, model] : models_)
        out.push_back(model.get());
    return out;
}

ModelState ProjectState::through_model(const ModelState& owner, const Field& m2m) const {
    const ModelState* target = resolve_target(m2m.to, owner);
    if (!target)
        throw MigrationError("ManyToManyField '" + owner.table + "." + m2m.name +
                             "' points to unknown model '" + m2m.to + "'");
    ModelState through;
    through.app = owner.app;
    through.table = owner.table + "_" + m2m.name;
    through.name = owner.name + "_" + m2m.name;
    through.auto_created = true;

    Field id;
    id.name = "id";
    id.type = FieldType::AutoField;
    id.primary_key = true;
    through.fields.push_back(id);

    std::string from_name = to_lower(owner.name);
    std::string to_name = to_lower(target->name);
    if (target->table == owner.table) {
        from_name = "from_" + from_name;
        to_name = "to_" + to_name;
    }
    for (const auto& [fk_name, fk_target] :
         {std::pair{from_name, owner.table}, std::pair{to_name, target->table}}) {
        Field fk;
        fk.name = fk_name;
        fk.type = FieldType::ForeignKey;
        fk.to = fk_target;
        fk.on_delete = OnDelete::Cascade;
        fk.db_index = true;  // Django indexes both columns of a through table
        through.fields.push_back(fk);
    }
    through.unique_together.push_back({from_name, to_name});
    return through;
}

std::vector<std::pair<const ModelState*, const Field*>> ProjectState::references_to(
    const std::string& table_name) const {
    std::vector<std::pair<const ModelState*, const Field*>> out;
    for (const auto& [key, model] : models_)
        for (const auto& f : model->fields) {
            if (f.type != FieldType::ForeignKey) continue;
            const ModelState* target = resolve_target(f.to, *model);
            if (target && target->table == table_name) out.emplace_back(model.get(), &f);
        }
    return out;
}

}  // namespace covet
