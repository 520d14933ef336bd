#include "query/record_reader.h"

#include <algorithm>
#include <optional>

#include "covet/error.h"
#include "query/field_value.h"

namespace covet {

namespace {

std::size_t slot_of(const ModelState& model, const std::vector<const Field*>& fields,
                    const Field& field) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i] == &field || fields[i]->name == field.name) return i;
    throw QueryError("the column of '" + field.name + "' is no field of " + model.name);
}

std::size_t depth_of(const std::string& path) {
    if (path.empty()) return 0;
    std::size_t depth = 1;
    for (std::size_t at = path.find("__"); at != std::string::npos; at = path.find("__", at + 2))
        ++depth;
    return depth;
}

}  // namespace

RecordLayout::RecordLayout(Database db, Models models, const ModelState& model,
                           std::vector<SelectColumn> columns)
    : db_(std::move(db)), models_(std::move(models)), columns_(std::move(columns)) {
    owners_.push_back(make_owner(model, ""));

    auto names = std::make_shared<std::vector<std::string>>();
    for (const SelectColumn& column : columns_) {
        names->push_back(column.name);
        Target target;
        target.owner = owner_for(column);
        if (target.owner >= 0) {
            Owner& owner = owners_[static_cast<std::size_t>(target.owner)];
            target.slot = slot_of(*owner.model, owner.fields, *column.field);
            owner.loaded[target.slot] = true;
            if (!column.aggregate && column.field->has_column())
                target.kept = kind_kept_from_db(*column.field);
        }
        targets_.push_back(target);
    }
    names_ = std::move(names);
    identity_ = owners_.size() == 1 && targets_.size() == owners_[0].size;
    for (std::size_t i = 0; identity_ && i < targets_.size(); ++i)
        identity_ = targets_[i].owner == 0 && targets_[i].slot == i;
    for (Owner& owner : owners_)
        if (std::all_of(owner.loaded.begin(), owner.loaded.end(), [](bool b) { return b; }))
            owner.loaded.clear();
    link_owners();
}

// A Field column belongs to the queried model or to the select_related
// record of its relation path; every other column is an annotation.
int RecordLayout::owner_for(const SelectColumn& column) {
    if (column.kind != SelectColumn::Kind::Field || !column.field) return -1;
    if (column.relation_path.empty()) return 0;
    if (!column.model) return -1;
    for (std::size_t i = 0; i < owners_.size(); ++i)
        if (owners_[i].path == column.relation_path) return static_cast<int>(i);
    owners_.push_back(make_owner(*column.model, column.relation_path));
    return static_cast<int>(owners_.size() - 1);
}

RecordLayout::Owner RecordLayout::make_owner(const ModelState& model,
                                             const std::string& path) const {
    Owner owner;
    owner.model = &model;
    owner.slots = models_.slots(model);
    owner.path = path;
    owner.fields = model.concrete_fields();
    owner.size = owner.fields.size();
    owner.loaded.assign(owner.size, false);
    if (const Field* pk = model.primary_key()) owner.pk_slot = slot_of(model, owner.fields, *pk);
    return owner;
}

// Each related record hangs on the record of its path's prefix
// (author__profile on author); read() builds deeper records first.
void RecordLayout::link_owners() {
    for (Owner& owner : owners_) {
        if (owner.path.empty()) continue;
        const std::size_t cut = owner.path.rfind("__");
        const std::string parent = cut == std::string::npos ? "" : owner.path.substr(0, cut);
        owner.field = cut == std::string::npos ? owner.path : owner.path.substr(cut + 2);
        for (std::size_t i = 0; i < owners_.size(); ++i)
            if (owners_[i].path == parent) owner.parent = static_cast<int>(i);
    }
    // Reading attaches owners from the last to the first: deeper ones last.
    std::vector<std::size_t> order(owners_.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin() + 1, order.end(), [&](std::size_t a, std::size_t b) {
        return depth_of(owners_[a].path) < depth_of(owners_[b].path);
    });
    std::vector<int> position(owners_.size());
    std::vector<Owner> sorted;
    for (std::size_t i = 0; i < order.size(); ++i) {
        position[order[i]] = static_cast<int>(i);
        sorted.push_back(std::move(owners_[order[i]]));
    }
    for (Owner& owner : sorted)
        if (owner.parent >= 0) owner.parent = position[static_cast<std::size_t>(owner.parent)];
    for (Target& target : targets_)
        if (target.owner >= 0) target.owner = position[static_cast<std::size_t>(target.owner)];
    owners_ = std::move(sorted);
}

Record RecordLayout::make_record(const Owner& owner, Row values) const {
    if (owner.slots)
        return Record(db_, models_, *owner.model, *owner.slots, std::move(values), owner.loaded);
    return Record(db_, models_, *owner.model, std::move(values), owner.loaded);
}

Record RecordLayout::read(Row& row) const {
    if (owners_.size() == 1) {  // no select_related: the common, fast case
        Row values(owners_[0].size);
        std::vector<std::pair<std::string, Value>> annotations;
        for (std::size_t i = 0; i < targets_.size(); ++i) {
            Value value = value_of(i, row[i]);
            if (targets_[i].owner < 0)
                annotations.emplace_back(columns_[i].name, std::move(value));
            else
                values[targets_[i].slot] = std::move(value);
        }
        Record record = make_record(owners_[0], std::move(values));
        for (auto& [name, value] : annotations)
            record.set_annotation(name, std::move(value));
        return record;
    }
    // A query joins a few relations: their records live on the stack while
    // the row is read (no list of them made per row).
    constexpr std::size_t kInline = 4;
    if (owners_.size() <= kInline) {
        std::optional<Record> records[kInline];
        read_related(row, records);
        return std::move(*records[0]);
    }
    std::vector<std::optional<Record>> records(owners_.size());
    read_related(row, records.data());
    return std::move(*records[0]);
}

// Each owner's record made first, with room for its fields; the values go
// straight into them (Record's friend), with no per-owner row between.
void RecordLayout::read_related(Row& row, std::optional<Record>* records) const {
    for (std::size_t k = 0; k < owners_.size(); ++k)
        records[k].emplace(make_record(owners_[k], Row(owners_[k].size)));
    for (std::size_t i = 0; i < targets_.size(); ++i) {
        Value value = value_of(i, row[i]);
        if (targets_[i].owner < 0)
            records[0]->set_annotation(columns_[i].name, std::move(value));
        else
            records[static_cast<std::size_t>(targets_[i].owner)]->values_[targets_[i].slot] =
                std::move(value);
    }
    for (std::size_t k = 1; k < owners_.size(); ++k)  // no related row (LEFT JOIN)
        if (records[k]->values_[owners_[k].pk_slot].is_null()) records[k].reset();
    for (std::size_t k = owners_.size() - 1; k > 0; --k) {
        const Owner& owner = owners_[k];
        if (owner.parent >= 0 && records[static_cast<std::size_t>(owner.parent)])
            records[static_cast<std::size_t>(owner.parent)]->cache_related(owner.field,
                                                                           std::move(records[k]));
    }
}

bool RecordLayout::reusable(const Record& record) const {
    return identity_ && record.model_ == owners_[0].model && record.db_ == db_ &&
           &record.models_.state() == &models_.state();
}

// The row's values swap places with the record's old ones (the cursor
// overwrites those next), so a row costs no allocation of its own.
void RecordLayout::read_into(Row& row, Record& record) const {
    if (!reusable(record) || row.size() < targets_.size()) {
        record = read(row);
        return;
    }
    row.resize(targets_.size());
    record.values_.swap(row);
    for (std::size_t i = 0; i < targets_.size(); ++i) {
        Value& value = record.values_[i];
        const std::optional<Value::Kind>& kept = targets_[i].kept;
        if (kept && (value.kind() == *kept || value.is_null())) continue;
        if (kept == Value::Kind::Bool && value.kind() == Value::Kind::Int &&
            (value.as_int() == 0 || value.as_int() == 1))
            value.assign_bool(value.as_int() == 1);  // a 0/1 column (as bool_from_db)
        else
            value = column_value(columns_[i], std::move(value));
    }
    if (!record.loaded_.empty() || !owners_[0].loaded.empty()) record.loaded_ = owners_[0].loaded;
    record.annotations_.clear();
    record.caches_.reset();  // another row's related records
    record.adding_ = false;
}

NamedRow RecordLayout::read_named(Row& row) const {
    NamedRow named;
    named.names = names_;
    named.values.reserve(columns_.size());
    for (std::size_t i = 0; i < columns_.size(); ++i)
        named.values.push_back(i < row.size() ? column_value(columns_[i], std::move(row[i]))
                                              : Value());
    return named;
}

}  // namespace covet
