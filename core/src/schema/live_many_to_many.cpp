// Many-to-many through tables in a live schema: a table with exactly the
// shape ProjectState::through_model gives is the ManyToManyField of its
// owner, not a model of its own; one Django created (the same columns and
// unique pair, its own ON DELETE and index names) is the field's explicit
// through model.
#include <algorithm>
#include <cctype>
#include <set>

#include "schema/live_state_parts.h"
#include "util/text_case.h"

namespace covet {

namespace {

const IntrospectedForeignKey* foreign_key_of(const IntrospectedTable& table,
                                             const std::string& column) {
    for (const auto& fk : table.foreign_keys)
        if (fk.column == column) return &fk;
    return nullptr;
}

bool has_unique_pair(const IntrospectedTable& table, const std::string& a, const std::string& b) {
    return std::any_of(table.indexes.begin(), table.indexes.end(), [&](const auto& index) {
        return index.unique && index.where.empty() &&
               (index.columns == std::vector<std::string>{a, b} ||
                index.columns == std::vector<std::string>{b, a});
    });
}

std::optional<std::string> key_name(const std::string& column, const std::string& prefix) {
    const std::string suffix = "_id";
    if (column.size() <= prefix.size() + suffix.size() || column.rfind(prefix, 0) != 0 ||
        column.compare(column.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    return column.substr(prefix.size(), column.size() - prefix.size() - suffix.size());
}

// What a through table says: its owner and target tables, the field name
// and the lower-case model names its columns are made of.
struct ThroughShape {
    std::string owner, target, field, owner_model, target_model;
};

std::optional<ThroughShape> through_shape(const IntrospectedTable& t) {
    if (t.columns.size() != 3 || t.foreign_keys.size() != 2) return std::nullopt;
    const auto& id = t.columns[0];
    if (id.name != "id" || !id.primary_key || !id.auto_increment) return std::nullopt;
    const auto *from = foreign_key_of(t, t.columns[1].name),
               *to = foreign_key_of(t, t.columns[2].name);
    if (!from || !to || t.columns[1].nullable || t.columns[2].nullable) return std::nullopt;
    if (!has_unique_pair(t, from->column, to->column)) return std::nullopt;
    const std::string& owner = from->target_table;
    if (t.name.size() <= owner.size() + 1 || t.name.rfind(owner + "_", 0) != 0) return std::nullopt;
    const bool self = owner == to->target_table;
    auto a = key_name(from->column, self ? "from_" : ""),
         b = key_name(to->column, self ? "to_" : "");
    if (!a || !b || (self && *a != *b)) return std::nullopt;
    return ThroughShape{owner, to->target_table, t.name.substr(owner.size() + 1), *a, *b};
}

// Gives `model` the name the through table implies (first come, first
// named); false when an earlier through table named it otherwise.
bool name_model(ModelState& model, const std::string& lower_name, std::set<std::string>& named) {
    if (named.count(model.table)) return to_lower(model.name) == lower_name;
    model.name = lower_name;
    model.name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(model.name[0])));
    named.insert(model.table);
    return true;
}

// The shape ProjectState::through_model gives: both keys CASCADE, each
// with the index covet names for db_index.
bool made_by_covet(const ModelState& through) {
    return std::all_of(through.fields.begin(), through.fields.end(), [](const Field& f) {
        return f.type != FieldType::ForeignKey || (f.on_delete == OnDelete::Cascade && f.db_index);
    });
}

}  // namespace

std::map<std::string, ModelState> fold_through_tables(
    std::map<std::string, IntrospectedTable> tables, std::map<std::string, ModelState> models) {
    std::set<std::string> named;
    for (const auto& [name, table] : tables) {
        auto shape = through_shape(table);
        if (!shape || !models.count(shape->owner) || !models.count(shape->target)) continue;
        if (shape->owner == name || shape->target == name) continue;
        ModelState& owner = models.at(shape->owner);
        if (owner.find_field_or_column(shape->field)) continue;
        ModelState& target = models.at(shape->target);
        // Check both names before giving either, so a refusal changes nothing.
        if ((named.count(owner.table) && to_lower(owner.name) != shape->owner_model) ||
            (named.count(target.table) && to_lower(target.name) != shape->target_model))
            continue;
        name_model(owner, shape->owner_model, named);
        name_model(target, shape->target_model, named);
        Field m2m;
        m2m.name = shape->field;
        m2m.type = FieldType::ManyToManyField;
        m2m.to = shape->target;
        // Another tool's through table (Django's has no ON DELETE and its own
        // index names) stays a model, named as the field's explicit through.
        const bool covet_made = made_by_covet(models.at(name));
        if (!covet_made) m2m.through = name;
        owner.fields.push_back(std::move(m2m));
        if (covet_made) models.erase(name);
    }
    return models;
}

}  // namespace covet
