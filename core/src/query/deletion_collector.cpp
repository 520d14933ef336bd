// Collecting what a delete removes or changes (Django's Collector.collect).
#include "query/deletion_collector.h"

#include <algorithm>

#include "covet/error.h"
#include "query/record_support.h"
#include "query/row_writer.h"

namespace covet {

namespace {

std::string key_text(const Value& key) {
    return key.to_string();
}

// Through models of auto-created many-to-many tables are handled as links;
// an explicit through model is a model of its own with foreign keys.
bool auto_links(const RelationEnd& end) {
    return end.kind == RelationKind::ManyToMany && end.field->through.empty();
}

}  // namespace

DeletionCollector::DeletionCollector(Database db, Models models)
    : db_(std::move(db)), models_(std::move(models)) {}

void DeletionCollector::collect(const ModelState& model, const std::vector<Value>& keys) {
    std::vector<Value> fresh = add(model, keys, nullptr, false);
    if (!fresh.empty()) collect_related(model, fresh);
    check_restricted(model);
}

std::vector<Value> DeletionCollector::add(const ModelState& model, const std::vector<Value>& keys,
                                          const ModelState* source, bool nullable) {
    auto it = std::find_if(data_.begin(), data_.end(),
                           [&](const Collected& c) { return c.model->table == model.table; });
    if (it == data_.end()) {
        data_.push_back(Collected{&model, {}, {}});
        it = std::prev(data_.end());
    }
    std::vector<Value> fresh;
    for (const Value& key : keys)
        if (it->seen.insert(key_text(key)).second) fresh.push_back(key);
    it->keys.insert(it->keys.end(), fresh.begin(), fresh.end());
    // A nullable key is set to NULL first, so it orders nothing (Django).
    if (source && !nullable) dependencies_[source->table].insert(model.table);
    return fresh;
}

void DeletionCollector::collect_related(const ModelState& model, const std::vector<Value>& keys) {
    Protecting protecting;
    for (const RelationEnd& end : models_.state().relations().reverse_of(model))
        if (end.kind != RelationKind::ManyToMany) follow(model, end, keys, protecting);
    if (!protecting.empty()) throw_protected(model, protecting, "protected");
    collect_links(model, keys);
}

// One ForeignKey pointing at the collected rows `keys` of `model`, by its
// on_delete (Django's CASCADE, PROTECT, RESTRICT, SET_NULL, SET_DEFAULT).
void DeletionCollector::follow(const ModelState& model, const RelationEnd& end,
                               const std::vector<Value>& keys, Protecting& protecting) {
    const Field& field = *end.field;
    const ModelState& related = *end.declared_on;
    if (field.on_delete == OnDelete::DoNothing) return;
    if (field.on_delete == OnDelete::Cascade && can_fast_delete(related)) {
        fast_deletes_.push_back(FastDelete{&related, field.column(), keys});
        return;
    }
    std::vector<Value> rows = keys_where(related, field.column(), keys);
    if (rows.empty()) return;
    switch (field.on_delete) {
        case OnDelete::Cascade: {
            std::vector<Value> fresh = add(related, rows, &model, field.null);
            // Where constraints cannot wait for the commit, a nullable key
            // is cleared first so that the order of the deletes does not matter.
            if (field.null && !db_.dialect().features().supports_deferrable_foreign_keys)
                field_updates_.push_back(FieldUpdate{&related, &field, Value(), rows});
            if (!fresh.empty()) collect_related(related, fresh);
            break;
        }
        case OnDelete::Protect: {
            std::vector<std::string> names;
            for (const Value& row : rows)
                names.push_back(related.name + " " + key_text(row));
            protecting.emplace_back("'" + related.name + "." + field.name + "'", std::move(names));
            break;
        }
        case OnDelete::Restrict:
            restricted_.push_back(Restricted{&related, &field, std::move(rows)});
            dependencies_[model.table].insert(related.table);
            break;
        case OnDelete::SetNull:
            field_updates_.push_back(FieldUpdate{&related, &field, Value(), std::move(rows)});
            break;
        case OnDelete::SetDefault:
            field_updates_.push_back(FieldUpdate{
                &related, &field, field.typed_default().value_or(Value()), std::move(rows)});
            break;
        case OnDelete::DoNothing:
            break;
    }
}

const ModelState& DeletionCollector::through_of(const ModelState& owner, const Field& field) {
    const std::string table = owner.table + "_" + field.name;
    for (const ModelState& through : through_models_)
        if (through.table == table) return through;
    through_models_.push_back(models_.state().through_model(owner, field));
    return through_models_.back();
}

// The links of the rows in auto-created many-to-many tables: the through
// model's foreign keys cascade, and nothing points at a through row.
void DeletionCollector::collect_links(const ModelState& model, const std::vector<Value>& keys) {
    const RelationIndex& relations = models_.state().relations();
    for (const RelationEnd& end : relations.forward_of(model)) {
        if (!auto_links(end)) continue;
        const ModelState& through = through_of(model, *end.field);
        fast_deletes_.push_back(FastDelete{&through, through.fields[1].column(), keys});
    }
    for (const RelationEnd& end : relations.reverse_of(model)) {
        if (!auto_links(end)) continue;
        const ModelState& through = through_of(*end.declared_on, *end.field);
        fast_deletes_.push_back(FastDelete{&through, through.fields[2].column(), keys});
    }
}

// Django's can_fast_delete: nothing points at the model's rows but keys
// that do nothing on delete, so they go in one statement unread.
bool DeletionCollector::can_fast_delete(const ModelState& model) const {
    const RelationIndex& relations = models_.state().relations();
    for (const RelationEnd& end : relations.forward_of(model))
        if (auto_links(end)) return false;
    for (const RelationEnd& end : relations.reverse_of(model)) {
        if (auto_links(end)) return false;
        if (end.kind != RelationKind::ManyToMany && end.field->on_delete != OnDelete::DoNothing)
            return false;
    }
    return true;
}

std::vector<Value> DeletionCollector::keys_where(const ModelState& model, const std::string& column,
                                                 const std::vector<Value>& keys) const {
    const Field* pk = model.primary_key();
    const RowWriter writer(db_.dialect(), model);
    const std::size_t per_statement = rows_per_statement(db_.dialect(), 1, 0);
    std::vector<Value> out;
    for (std::size_t start = 0; start < keys.size(); start += per_statement) {
        const std::vector<Value> batch(keys.begin() + start,
                                       keys.begin() + std::min(keys.size(), start + per_statement));
        const CompiledSql select = writer.select_where_in({pk}, column, batch);
        for (Row& row : db_.connection().query(select.sql, select.params).rows)
            out.push_back(values_from_db({pk}, std::move(row)).front());
    }
    return out;
}

// Django's RESTRICT: refused unless the restricted rows are deleted anyway,
// through another relation that cascades to them.
void DeletionCollector::check_restricted(const ModelState& model) const {
    Protecting restricting;
    for (const Restricted& r : restricted_) {
        std::set<std::string> deleted;
        for (const Collected& c : data_)
            if (c.model->table == r.model->table) deleted.insert(c.seen.begin(), c.seen.end());
        for (const FastDelete& fast : fast_deletes_)
            if (fast.model->table == r.model->table)
                for (const Value& key : keys_where(*fast.model, fast.column, fast.keys))
                    deleted.insert(key_text(key));
        std::vector<std::string> names;
        for (const Value& key : r.keys)
            if (!deleted.count(key_text(key))) names.push_back(r.model->name + " " + key_text(key));
        if (!names.empty())
            restricting.emplace_back("'" + r.model->name + "." + r.field->name + "'",
                                     std::move(names));
    }
    if (!restricting.empty()) throw_protected(model, restricting, "restricted");
}

void DeletionCollector::throw_protected(const ModelState& model, const Protecting& protecting,
                                        const char* kind) const {
    std::string relations, listed;
    std::vector<std::string> rows;
    for (const auto& [relation, names] : protecting) {
        relations += (relations.empty() ? "" : ", ") + relation;
        for (const std::string& name : names) {
            if (rows.size() < 20) listed += (listed.empty() ? "" : ", ") + name;
            rows.push_back(name);
        }
    }
    if (rows.size() > 20) listed += " and " + std::to_string(rows.size() - 20) + " more";
    throw ProtectedError("Cannot delete some instances of model '" + model.name +
                             "' because they are referenced through " + kind +
                             " foreign keys: " + relations + ". Referencing rows: " + listed + ".",
                         std::move(rows));
}

}  // namespace covet
