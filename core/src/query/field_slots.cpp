#include "query/field_slots.h"

#include <exception>

namespace covet {

namespace {

bool is_text_kind(FieldType type) {
    return type == FieldType::CharField || type == FieldType::TextField ||
           type == FieldType::EmailField || type == FieldType::URLField;
}

}  // namespace

// Django's Field.get_default: the default, else '' where empty strings are
// allowed and NULL is not, else None (b'' for a BinaryField that is not null).
Value default_of(const Field& field) {
    if (auto typed = field.typed_default()) return *typed;
    if (field.null) return Value();
    if (is_text_kind(field.type)) return Value(std::string());
    if (field.type == FieldType::BinaryField) return Value(Bytes{});
    return Value();
}

FieldSlots::FieldSlots(const ModelState& model) {
    // Django's attribute name first, then the column, field by field: the
    // first field matching either wins, as the scan this replaces did.
    for (const Field& field : model.fields) {
        if (!field.has_column()) continue;
        const std::size_t slot = fields_.size();
        fields_.push_back(&field);
        if (field.primary_key && !pk_) pk_ = slot;
        add_name(field.name, slot);
        const std::string column = field.column();
        if (column != field.name) add_name(column, slot);
    }
    // Defaults are constants, read once; a default that does not read as
    // its field's kind leaves them unread, for each record to report.
    try {
        Row defaults;
        for (const Field* field : fields_)
            defaults.push_back(default_of(*field));
        defaults_ = std::move(defaults);
    } catch (const std::exception&) {
    }
}

void FieldSlots::add_name(const std::string& name, std::size_t slot) {
    keys_.push_back({head_of(name.data(), name.size()), static_cast<std::uint32_t>(name.size()),
                     static_cast<std::uint16_t>(slot), static_cast<std::uint16_t>(texts_.size())});
    texts_.push_back(name);
}

FieldSlotTables::FieldSlotTables(const ProjectState& state) {
    for (const ModelState* model : state.models())
        known_.emplace(model, std::make_unique<FieldSlots>(*model));
}

}  // namespace covet
