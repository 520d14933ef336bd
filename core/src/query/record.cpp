// A Record's fields: defaults, typed get/set by attribute or column name,
// annotations, the caches the query engine fills, equality by primary key.
#include "covet/record.h"

#include "covet/error.h"
#include "query/field_slots.h"
#include "query/field_value.h"
#include "query/field_value_kinds.h"
#include "query/key_field.h"
#include "query/record_support.h"
#include "query/row_writer.h"

namespace covet {

namespace {

std::string field_names(const ModelState& model) {
    std::string names;
    for (const Field& field : model.fields)
        names += (names.empty() ? "" : ", ") + field.name;
    return names;
}

}  // namespace

Record::Record(Database db, Models models, const ModelState& model)
    : db_(std::move(db)), models_(std::move(models)), model_(&model) {
    bind_slots();
    if (const Row* defaults = slots_->defaults()) {
        values_ = *defaults;
        return;
    }
    values_.reserve(slots_->fields().size());
    for (const Field* field : slots_->fields())
        values_.push_back(default_of(*field));  // throws, saying which default is wrong
}

Record::Record(Database db, Models models, const ModelState& model, Row values,
               std::vector<bool> loaded)
    : db_(std::move(db)),
      models_(std::move(models)),
      model_(&model),
      values_(std::move(values)),
      loaded_(std::move(loaded)),
      adding_(false) {
    bind_slots();
}

Record::Record(Database db, Models models, const ModelState& model, const FieldSlots& slots,
               Row values, const std::vector<bool>& loaded)
    : db_(std::move(db)),
      models_(std::move(models)),
      model_(&model),
      slots_(&slots),
      values_(std::move(values)),
      loaded_(loaded),
      adding_(false) {}

void Record::bind_slots() {
    slots_ = models_.slots(*model_);
    if (slots_) return;
    own_slots_ = std::make_shared<const FieldSlots>(*model_);
    slots_ = own_slots_.get();
}

Record::Caches& Record::caches() const {
    if (!caches_) caches_ = std::make_shared<Caches>();
    return *caches_;
}

std::optional<std::size_t> Record::find_index(const std::string& name) const {
    return slots_->find(name);
}

std::size_t Record::index_of(const std::string& name) const {
    if (auto index = find_index(name)) return *index;
    if (const Field* field = model_->find_field(name); field && field->is_many_to_many())
        throw QueryError("'" + model_->name + "." + name +
                         "' is a many-to-many set: use its manager (manager(\"" + name + "\"))");
    throw QueryError("'" + model_->name + "' has no field '" + name +
                     "'; the fields are: " + field_names(*model_));
}

const Field& Record::field_at(std::size_t index) const {
    if (index < slots_->fields().size()) return *slots_->fields()[index];
    throw QueryError("no column " + std::to_string(index) + " in '" + model_->name + "'");
}

const Value& Record::get(const std::string& name) const {
    return get_named(name);
}

const Value& Record::get(const char* name) const {
    return get_named(name);
}

const Value& Record::get_named(std::string_view name) const {
    if (const std::size_t index = slots_->slot(name); index != FieldSlots::npos) {
        if (!loaded_.empty() && !loaded_[index]) load_deferred(index);
        return values_[index];
    }
    for (const auto& [alias, value] : annotations_)
        if (alias == name) return value;
    return values_[index_of(std::string(name))];  // throws, naming the fields
}

// Django's DeferredAttribute: the field alone, read when first used.
void Record::load_deferred(std::size_t index) const {
    const Field& field = field_at(index);
    const RowWriter writer(db_.dialect(), *model_);
    const CompiledSql select = writer.select_by_pk({&field}, pk());
    ResultSet result = db_.connection().query(select.sql, select.params);
    if (result.rows.empty()) throw_does_not_exist(*model_);
    values_[index] = value_from_db(key_kind_field(models_.state(), *model_, field),
                                   std::move(result.rows.front().front()));
    loaded_[index] = true;
}

const Value& Record::value_at(std::size_t slot) const {
    field_at(slot);  // throws for a slot out of range
    if (!loaded_.empty() && !loaded_[slot]) load_deferred(slot);
    return values_[slot];
}

void Record::store_at(std::size_t slot, Value value) {
    const Field& field = field_at(slot);
    values_[slot] = std::move(value);
    if (!loaded_.empty()) loaded_[slot] = true;
    if (field.type == FieldType::ForeignKey && caches_) caches_->forget_related(field.name);
}

void Record::set(const std::string& name, Value value) {
    const std::size_t index = index_of(name);
    const Field& field = field_at(index);
    // A key to a typed key is held as its target's (Django's
    // target_field.get_db_prep_value): a UUID key given as text is a Uuid.
    const Field* kind = &field;
    if (field.type == FieldType::ForeignKey) {
        const Field& key = key_kind_field(models_.state(), *model_, field);
        if (typed_kind_of(key.type)) kind = &key;
    }
    values_[index] = value.is_null() ? Value() : value_for_db(*kind, std::move(value));
    if (!loaded_.empty()) loaded_[index] = true;
    if (field.type == FieldType::ForeignKey && caches_) caches_->forget_related(field.name);
}

void Record::set(const std::string& name, const Record& related) {
    const std::size_t index = index_of(name);
    const Field& field = field_at(index);
    if (field.type != FieldType::ForeignKey)
        throw QueryError("'" + model_->name + "." + field.name +
                         "' is no foreign key: give it a value, not a record");
    const ModelState* target = models_.state().resolve_target(field.to, *model_);
    if (target && target->table != related.model().table)
        throw QueryError("'" + model_->name + "." + field.name + "' must be a '" + target->name +
                         "' record, not a '" + related.model().name + "' record");
    Value key = related.pk();
    if (key.is_null())
        throw QueryError("save() prohibited to prevent data loss due to unsaved related object '" +
                         field.name + "'");
    values_[index] = std::move(key);
    if (!loaded_.empty()) loaded_[index] = true;
    std::optional<Record> copy = related;  // taken before the cache's list may grow
    caches().related_slot(field.name) = std::move(copy);
}

Value Record::pk() const {
    const auto index = slots_->pk();
    return index ? values_[*index] : Value();
}

void Record::set_annotation(const std::string& name, Value value) {
    for (auto& [alias, existing] : annotations_)
        if (alias == name) {
            existing = std::move(value);
            return;
        }
    annotations_.emplace_back(name, std::move(value));
}

void Record::cache_related(const std::string& field, std::optional<Record> related) const {
    caches().related_slot(field) = std::move(related);
}

void Record::cache_prefetched(const std::string& accessor, std::vector<Record> records) const {
    caches().prefetched[accessor] = std::move(records);
}

const std::vector<Record>* Record::prefetched(const std::string& accessor) const {
    if (!caches_) return nullptr;
    auto it = caches_->prefetched.find(accessor);
    return it == caches_->prefetched.end() ? nullptr : &it->second;
}

void Record::forget_prefetched(const std::string& accessor) const {
    if (caches_) caches_->prefetched.erase(accessor);
}

// Django's Model.__eq__: same concrete model and a primary key that is set;
// an unsaved record equals only itself.
bool Record::operator==(const Record& other) const {
    if (model_->table != other.model_->table) return false;
    const Value mine = pk();
    if (mine.is_null()) return this == &other;
    return mine == other.pk();
}

}  // namespace covet
